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

/**
 * `detached` item by item, in place: each item's copy replaces it, so the originals go as the
 * copies come and no JSON of the whole list is ever made (for 84,000 findings quoting Vietnamese,
 * a string of some 100 MB beside both lists).
 * @example detachEach(result.findings) // the same array, of copies
 */
export function detachEach<T>(items: T[]): T[] {
  for (let i = 0; i < items.length; i++) items[i] = detached(items[i]!);
  return items;
}

/**
 * The same text held one byte a character when every character fits in one (Latin-1). V8 keeps a
 * string two bytes a character when it is made of two-byte pieces, even once no character needs
 * them: an engine's answers carry `⟦1⟧` placeholders until the terms go back in, so the English
 * output joined from them took 114 MB for 57 MB of ASCII.
 * @example compactText('Glide Phase Interceptor') // the same characters, one byte each
 */
export function compactText(text: string): string {
  return NOT_LATIN1.test(text) ? text : Buffer.from(text, 'latin1').toString('latin1');
}

const NOT_LATIN1 = /[\u0100-\uffff]/;
