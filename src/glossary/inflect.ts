/**
 * English inflection for glossary renderings: plurals of the head noun (not blindly the last
 * word) and of acronyms. Only what term matching and fixing need, not a general morphology.
 */

/** Words that end a noun phrase's head: "Memorandum | of Understanding", "Ministry | for Foreign Affairs". */
const PREPOSITIONS: ReadonlySet<string> = new Set([
  'of', 'for', 'on', 'in', 'to', 'between', 'with', 'at', 'from', 'against', 'under', 'by', 'among',
  'over', 'per', 'about', 'into', 'through', 'within', 'without', 'across', 'regarding', 'concerning',
]);

/** Irregular plurals, preferred form first. Lower case. */
const IRREGULAR: ReadonlyMap<string, readonly string[]> = new Map([
  ['memorandum', ['memoranda', 'memorandums']],
  ['criterion', ['criteria']],
  ['phenomenon', ['phenomena']],
  ['datum', ['data']],
  ['medium', ['media', 'mediums']],
  ['curriculum', ['curricula', 'curriculums']],
  ['addendum', ['addenda']],
  ['analysis', ['analyses']],
  ['basis', ['bases']],
  ['crisis', ['crises']],
  ['thesis', ['theses']],
  ['hypothesis', ['hypotheses']],
  ['diagnosis', ['diagnoses']],
  ['axis', ['axes']],
  ['index', ['indices', 'indexes']],
  ['appendix', ['appendices', 'appendixes']],
  ['matrix', ['matrices']],
  ['annex', ['annexes']],
  ['child', ['children']],
  ['person', ['people', 'persons']],
  ['foot', ['feet']],
  ['tooth', ['teeth']],
  ['mouse', ['mice']],
  ['leaf', ['leaves']],
  ['life', ['lives']],
  ['knife', ['knives']],
  ['wife', ['wives']],
  ['half', ['halves']],
  ['shelf', ['shelves']],
  ['thief', ['thieves']],
  ['wolf', ['wolves']],
  ['chief', ['chiefs']],
]);

/** Nouns whose plural is the singular. */
const INVARIANT: ReadonlySet<string> = new Set([
  'aircraft', 'spacecraft', 'watercraft', 'hovercraft', 'series', 'species', 'means', 'headquarters',
  'sheep', 'deer', 'fish', 'equipment', 'information', 'personnel', 'news', 'offspring',
]);

/** Words ending in "s" that are singular, so "-es" is added rather than the word taken as already plural. */
const SINGULAR_S = /(?:ss|us|is|as|os)$/;

/**
 * Whether a word is an acronym: two or more characters, upper-case letters and digits only
 * (with `&`/`-` inside), at least one letter.
 * @example isAcronym('MOU') === true; isAcronym('RDT&E') === true; isAcronym('Interceptor') === false
 */
export function isAcronym(word: string): boolean {
  // Most words asked about are ordinary ones: a lower-case ASCII letter settles it without a regex.
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return false;
  }
  return /^[\p{Lu}\p{N}]+(?:[&-][\p{Lu}\p{N}]+)*$/u.test(word) && /\p{Lu}/u.test(word) && [...word].length >= 2;
}

/**
 * Plural forms of one noun, preferred first, keeping its case pattern ("Memorandum" → "Memoranda",
 * "MOU" → "MOUs": an acronym takes a lower-case "s", never "MOUS"). Empty when the word is already plural.
 * @example pluralWord('Agency') → ['Agencies']; pluralWord('MOU') → ['MOUs']
 */
export function pluralWord(word: string): string[] {
  if (word.length === 0) return [];
  if (isAcronym(word)) return [`${word}s`];
  const lower = word.toLowerCase();
  if (INVARIANT.has(lower)) return [];
  const irregular = IRREGULAR.get(lower);
  if (irregular) return irregular.map((p) => matchCase(word, p));
  // Compounds of "man": Chairman → Chairmen, Congressman → Congressmen (but not "German").
  if (/(?:chair|congress|spokes|states|sales|fisher|service|police|fire|committee)man$/.test(lower)) {
    return [matchCase(word, `${lower.slice(0, -3)}men`)];
  }
  if (lower === 'man' || lower === 'woman') return [matchCase(word, `${lower.slice(0, -2)}en`)];
  let plurals: string[];
  if (/[^aeiou]y$/.test(lower)) plurals = [`${lower.slice(0, -1)}ies`];
  else if (/(?:x|z|ch|sh)$/.test(lower)) plurals = [`${lower}es`];
  else if (lower.endsWith('s')) plurals = SINGULAR_S.test(lower) ? [`${lower}es`] : [];
  else if (/[^aeiou]o$/.test(lower)) plurals = [`${lower}s`, `${lower}es`];
  else plurals = [`${lower}s`];
  return plurals.map((p) => matchCase(word, p));
}

