/**
 * Packing paragraphs into requests an engine accepts: at most `maxTexts` texts and `maxChars`
 * characters (UTF-16 units) per request. A paragraph longer than `maxChars` is cut at sentence
 * boundaries into parts that are translated separately and re-joined with a space.
 */
import type { EngineCapabilities } from '../engines/types.js';

/**
 * Splits `text` into parts of at most `maxChars`, at sentence ends where possible, else at the
 * last space before the limit, else hard. Parts are trimmed; re-join them with one space.
 * @example splitLongText('Câu một. Câu hai.', 10) // ['Câu một.', 'Câu hai.']
 */
export function splitLongText(text: string, maxChars: number): string[] {
  if (text.length <= maxChars) return [text];
  const sentences = text.match(/[^.!?…]+(?:[.!?…]+["”’)\]]*|$)\s*/gu) ?? [text];
  const parts: string[] = [];
  let current = '';
  const flush = (): void => {
    const t = current.trim();
    if (t) parts.push(t);
    current = '';
  };
  for (const sentence of sentences) {
    if ((current + sentence).trim().length <= maxChars) {
      current += sentence;
      continue;
    }
    flush();
    let rest = sentence.trim();
    while (rest.length > maxChars) {
      const space = rest.lastIndexOf(' ', maxChars);
      const cut = space > 0 ? space : maxChars;
      parts.push(rest.slice(0, cut).trim());
      rest = rest.slice(cut).trim();
    }
    current = rest;
  }
  flush();
  return parts;
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
