/**
 * Secret redaction: API keys must never reach output, logs, reports or caches.
 * Everything that formats an error or a log line for humans passes through a Redactor.
 */

/** Replaces every occurrence of known secrets (and their URL-encoded forms) with a mask. */
export class Redactor {
  private readonly secrets: string[];
  constructor(secrets: Iterable<string | undefined>) {
    const unique = new Set<string>();
    for (const s of secrets) {
      // Very short values would mask ordinary words; real keys are long.
      if (s && s.length >= 8) {
        unique.add(s);
        unique.add(encodeURIComponent(s));
      }
    }
    // Longest first, so a key that contains another is masked whole.
    this.secrets = [...unique].sort((a, b) => b.length - a.length);
  }

  /** Add secrets learnt later (e.g. from a config file). */
  with(more: Iterable<string | undefined>): Redactor {
    return new Redactor([...this.secrets, ...more]);
  }

  /**
   * @example new Redactor(['abcd1234:fx']).redact('key abcd1234:fx refused') === 'key [REDACTED] refused'
   */
  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) if (out.includes(s)) out = out.split(s).join(REDACTED);
    return out;
  }

  /** Whether `text` holds any known secret whole (a key echoed in an engine's answer). */
  finds(text: string): boolean {
    return this.secrets.some((s) => text.includes(s));
  }

  /**
   * `text` redacted, then cut to at most `max` characters (`...` marks the cut). Redacting first
   * means no key is ever cut into a prefix that the mask would no longer recognise; and a text that
   * arrives already cut (a server that truncates its own error bodies) may end in the first part of
   * a key, or start with the last part, which is masked too.
   * @example new Redactor(['abcd1234efgh']).cut('key abcd1234efgh refused', 12) === 'key [REDA...'
   */
  cut(text: string, max: number): string {
    let out = this.maskEdges(this.redact(text));
    if (out.length > max) out = `${out.slice(0, Math.max(0, max - 3))}...`;
    return out;
  }

  /** Masks the start of a secret at the very end of `text`, and the end of one at its very start. */
  private maskEdges(text: string): string {
    let out = text;
    for (const s of this.secrets) {
      for (let n = Math.min(s.length - 1, out.length); n >= MIN_FRAGMENT; n--) {
        if (out.endsWith(s.slice(0, n))) {
          out = out.slice(0, out.length - n) + REDACTED;
          break;
        }
      }
      for (let n = Math.min(s.length - 1, out.length); n >= MIN_FRAGMENT; n--) {
        if (out.startsWith(s.slice(s.length - n))) {
          out = REDACTED + out.slice(n);
          break;
        }
      }
    }
    return out;
  }
}

/** What a secret is replaced with. */
export const REDACTED = '[REDACTED]';

/** Shorter pieces of a key at a cut are too likely to be ordinary text to be masked. */
const MIN_FRAGMENT = 4;

/** Names of environment variables that hold secrets, by convention. */
export function isSecretName(name: string): boolean {
  return /(KEY|TOKEN|SECRET|PASSWORD|CREDENTIALS_JSON)$/i.test(name) && !/^(GOOGLE_APPLICATION_CREDENTIALS)$/.test(name);
}
