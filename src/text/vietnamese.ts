/**
 * Vietnamese normalisation for matching: canonical tone-mark placement, i/y spelling variants,
 * case, and a folded copy of a text that maps every offset back to the original.
 *
 * Syllables are maximal runs of `[\p{L}\p{M}\p{N}]`, found by a linear scan (not `\b`, which is
 * ASCII-only, and not Intl.Segmenter, which is quadratic on long text in Node 20).
 */
import { isSpaceCode, wordCharLength, wordRunEnd } from './chars.js';

const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323'; // grave, acute, tilde, hook above, dot below
const MODIFIER_MARKS = '\u0302\u0306\u031b'; // circumflex, breve, horn
const VOWELS = 'aăâeêioôơuưy';
const MODIFIED_VOWELS = 'ăâêôơư';
const CONSONANTS = 'bcdđghklmnpqrstvx';
const ONSETS = new Set([
  'b', 'c', 'ch', 'd', 'đ', 'g', 'gh', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'ngh', 'nh',
  'p', 'ph', 'r', 's', 't', 'th', 'tr', 'v', 'x',
]);
const FINALS = new Set(['', 'c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't']);
const STOP_FINALS = new Set(['c', 'ch', 'p', 't']);
const NUCLEI = new Set([
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
  'ai', 'ao', 'au', 'âu', 'ay', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'ôi',
  'ơi', 'oo', 'ua', 'uâ', 'uă', 'ue', 'uê', 'ui', 'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ươ', 'ưu', 'yê',
  'oai', 'oay', 'oeo', 'uây', 'uôi', 'uya', 'uyê', 'uyu', 'ươi', 'ươu', 'iêu', 'yêu',
]);

/** A syllable taken apart: one entry per letter, marks split into modifiers and the tone. */
interface ParsedSyllable {
  /** Base characters as written (case kept; Icelandic Ð/ð already read as Đ/đ). */
  bases: string[];
  /** Modifier marks (circumflex, breve, horn) on each letter. */
  mods: string[];
  /** Lower-case precomposed letters without tone, for the syllable rules ('â', 'đ'). */
  letters: string[];
  /** The tone mark, '' when the syllable has none. */
  tone: string;
  /** Letter index carrying the tone, -1 when none. */
  toneAt: number;
  /** Letter index where the vowel nucleus starts and ends (half-open). */
  nucleusStart: number;
  nucleusEnd: number;
}

function readEth(ch: string): string {
  if (ch === '\u00d0') return '\u0110';
  if (ch === '\u00f0') return '\u0111';
  return ch;
}

/** Takes a syllable apart by Vietnamese spelling rules; null for anything that is not one. */
function parseSyllable(syllable: string): ParsedSyllable | null {
  const bases: string[] = [];
  const mods: string[] = [];
  let tone = '';
  let toneAt = -1;
  for (const ch of syllable.normalize('NFD')) {
    const last = bases.length - 1;
    if (TONE_MARKS.includes(ch)) {
      if (last < 0 || tone !== '') return null;
      tone = ch;
      toneAt = last;
    } else if (MODIFIER_MARKS.includes(ch)) {
      if (last < 0) return null;
      mods[last] += ch;
    } else {
      bases.push(readEth(ch));
      mods.push('');
    }
  }
  const letters: string[] = [];
  for (let k = 0; k < bases.length; k++) {
    const letter = ((bases[k] ?? '').toLowerCase() + (mods[k] ?? '')).normalize('NFC');
    if (letter.length !== 1 || !(VOWELS.includes(letter) || CONSONANTS.includes(letter))) return null;
    letters.push(letter);
  }
  const n = letters.length;
  const isVowel = (k: number): boolean => k < n && VOWELS.includes(letters[k] ?? '#');
  let i = 0;
  if (letters[0] === 'q') {
    if (letters[1] !== 'u' || !isVowel(2)) return null;
    i = 2;
  } else if (letters[0] === 'g' && letters[1] === 'i' && isVowel(2)) {
    i = 2; // gi- onset: già, giữ, giường (but gì, gìn keep i as the vowel)
  } else {
    while (i < n && !isVowel(i)) i++;
    if (i > 0 && !ONSETS.has(letters.slice(0, i).join(''))) return null;
  }
  let j = i;
  while (isVowel(j)) j++;
  if (!NUCLEI.has(letters.slice(i, j).join(''))) return null;
  if (!FINALS.has(letters.slice(j).join(''))) return null;
  return { bases, mods, letters, tone, toneAt, nucleusStart: i, nucleusEnd: j };
}

/** Letter index where the tone belongs (hòa, thủy, khỏe, úy; hoàng, thuyền, người). */
function tonePosition(p: ParsedSyllable): number {
  const { letters, nucleusStart: i, nucleusEnd: j } = p;
  for (let k = j - 1; k >= i; k--) if (MODIFIED_VOWELS.includes(letters[k] ?? '#')) return k;
  if (j < letters.length) return j - 1; // closed syllable: last vowel
  return j - i === 3 ? i + 1 : i; // open: middle of three, else first
}

function compose(p: ParsedSyllable, toneAt: number, foldIY: boolean): string {
  let out = '';
  const iy = foldIY && p.nucleusEnd - p.nucleusStart === 1 ? p.nucleusStart : -1;
  for (let k = 0; k < p.bases.length; k++) {
    let base = p.bases[k] ?? '';
    if (k === iy) base = base === 'y' ? 'i' : base === 'Y' ? 'I' : base;
    out += base + (p.mods[k] ?? '') + (k === toneAt ? p.tone : '');
  }
  return out.normalize('NFC');
}

/**
 * Puts the tone mark of one syllable on its canonical vowel, so that old- and new-style spellings
 * meet: hoà→hòa, thuỷ→thủy, Thoả→Thỏa, khoẻ→khỏe, uý→úy (qu/gi onsets: quý, già stay).
 * Case is kept. Returns the input unchanged when nothing moves or when it is not a Vietnamese
 * syllable (Kishida, café); otherwise NFC.
 * @example canonicalToneMarks('Thoả') // 'Thỏa'
 */
export function canonicalToneMarks(syllable: string): string {
  const p = parseSyllable(syllable);
  if (!p || p.tone === '') return syllable;
  const target = tonePosition(p);
  return target === p.toneAt ? syllable : compose(p, target, false);
}

/**
 * Whether a word is a well-formed Vietnamese syllable (onset, nucleus, final, and a stop final
 * only with the sắc or nặng tone). Used to tell real Vietnamese from mojibake.
 * @example isVietnameseSyllable('thiết') // true;  isVietnameseSyllable('thiõt') // false
 */
export function isVietnameseSyllable(word: string): boolean {
  const p = parseSyllable(word);
  if (!p) return false;
  const final = p.letters.slice(p.nucleusEnd).join('');
  if (STOP_FINALS.has(final) && p.tone !== '\u0301' && p.tone !== '\u0323') return false;
  return true;
}

/**
 * The matching key of one syllable: NFC, Ð read as Đ, canonical tone placement, i/y variants
 * folded (a syllable whose only vowel is y is spelt with i: Mỹ→Mĩ, quý→quí), and lower case
 * unless `lowerCase` is false. Words that are not Vietnamese are only NFC'd (and lower-cased).
 * @example foldSyllable('Thuỷ') // 'thủy';  foldSyllable('Mỹ') // 'mĩ'
 */
export function foldSyllable(syllable: string, lowerCase = true): string {
  const cache = lowerCase ? lowerKeys : casedKeys;
  let key = cache.get(syllable);
  if (key === undefined) {
    key = computeKey(syllable, lowerCase);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(syllable, key);
  }
  return key;
}

// Texts repeat a few thousand syllables: remember their keys (bounded, so odd input cannot grow it).
const CACHE_LIMIT = 50_000;
const lowerKeys = new Map<string, string>();
const casedKeys = new Map<string, string>();

function computeKey(syllable: string, lowerCase: boolean): string {
  const p = parseSyllable(syllable);
  let out: string;
  if (p) {
    out = compose(p, p.tone === '' ? -1 : tonePosition(p), true);
  } else {
    out = syllable.normalize('NFC').replace(/[\u00d0\u00f0]/g, readEth);
  }
  return lowerCase ? out.toLowerCase() : out;
}

/**
 * Start and end (half-open UTF-16 offsets) of every syllable: maximal runs of letters, marks and
 * digits. Linear; safe on NFD text (marks stay inside their syllable).
 * @example syllableSpans('Ấn Độ-Dương') // [[0, 2], [3, 5], [6, 11]]
 */
export function syllableSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const len = wordCharLength(text, i);
    if (len === 0) {
      i++;
      continue;
    }
    const end = wordRunEnd(text, i);
    spans.push([i, end]);
    i = end;
  }
  return spans;
}

