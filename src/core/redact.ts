/**
 * Secret redaction: API keys must never reach output, logs, reports or caches.
 * Everything that formats an error or a log line for humans passes through a Redactor.
 */

/** Replaces every occurrence of known secrets (and their URL-encoded forms) with a mask. */
export class Redactor {
  private readonly secrets: string[];
  /** Each secret's pieces of MIN_PIECE characters, built once (a language server redacts every string it sends). */
  private readonly pieces: { secret: string; starts: ReadonlySet<string> }[];
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
    // Pieces are compared without ASCII case: a check may quote a pasted key upper-cased (a code, a serial).
    this.pieces = this.secrets.map((original) => {
      const secret = asciiLowerCase(original);
      const starts = new Set<string>();
      for (let i = 0; i + MIN_PIECE <= secret.length; i++) starts.add(secret.slice(i, i + MIN_PIECE));
      return { secret, starts };
    });
  }

  /** Whether there is no secret to mask (every text comes back as it is). */
  get empty(): boolean {
    return this.secrets.length === 0;
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

  /**
   * `text` with every secret masked whole, and every piece of one at least `MIN_PIECE` characters
   * long masked too: for text that quotes what a user typed or pasted (a language server's
   * diagnostics quote the document), where a key may stand cut, or split by a line break.
   * @example new Redactor(['f63c02c5-f056-4f8a:fx']).redactPieces('url ?k=f63c02c5-f0 copied') === 'url ?k=[REDACTED] copied'
   */
  redactPieces(text: string): string {
    const out = this.redact(text);
    if (out.length < MIN_PIECE) return out;
    const folded = asciiLowerCase(out);
    // Where pieces of any secret stand, merged: a key's plain and URL-encoded forms overlap.
    const spans: [number, number][] = [];
    for (const { secret: s, starts } of this.pieces) {
      for (let i = 0; i + MIN_PIECE <= folded.length; ) {
        if (!starts.has(folded.slice(i, i + MIN_PIECE))) {
          i++;
          continue;
        }
        // Grow the piece while it is still part of the secret.
        let end = i + MIN_PIECE;
        while (end < folded.length && s.includes(folded.slice(i, end + 1))) end++;
        spans.push([i, end]);
        i = end;
      }
    }
    if (spans.length === 0) return out;
    spans.sort((a, b) => a[0] - b[0]);
    let result = '';
    let from = 0;
    for (const [start, end] of spans) {
      if (end <= from) continue;
      result += start > from ? out.slice(from, start) + REDACTED : from === 0 ? REDACTED : '';
      from = end;
    }
    return result + out.slice(from);
  }

  /**
   * `redactPieces`, and a key quoted elided, as servers quote a key they reject ("Incorrect API key
   * provided: sk-proj-AbCd****wxyz"), masked whole when what shows of it starts or ends a secret:
   * for error bodies and the lines the CLI prints on stderr.
   * @example new Redactor(['sk-test-OPENAISECRET456']).redactQuoted('key sk-test-OPEN******T456.') === 'key [REDACTED].'
   */
  redactQuoted(text: string): string {
    const out = this.redactPieces(text);
    if (this.empty || !ELIDED.test(out)) return out;
    return out.replace(ELIDED_TOKEN, (token: string, before: string, shown: string, after: string) => {
      const parts = shown.split(ELIDED);
      const head = parts[0]!;
      const tail = parts[parts.length - 1]!;
      const starts = head.endsWith(REDACTED) || (head.length >= MIN_FRAGMENT && this.pieces.some((p) => p.secret.startsWith(asciiLowerCase(head))));
      const ends = tail.startsWith(REDACTED) || (tail.length >= MIN_FRAGMENT && this.pieces.some((p) => p.secret.endsWith(asciiLowerCase(tail))));
      return starts || ends ? `${before}${REDACTED}${after}` : token;
    });
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
    // Only what can show is read (a proxy's error page may be large), with room for a key at the cut.
    const longest = this.secrets[0]?.length ?? 0;
    const room = max + 2 * longest + 16;
    let out = this.maskEdges(this.redactQuoted(text.length > room ? text.slice(0, room) : text));
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

/** A run of asterisks or dots, or an ellipsis: where a quoted key may be elided. */
const ELIDED = /\*{3,}|\.{3,}|\u2026/;
/** A word holding an elision, without the quotes, parentheses and punctuation around it (a `[` may open a mask). */
const ELIDED_TOKEN = new RegExp(`(?<=^|\\s)([("']*)([^\\s("']*?(?:${ELIDED.source})\\S*?)([)"'\\].,;:!?]*)(?=\\s|$)`, 'g');

/** What a secret is replaced with. */
export const REDACTED = '[REDACTED]';

/**
 * A URL setting as it may be shown: the password (or a user name standing alone, which may be a
 * token), every query value and the fragment masked, the rest as written, even when it is no URL
 * at all (what was written is what the user must recognise and correct).
 * @example maskedUrl('http://admin:s3cret@127.0.0.1:8787/?token=abc') === 'http://admin:[REDACTED]@127.0.0.1:8787/?token=[REDACTED]'
 */
export function maskedUrl(value: string): string {
  const authorityAt = /^[a-z][a-z0-9+.-]*:\/\//i.exec(value)?.[0].length ?? 0;
  let rest = value.slice(authorityAt);
  const pathAt = rest.search(/[/?#]/);
  const userAt = (pathAt < 0 ? rest : rest.slice(0, pathAt)).lastIndexOf('@');
  if (userAt >= 0) {
    const colon = rest.slice(0, userAt).indexOf(':');
    rest = `${colon >= 0 ? rest.slice(0, colon + 1) : ''}${REDACTED}${rest.slice(userAt)}`;
  }
  const queryAt = rest.search(/[?#]/);
  if (queryAt < 0) return value.slice(0, authorityAt) + rest;
  const hashAt = rest.indexOf('#', queryAt);
  const query = rest.slice(queryAt, hashAt < 0 ? undefined : hashAt);
  const params = query.slice(1).split('&').map((p) => (p === '' ? p : p.includes('=') ? `${p.slice(0, p.indexOf('=') + 1)}${REDACTED}` : REDACTED));
  const fragment = hashAt < 0 ? '' : `#${hashAt + 1 < rest.length ? REDACTED : ''}`;
  return value.slice(0, authorityAt) + rest.slice(0, queryAt) + (query ? `?${params.join('&')}` : '') + fragment;
}

/** Shorter pieces of a key inside quoted text are too likely to be ordinary text to be masked. */
const MIN_PIECE = 8;

/** `text` with A–Z as a–z and every other unit as it is: the same length, offsets kept. */
function asciiLowerCase(text: string): string {
  return text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}

/** Shorter pieces of a key at a cut are too likely to be ordinary text to be masked. */
const MIN_FRAGMENT = 4;

/** Names of environment variables that hold secrets, by convention. */
export function isSecretName(name: string): boolean {
  return /(KEY|TOKEN|SECRET|PASSWORD|CREDENTIALS_JSON)$/i.test(name) && !/^(GOOGLE_APPLICATION_CREDENTIALS)$/.test(name);
}

/** The values of the environment's secret variables (see `isSecretName`). */
export function environmentSecrets(env: Readonly<Record<string, string | undefined>>): string[] {
  return Object.entries(env)
    .filter(([name, value]) => value && isSecretName(name))
    .map(([, value]) => value!);
}
