import { UserError, EngineError, type ErrorLocation } from '../core/errors.js';

/** `file:line:col` (or `file (byte N)`) for an error location. */
export function formatLocation(loc: ErrorLocation): string {
  if (loc.line !== undefined) return `${loc.file}:${loc.line}${loc.column !== undefined ? `:${loc.column}` : ''}`;
  if (loc.byteOffset !== undefined) return `${loc.file} (byte ${loc.byteOffset})`;
  return loc.file;
}

/**
 * One line for a user error: where, what, how to fix.
 * @example "glossary.yaml:12:5: error: unknown key `vi_variant` — did you mean `vi_variants`?"
 */
export function formatUserError(err: UserError): string {
  const where = err.location ? `${formatLocation(err.location)}: ` : '';
  const who = err instanceof EngineError ? `${err.engine}: ` : '';
  const hint = err.hint ? ` (${err.hint})` : '';
  return `${where}error: ${who}${oneLine(err.message)}${hint}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
