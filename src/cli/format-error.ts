import { isAbsolute, relative } from 'node:path';
import { EngineError, type UserError, type ErrorLocation } from '../core/errors.js';

/** `file:line:col` (or `file (byte N)`) for an error location. */
function formatLocation(loc: ErrorLocation): string {
  if (loc.line !== undefined) return `${loc.file}:${loc.line}${loc.column !== undefined ? `:${loc.column}` : ''}`;
  if (loc.byteOffset !== undefined) return `${loc.file} (byte ${loc.byteOffset})`;
  return loc.file;
}

/**
 * One line for a user error: where, what, how to fix.
 * @example "glossary.yaml:12:5: error: unknown key `vi_variant` — did you mean `vi_variants`?"
 */
export function formatUserError(err: UserError, cwd?: string): string {
  const loc = err.location && cwd ? { ...err.location, file: shownPath(err.location.file, cwd) } : err.location;
  const where = loc ? `${formatLocation(loc)}: ` : '';
  const who = err instanceof EngineError ? `${err.engine}: ` : '';
  let message = oneLine(err.message);
  // Paths inside the message are shown as the user typed them too.
  if (cwd && err.location && isAbsolute(err.location.file)) message = message.split(err.location.file).join(shownPath(err.location.file, cwd));
  const hint = err.hint ? ` (${err.hint.replace(/\.$/, '')})` : '';
  return `${where}error: ${who}${message}${hint}`;
}

/** A path relative to the working directory when it lies below it. */
/** A path as the user would write it: relative to the working directory when inside it, else absolute. */
export function shownPath(path: string, cwd: string): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