/** A folded copy of a text for matching, with a way back to offsets in the original. */
export interface FoldedText {
  /** NFC, canonical tones, i/y folded, lower case, each whitespace run one space. */
  text: string;
  /**
   * Maps an offset in `text` (a start or an end) to the offset in the original text. A folded
   * character maps to the start of the original character it came from (with its combining marks).
   */
  toOriginal(offset: number): number;
}

/** Folded form of a syllable plus, when lengths differ (NFD input), where each unit came from. */
interface FoldedSyllable {
  text: string;
  /** Per folded UTF-16 unit: offset into the raw syllable; null when it is the same index. */
  from: Int32Array | null;
}

const foldedCache = new Map<string, FoldedSyllable>();

const MARK_RE = /\p{M}/u;

/** UTF-16 indexes where each grapheme-ish cluster (a non-mark plus following marks) starts. */
function clusterStarts(s: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) continue; // low surrogate: same code point
    const cp = s.codePointAt(i) ?? c;
    if (starts.length === 0 || !MARK_RE.test(String.fromCodePoint(cp))) starts.push(i);
  }
  return starts;
}

function foldForMap(raw: string): FoldedSyllable {
  let hit = foldedCache.get(raw);
  if (hit) return hit;
  const text = foldSyllable(raw);
  let from: Int32Array | null = null;
  if (text.length !== raw.length) {
    from = new Int32Array(text.length);
    const rawStarts = clusterStarts(raw);
    const outStarts = clusterStarts(text);
    if (rawStarts.length === outStarts.length) {
      let cluster = 0;
      for (let k = 0; k < text.length; k++) {
        while (cluster + 1 < outStarts.length && (outStarts[cluster + 1] ?? Infinity) <= k) cluster++;
        from[k] = rawStarts[cluster] ?? 0;
      }
    } // else every unit maps to the syllable start (zeros)
  }
  hit = { text, from };
  if (foldedCache.size >= CACHE_LIMIT) foldedCache.clear();
  foldedCache.set(raw, hit);
  return hit;
}

