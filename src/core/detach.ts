/**
 * Copies of results kept after the texts they came from are let go.
 */

/**
 * A deep copy of plain data (findings, outcomes) through JSON. V8 keeps a whole string alive for
 * any piece cut from it, so a finding that quotes three words of an article holds on to the
 * article; the copy holds only its own strings, and JSON.parse shares the short ones that every
 * finding repeats (rule ids, file names). Keys whose value is undefined are left out, as JSON has it.
 * @example detached([{ message: text.slice(10, 40) }]) // holds 30 characters, not `text`
 */
export function detached<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
