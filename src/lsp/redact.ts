/**
 * What the language server sends passes through the redactor, as everything the CLI prints does:
 * diagnostics quote the document and the config as the user typed them, log messages carry
 * errors, and any of them may hold an API key or a piece of one.
 */
import type { Message, MessageWriter } from 'vscode-languageserver/node';
import type { Redactor } from '../core/redact.js';

/**
 * `value` with every string in it redacted (keys whole and in pieces); objects and arrays copied,
 * the rest as it is. Property names are the protocol's and stay.
 * @example redactDeep({ message: 'key f63c02c5-f056-4f8a:fx' }, new Redactor(['f63c02c5-f056-4f8a:fx'])) → { message: 'key [REDACTED]' }
 */
export function redactDeep<T>(value: T, redactor: Redactor): T {
  if (typeof value === 'string') return redactor.redactPieces(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => redactDeep(v, redactor)) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) copy[k] = redactDeep(v, redactor);
    return copy as T;
  }
  return value;
}

/**
 * A writer that redacts each message before `inner` writes it. `redactor` is asked at every
 * message, so secrets learnt later (a config loaded or typed) apply from then on.
 */
export function redactingWriter(inner: MessageWriter, redactor: () => Redactor): MessageWriter {
  return {
    onError: inner.onError,
    onClose: inner.onClose,
    write: (msg: Message) => {
      const current = redactor();
      // Nothing to mask (no key in the environment or the config): no copy of a large diagnostics list.
      return inner.write(current.empty ? msg : redactDeep(msg, current));
    },
    end: () => inner.end(),
    dispose: () => inner.dispose(),
  };
}

/**
 * Secrets learnt while serving, none a part of another. Messages are masked by pieces of keys
 * (`Redactor.redactPieces`), so a key typed into the config character by character, told at every
 * pause, needs only its longest form: its prefixes are pieces of it. Kept otherwise, every
 * message would be masked against one more secret per keystroke.
 * @example const s = new LearntSecrets(); s.add(['f63c02c5-f0']); s.add(['f63c02c5-f056-4f8a']); s.values() // ['f63c02c5-f056-4f8a']
 */
export class LearntSecrets {
  private readonly kept = new Set<string>();

  /** Learns `values`; returns the ones that were new (not a part of one known). */
  add(values: Iterable<string>): string[] {
    const added: string[] = [];
    for (const value of new Set(values)) {
      if (value.length < 8 || [...this.kept].some((known) => known.includes(value))) continue;
      for (const known of this.kept) if (value.includes(known)) this.kept.delete(known);
      this.kept.add(value);
      added.push(value);
    }
    return added;
  }

  values(): string[] {
    return [...this.kept];
  }
}