/**
 * Folds a whole text for matching (see FoldedText). O(n); the offset map is stored as runs of
 * constant shift, so NFC text with single spaces needs almost none.
 * @example
 * const f = foldForMatching('Thoả  thuận');
 * f.text;            // 'thỏa thuận'
 * f.toOriginal(5);   // 7 (start of "thuận" in the original)
 */
export function foldForMatching(text: string): FoldedText {
  let out = '';
  let segStart = new Int32Array(64);
  let segShift = new Int32Array(64);
  let segCount = 0;
  let shift = Number.NaN;
  const mark = (foldedAt: number, originalAt: number): void => {
    const s = originalAt - foldedAt;
    if (s === shift) return;
    shift = s;
    if (segCount > 0 && segStart[segCount - 1] === foldedAt) {
      segShift[segCount - 1] = s;
      return;
    }
    if (segCount === segStart.length) {
      const grownStart = new Int32Array(segCount * 2);
      grownStart.set(segStart);
      segStart = grownStart;
      const grownShift = new Int32Array(segCount * 2);
      grownShift.set(segShift);
      segShift = grownShift;
    }
    segStart[segCount] = foldedAt;
    segShift[segCount] = s;
    segCount++;
  };

  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (isSpaceCode(code)) {
      mark(out.length, i);
      out += ' ';
      i++;
      while (i < n && isSpaceCode(text.charCodeAt(i))) i++;
    } else if (wordCharLength(text, i) > 0) {
      const end = wordRunEnd(text, i);
      const folded = foldForMap(text.slice(i, end));
      if (folded.from === null) {
        mark(out.length, i);
      } else {
        for (let k = 0; k < folded.from.length; k++) mark(out.length + k, i + (folded.from[k] ?? 0));
      }
      out += folded.text;
      i = end;
    } else {
      mark(out.length, i);
      out += text[i];
      i++;
    }
  }
  mark(out.length, n);

  const foldedLength = out.length;
  return {
    text: out,
    toOriginal(offset: number): number {
      const o = Math.max(0, Math.min(foldedLength, Math.trunc(offset)));
      let lo = 0;
      let hi = segCount - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((segStart[mid] ?? 0) <= o) lo = mid;
        else hi = mid - 1;
      }
      return Math.min(n, o + (segShift[lo] ?? 0));
    },
  };
}

