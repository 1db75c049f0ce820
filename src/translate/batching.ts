/**
 * Packing paragraphs into requests an engine accepts: at most `maxTexts` texts and `maxChars`
 * characters (UTF-16 units) per request. A paragraph longer than `maxChars` is cut at sentence
 * boundaries into parts that are translated separately and re-joined with the exact whitespace
 * that stood between them (`joinSplit`).
 */
import type { EngineCapabilities } from '../engines/types.js';

/**
 * A text cut into parts by offsets: `separators` has one more entry than `parts` (the text before
 * the first part, between each two parts, after the last), so `joinSplit(parts, separators)` gives
 * the text back exactly. Parts carry no leading or trailing whitespace once a text is cut; the
 * separators are the whitespace runs the cuts fell on ('' for a hard cut inside a word).
 */
export interface TextSplit {
  parts: string[];
  separators: string[];
}

const SPACE = /\s/u;
/** A sentence end: marks and closing quotes or brackets, followed by whitespace. */
const SENTENCE_END = /[.!?…]+["”’)\]]*(?=\s)/gu;
/** A placeholder token (placeholders.ts), never cut in two. */
const TOKEN = /⟦\s*\d+\s*⟧/gu;

/**
 * Cuts `text` into parts of at most `maxChars` UTF-16 units, at the last sentence end that fits,
 * else at the last whitespace that fits, else hard (never inside a surrogate pair, before a
 * combining mark or inside a placeholder token, when avoidable). Exact: the parts and separators
 * re-join to the input, whatever it holds.
 * @example splitText('Câu một. Câu hai.', 10) // { parts: ['Câu một.', 'Câu hai.'], separators: ['', ' ', ''] }
 */
export function splitText(text: string, maxChars: number): TextSplit {
  const max = Math.max(1, Math.floor(maxChars));
  if (text.length <= max) return { parts: [text], separators: ['', ''] };
  let pos = 0;
  while (pos < text.length && SPACE.test(text[pos]!)) pos++;
  let end = text.length;
  while (end > pos && SPACE.test(text[end - 1]!)) end--;
  if (pos === end) return { parts: [], separators: [text] };
  const parts: string[] = [];
  const separators: string[] = [text.slice(0, pos)];
  while (end - pos > max) {
    const [partEnd, next] = cutAt(text, pos, max);
    parts.push(text.slice(pos, partEnd));
    separators.push(text.slice(partEnd, next));
    pos = next;
  }
  parts.push(text.slice(pos, end));
  separators.push(text.slice(end));
  return { parts, separators };
}

/** Where the part starting at `pos` (not whitespace) ends, and where the next one starts. */
function cutAt(text: string, pos: number, max: number): [number, number] {
  const limit = pos + max;
  const skipSpace = (i: number): number => {
    while (i < text.length && SPACE.test(text[i]!)) i++;
    return i;
  };
  let sentenceEnd = -1;
  const window = text.slice(pos, limit + 1);
  for (const m of window.matchAll(SENTENCE_END)) {
    const e = m.index + m[0].length;
    if (e <= max) sentenceEnd = pos + e;
  }
  if (sentenceEnd > pos) return [sentenceEnd, skipSpace(sentenceEnd)];
  for (let i = limit; i > pos; i--) {
    if (SPACE.test(text[i]!) && !SPACE.test(text[i - 1]!)) return [i, skipSpace(i)];
  }
  let cut = limit;
  const unsafe = (i: number): boolean => /[\uDC00-\uDFFF]/.test(text[i]!) || /^\p{M}/u.test(text.slice(i, i + 2)) || insideToken(text, i);
  while (cut > pos + 1 && unsafe(cut)) cut--;
  if (cut === pos + 1 && unsafe(cut)) cut = limit;
  return [cut, cut];
}

/** Whether offset `i` falls strictly inside a placeholder token. */
function insideToken(text: string, i: number): boolean {
  const around = text.slice(Math.max(0, i - 16), i + 16);
  const base = Math.max(0, i - 16);
  for (const m of around.matchAll(TOKEN)) {
    if (base + m.index < i && i < base + m.index + m[0].length) return true;
  }
  return false;
}

/** The inverse of `splitText`: parts (or their translations) put back between the separators. */
export function joinSplit(parts: readonly string[], separators: readonly string[]): string {
  let out = separators[0] ?? '';
  parts.forEach((p, i) => {
    out += p + (separators[i + 1] ?? '');
  });
  return out;
}

/**
 * The parts of `splitText`: at most `maxChars` each, at sentence ends where possible, else at the
 * last space before the limit, else hard. Re-join translations with `joinSplit`.
 * @example splitLongText('Câu một. Câu hai.', 10) // ['Câu một.', 'Câu hai.']
 */
export function splitLongText(text: string, maxChars: number): string[] {
  return splitText(text, maxChars).parts;
}

/**
 * Groups items, in order, into batches within the engine's limits. An item longer than
 * `maxChars` on its own gets a batch of its own (callers split such items first).
 */
export function planBatches<T extends { text: string }>(items: readonly T[], caps: Pick<EngineCapabilities, 'maxTexts' | 'maxChars'>): T[][] {
  const maxTexts = Math.max(1, caps.maxTexts);
  const batches: T[][] = [];
  let batch: T[] = [];
  let chars = 0;
  for (const item of items) {
    if (batch.length > 0 && (batch.length >= maxTexts || chars + item.text.length > caps.maxChars)) {
      batches.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(item);
    chars += item.text.length;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
