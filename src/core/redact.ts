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
    for (const s of this.secrets) if (out.includes(s)) out = out.split(s).join('[REDACTED]');
    return out;
  }
}

/** Names of environment variables that hold secrets, by convention. */
export function isSecretName(name: string): boolean {
  return /(KEY|TOKEN|SECRET|PASSWORD|CREDENTIALS_JSON)$/i.test(name) && !/^(GOOGLE_APPLICATION_CREDENTIALS)$/.test(name);
}
