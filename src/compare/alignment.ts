/**
 * Paragraph alignment of the inputs of a comparison. Every text must have as many paragraphs as
 * the source. When one does not, the error says where it breaks: between two English texts
 * (an engine and the reference, or another engine) paragraph similarity is reliable, so a text
 * with the right count is used as a guide; otherwise src/text/align.ts's cross-language
 * heuristic against the source is used.
 */
import { AlignmentError } from '../core/errors.js';
import { assertAligned, type ParagraphFile } from '../text/align.js';
import { sentenceChrf } from './metrics.js';

/** chrF points by which a shifted pairing must beat the straight one to count as the break. */
const SHIFT_MARGIN = 5;

/**
 * Throws an AlignmentError for the first translation (reference or engine output) whose
 * paragraph count differs from the source's, naming the file, both counts, the paragraph and
 * line where alignment breaks, whether the file seems to merge, leave out or split paragraphs or to add one, and
 * where the shorter file ends.
 * @example checkAlignment({ file: 'a.vi.txt', paragraphs }, [{ file: 'a.ref.en.txt', paragraphs: ref }, ...])
 */
export function checkAlignment(source: ParagraphFile, translations: readonly ParagraphFile[]): void {
  const n = source.paragraphs.length;
  for (const t of translations) {
    if (t.paragraphs.length === n) continue;
    const guide = translations.find((g) => g !== t && g.paragraphs.length === n);
    if (guide) throw guidedError(source, t, guide);
    crossLanguage(source, t);
  }
}

function paragraphText(f: ParagraphFile, i: number): string {
  return f.paragraphs[i]?.text.normalize('NFC') ?? '';
}

/** Where `text` stops lining up with `guide` (same language, the source's paragraph count). */
function guidedError(source: ParagraphFile, text: ParagraphFile, guide: ParagraphFile): AlignmentError {
  const fewer = text.paragraphs.length < guide.paragraphs.length;
  const limit = Math.min(text.paragraphs.length, guide.paragraphs.length);
  const t = (i: number) => paragraphText(text, i);
  const g = (i: number) => paragraphText(guide, i);
  let k = limit;
  let kind = fewer ? 'dropped' : 'added';
  for (let i = 0; i < limit; i++) {
    const straight = sentenceChrf(t(i), g(i));
    // Fewer paragraphs: guide i is missing (t(i) is guide i+1) or guide i and i+1 are one.
    // More: t(i) is extra (t(i+1) is guide i) or guide i was split into t(i) and t(i+1).
    const shifted = fewer ? sentenceChrf(t(i), g(i + 1)) : sentenceChrf(t(i + 1), g(i));
    const joined = fewer ? sentenceChrf(t(i), `${g(i)} ${g(i + 1)}`) : sentenceChrf(`${t(i)} ${t(i + 1)}`, g(i));
    if (Math.max(shifted, joined) > straight + SHIFT_MARGIN) {
      k = i;
      kind = joined >= shifted ? (fewer ? 'merged' : 'split') : kind;
      break;
    }
  }
  // Said of the file that is wrong: the guide is the one with the source's paragraph count.
  const what =
    kind === 'merged'
      ? `${text.file} seems to merge paragraphs ${k + 1} and ${k + 2} of ${guide.file} into one`
      : kind === 'split'
        ? `${text.file} seems to split paragraph ${k + 1} of ${guide.file} in two`
        : kind === 'dropped'
          ? `${text.file} seems to leave out paragraph ${k + 1} of ${guide.file}`
          : `paragraph ${k + 1} of ${text.file} looks added`;
  const at = text.paragraphs[Math.min(k, text.paragraphs.length - 1)];
  const guideAt = guide.paragraphs[Math.min(k, guide.paragraphs.length - 1)];
  return new AlignmentError(
    `${text.file} has ${text.paragraphs.length} paragraphs but ${source.file} has ${source.paragraphs.length}:` +
      ` alignment breaks at paragraph ${k + 1} (line ${at?.line ?? 1}; compared with ${guide.file}, line ${guideAt?.line ?? 1}):` +
      ` ${what}; ${shorterEnd(text, guide)}`,
    {
      location: { file: text.file, line: at?.line ?? 1, column: 1 },
      hint: 'separate paragraphs with one blank line so each source paragraph has exactly one translated paragraph',
    },
  );
}

function shorterEnd(a: ParagraphFile, b: ParagraphFile): string {
  const shorter = a.paragraphs.length < b.paragraphs.length ? a : b;
  const last = shorter.paragraphs[shorter.paragraphs.length - 1];
  return `the shorter file, ${shorter.file}, ends with ${last ? `paragraph ${last.index} at line ${last.line}` : 'no paragraphs'}`;
}

/** No same-language guide: src/text/align.ts's heuristic, plus where the shorter file ends. */
function crossLanguage(source: ParagraphFile, text: ParagraphFile): void {
  try {
    assertAligned(source, text);
  } catch (e) {
    if (!(e instanceof AlignmentError)) throw e;
    throw new AlignmentError(`${e.message}; ${shorterEnd(source, text)}`, { location: e.location, hint: e.hint });
  }
}