/** Give `target` (lower case) the case pattern of `model`: all caps, capitalised, or as is. */
function matchCase(model: string, target: string): string {
  if (model.length > 1 && model === model.toUpperCase() && model !== model.toLowerCase()) return target.toUpperCase();
  const first = model.charAt(0);
  if (first !== first.toLowerCase()) return target.charAt(0).toUpperCase() + target.slice(1);
  // Mixed inner case (e.g. "iPhone") is kept where the plural shares the stem.
  const stem = commonPrefixLength(model.toLowerCase(), target);
  return model.slice(0, stem) + target.slice(stem);
}

function commonPrefixLength(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** A word of a rendering and the separator that follows it (space, hyphen, or '' at the end). */
interface WordPiece {
  word: string;
  after: string;
}

const SEPARATOR = /[\s\-\u2010-\u2015]/u;

/** Whether the UTF-16 code is a word separator: white space, a hyphen or a dash (never half of a surrogate pair). */
function isSeparator(c: number): boolean {
  if (c < 0x80) return c === 0x20 || c === 0x2d || (c >= 0x09 && c <= 0x0d);
  return SEPARATOR.test(String.fromCharCode(c));
}

/** Words and the separators after them, separators before the first word dropped (a char loop: it runs for every rendering of a glossary). */
function splitWords(phrase: string): WordPiece[] {
  const pieces: WordPiece[] = [];
  const n = phrase.length;
  let i = 0;
  while (i < n && isSeparator(phrase.charCodeAt(i))) i++;
  while (i < n) {
    const wordStart = i;
    while (i < n && !isSeparator(phrase.charCodeAt(i))) i++;
    const afterStart = i;
    while (i < n && isSeparator(phrase.charCodeAt(i))) i++;
    pieces.push({ word: phrase.slice(wordStart, afterStart), after: phrase.slice(afterStart, i) });
  }
  return pieces;
}

/**
 * Index of the head noun of an English noun phrase: the word before the first preposition, else the last word.
 * A preposition hyphenated to the word before it belongs to a compound modifier ("surface-to-surface
 * missile"), not to the phrase: `hyphenated[i]` says word i is joined to word i-1 by a hyphen.
 * @example headIndex(['Memorandum', 'of', 'Understanding']) === 0; headIndex(['Glide', 'Phase', 'Interceptor']) === 2
 */
export function headIndex(words: readonly string[], hyphenated: readonly boolean[] = []): number {
  for (let i = 1; i < words.length; i++) {
    if (!hyphenated[i] && PREPOSITIONS.has((words[i] ?? '').toLowerCase())) return i - 1;
  }
  return words.length - 1;
}

/**
 * Plural forms of a rendering, preferred first: the head noun is inflected, the rest kept as written.
 * Empty when the head is invariant or already plural.
 * @example pluralForms('Memorandum of Understanding') → ['Memoranda of Understanding', 'Memorandums of Understanding']
 * @example pluralForms('Glide-Phase Interceptor') → ['Glide-Phase Interceptors']
 */
export function pluralForms(phrase: string): string[] {
  const pieces = splitWords(phrase);
  if (pieces.length === 0) return [];
  const hyphenated = pieces.map((_, i) => i > 0 && pieces[i - 1]!.after !== ' ' && /^[-\u2010-\u2015]+$/u.test(pieces[i - 1]!.after));
  const head = headIndex(
    pieces.map((p) => p.word),
    hyphenated,
  );
  const headPiece = pieces[head];
  if (!headPiece) return [];
  // Trailing punctuation on the head ("Inc.") is not part of the noun (none after an ASCII letter or digit).
  const last = headPiece.word.charCodeAt(headPiece.word.length - 1);
  const m = (last >= 0x61 && last <= 0x7a) || (last >= 0x41 && last <= 0x5a) || (last >= 0x30 && last <= 0x39) ? undefined : /^(.*?)([^\p{L}\p{M}\p{N}]*)$/u.exec(headPiece.word);
  const core = m?.[1] ?? headPiece.word;
  const tail = m?.[2] ?? '';
  return pluralWord(core).map((plural) =>
    pieces.map((p, i) => (i === head ? plural + tail : p.word) + p.after).join(''),
  );
}

/**
 * The preferred plural of a rendering, or the rendering itself when it has none (already plural, invariant).
 * @example preferredPlural('Glide Phase Interceptor') === 'Glide Phase Interceptors'
 */
export function preferredPlural(phrase: string): string {
  return pluralForms(phrase)[0] ?? phrase;
}