/** Marks only Vietnamese puts on Latin letters (after NFD), and đ. */
const VIETNAMESE_MARK = /[\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b]|[đĐ]/u;
/** Above this code point no character carries a Vietnamese mark (Latin Extended Additional ends at U+1EFF). */
const MARKED_LIMIT = 0x1f00;
let markedTable: Uint8Array | undefined;

/** 1 for each character that is written with a Vietnamese mark (precomposed or combining), built on first use. */
function marked(): Uint8Array {
  if (!markedTable) {
    markedTable = new Uint8Array(MARKED_LIMIT);
    for (let c = 0xc0; c < MARKED_LIMIT; c++) if (VIETNAMESE_MARK.test(String.fromCharCode(c).normalize('NFD'))) markedTable[c] = 1;
  }
  return markedTable;
}

/** Fewest words written with Vietnamese letters in a run for it to be Vietnamese left in English text. */
const MIN_MARKED_IN_RUN = 3;
/** Longest Vietnamese syllable in UTF-16 units, NFD marks included ("nghiêng", "khuỷu" in NFD). */
const MAX_SYLLABLE = 12;
/** What opens and closes a citation: a term quoted or in Markdown italics ('the "đổi mới" reforms'). */
const CITATION_PAIRS: Readonly<Record<string, string>> = { '"': '"', '“': '”', '‘': '’', "'": "'", '«': '»', '*': '*', _: '_' };

/**
 * Runs of Vietnamese left in English text ("on grounds of religion, tình trạng sức khoẻ or"):
 * adjacent lower-case words, only spaces between them, each a well-formed Vietnamese syllable, at
 * least three of them written with Vietnamese letters (tone marks, ă â ê ô ơ ư, đ); unmarked
 * syllables ("an", "ta") count only inside such a run, since many are English words. Capitalised
 * words end a run: names keep their diacritics in English copy ("Tô Lâm", "Đổi Mới"). A run quoted
 * or in italics, whole, is a cited term ('the Renovation ("đổi mới") policy', "*áo dài*") and is
 * left out. One pass; each lower-case word of syllable length is parsed once.
 * @example vietnameseRuns('grounds of religion, tình trạng sức khoẻ or disability') // [{ start: 21, end: 40 }]
 */
export function vietnameseRuns(text: string, from = 0, to = text.length): Array<{ start: number; end: number }> {
  const table = marked();
  const out: Array<{ start: number; end: number }> = [];
  let runStart = -1;
  // Where a citation of the run would open: its first word, or the unmarked syllable just before it ('"an toàn thực phẩm"').
  let citationStart = -1;
  // The word before, when only spaces stand between it and the current one.
  let previousStart = -1;
  let previousEnd = -1;
  let lastMarkedEnd = -1;
  let lastWordEnd = -1;
  let markedCount = 0;
  const close = (): void => {
    if (markedCount >= MIN_MARKED_IN_RUN) {
      const closer = CITATION_PAIRS[text.charAt(citationStart - 1)];
      const cited = citationStart > from && closer !== undefined && text.charAt(lastWordEnd) === closer;
      if (!cited) out.push({ start: runStart, end: lastMarkedEnd });
    }
    runStart = -1;
    markedCount = 0;
  };
  let i = from;
  while (i < to) {
    if (wordCharLength(text, i) === 0) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0xa0) {
        if (runStart >= 0) close();
        previousStart = -1;
      }
      i++;
      continue;
    }
    const start = i;
    let hasMark = false;
    while (i < to) {
      const l = wordCharLength(text, i);
      if (l === 0) break;
      const code = text.charCodeAt(i);
      if (code < MARKED_LIMIT && table[code] === 1) hasMark = true;
      i += l;
    }
    const syllable = isLowerCase(text.charAt(start)) && i - start <= MAX_SYLLABLE && (hasMark || runStart >= 0) && isVietnameseSyllable(text.slice(start, i));
    const before = previousStart;
    const beforeEnd = previousEnd;
    previousStart = start;
    previousEnd = i;
    if (!syllable) {
      if (runStart >= 0) close();
      continue;
    }
    if (runStart < 0) {
      // A run starts at a word with Vietnamese letters; an unmarked syllable just before it ("an toàn") may open its citation.
      runStart = start;
      const unmarked = before >= 0 && isLowerCase(text.charAt(before)) && beforeEnd - before <= MAX_SYLLABLE && isVietnameseSyllable(text.slice(before, beforeEnd));
      citationStart = unmarked ? before : start;
    }
    lastWordEnd = i;
    if (hasMark) {
      markedCount++;
      lastMarkedEnd = i;
    }
  }
  if (runStart >= 0) close();
  return out;
}

function isLowerCase(ch: string): boolean {
  return ch !== ch.toUpperCase();
}

/**
 * The share of words (of the first 2,000) written with Vietnamese letters: tone marks, ă â ê ô ơ ư
 * or đ. Vietnamese prose scores well above 0.5, English close to 0; for telling a source from a
 * translation given in the wrong order, and an untranslated paragraph. One pass, no allocation.
 * With `names: false`, capitalised words ("Tô Lâm", "Quảng Ninh": names an English translation
 * keeps with their diacritics) are left out of both counts; words all in capitals still count.
 * @example vietnameseShare('Bộ Quốc phòng Hoa Kỳ') // { share: 0.8, words: 5 }
 * @example vietnameseShare('General Secretary Tô Lâm visited Quảng Ninh', { names: false }) // { share: 0, words: 1 }
 */
export function vietnameseShare(text: string, options: { names?: boolean } = {}): { share: number; words: number } {
  const table = marked();
  const skipNames = options.names === false;
  let words = 0;
  let markedWords = 0;
  let inWord = false;
  let wordMarked = false;
  let wordHasLetter = false;
  let wordCapitalised = false;
  let wordHasLower = false;
  const n = text.length;
  for (let i = 0; i <= n && words < 2000; ) {
    const len = i < n ? wordCharLength(text, i) : 0;
    if (len > 0) {
      const code = text.charCodeAt(i);
      if (skipNames) {
        const ch = text.charAt(i);
        const lower = ch !== ch.toUpperCase();
        if (!inWord) wordCapitalised = ch !== ch.toLowerCase();
        else if (lower) wordHasLower = true;
      }
      if (!inWord) {
        inWord = true;
        wordMarked = false;
        wordHasLetter = false;
        wordHasLower = false;
      }
      if (code < MARKED_LIMIT && table[code] === 1) wordMarked = true;
      if (code < 0x30 || code > 0x39) wordHasLetter = true;
      i += len;
      continue;
    }
    if (inWord) {
      inWord = false;
      if (wordHasLetter && !(skipNames && wordCapitalised && wordHasLower)) {
        words++;
        if (wordMarked) markedWords++;
      }
    }
    i++;
  }
  return { share: words === 0 ? 0 : markedWords / words, words };
}

/**
 * The text with its diacritics taken off and đ/Đ written d/D, as English copy writes Vietnamese
 * codes and names ("NĐ-CP" → "ND-CP", "Đà Nẵng" → "Da Nang"). Offsets do not carry over.
 */
export function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}
