/**
 * Punctuation a translation should carry over: bracket and quotation pairs, and how a paragraph
 * ends. Linear scans over text[from, to) with offsets into the text as given.
 */
import { isSpaceCode } from './chars.js';

/** A bracket or quotation mark that nothing pairs with. */
export interface UnpairedMark {
  offset: number;
  /** The mark as written. */
  mark: string;
  /** `open`: nothing closes it; `close`: it closes nothing. */
  side: 'open' | 'close';
}

const BRACKETS: Readonly<Record<string, string>> = { ')': '(', ']': '[', '}': '{' };
const OPENING_BRACKETS = '([{';

/**
 * Brackets ( ) [ ] { } without their pair. A closer pairs with the nearest opener of its kind;
 * openers left open inside that pair are unpaired ("( [ )" leaves the "[").
 * @example unpairedBrackets('a (b [c) d]') // [{ offset: 5, mark: '[', side: 'open' }, { offset: 10, mark: ']', side: 'close' }]
 */
export function unpairedBrackets(text: string, from = 0, to = text.length): UnpairedMark[] {
  const out: UnpairedMark[] = [];
  const stack: number[] = [];
  // Open brackets of each kind on the stack: a closer with none open is unpaired at once, so each
  // stack entry is looked at once before it is popped (linear).
  const open: Record<string, number> = { '(': 0, '[': 0, '{': 0 };
  // The regex engine finds the next bracket faster than a loop over every character; it runs on
  // the range alone (a slice shares the text), so it never looks past `to`.
  for (const m of text.slice(from, to).matchAll(/[()[\]{}]/g)) {
    const i = from + m.index;
    const ch = m[0];
    if (OPENING_BRACKETS.includes(ch)) {
      stack.push(i);
      open[ch]!++;
      continue;
    }
    const opener = BRACKETS[ch]!;
    if (open[opener] === 0) {
      out.push({ offset: i, mark: ch, side: 'close' });
      continue;
    }
    let k = stack.length - 1;
    while (text.charAt(stack[k]!) !== opener) k--;
    for (let j = k; j < stack.length; j++) {
      const mark = text.charAt(stack[j]!);
      open[mark]!--;
      if (j > k) out.push({ offset: stack[j]!, mark, side: 'open' });
    }
    stack.length = k;
  }
  for (const at of stack) out.push({ offset: at, mark: text.charAt(at), side: 'open' });
  return out.sort((a, b) => a.offset - b.offset);
}

/**
 * The items of `items` beyond those `others` has of the same key, as multisets, in order: what a
 * translation has that its source lacks (unpaired marks carried over from the source, URLs copied).
 * @example unmatchedBy(['a', 'b', 'b'], ['b'], (x) => x) // ['a', 'b']
 */
export function unmatchedBy<T>(items: readonly T[], others: readonly T[], key: (item: T) => string): T[] {
  const left = new Map<string, number>();
  for (const o of others) left.set(key(o), (left.get(key(o)) ?? 0) + 1);
  return items.filter((item) => {
    const n = left.get(key(item)) ?? 0;
    if (n === 0) return true;
    left.set(key(item), n - 1);
    return false;
  });
}

const CURLY: Readonly<Record<string, string>> = { '”': '“', '»': '«' };

/**
 * Double quotation marks without their pair: “ ” and « » by their shape, straight " by place (it
 * opens after a space, a line start, a bracket or a dash, and closes otherwise). Single quotes are
 * left out: ’ is also the apostrophe.
 * @example unpairedQuotes('He said “yes. Then "no" came.') // [{ offset: 8, mark: '“', side: 'open' }]
 */
export function unpairedQuotes(text: string, from = 0, to = text.length): UnpairedMark[] {
  const out: UnpairedMark[] = [];
  const stack: number[] = [];
  for (const m of text.slice(from, to).matchAll(/["«»“”]/g)) {
    const i = from + m.index;
    const ch = m[0];
    if (ch === '“' || ch === '«') {
      stack.push(i);
    } else if (ch === '”' || ch === '»') {
      const top = stack.length - 1;
      if (top >= 0 && text.charAt(stack[top]!) === CURLY[ch]) stack.pop();
      else out.push({ offset: i, mark: ch, side: 'close' });
    } else if (ch === '"') {
      const top = stack.length - 1;
      const opens = i === from || /[\s([{\u2013\u2014-]/u.test(text.charAt(i - 1));
      if (!opens && top >= 0 && text.charAt(stack[top]!) === '"') stack.pop();
      else if (opens) stack.push(i);
      else out.push({ offset: i, mark: ch, side: 'close' });
    }
  }
  for (const at of stack) out.push({ offset: at, mark: text.charAt(at), side: 'open' });
  return out.sort((a, b) => a.offset - b.offset);
}

/** How a paragraph ends, for comparing a translation with its source. */
export interface FinalPunctuation {
  /** '.', '?', '!', ':', ';', '…' (also for "..."), or '' for none. */
  mark: string;
  /** Offset of the mark (or of the paragraph's last character when there is none). */
  offset: number;
  /** The final period belongs to an abbreviation ("U.S.", "Inc."): it may stand for either a period or none. */
  abbreviation: boolean;
}

const FINAL_MARKS = '.?!:;…';
/** What may follow the final mark: closing quotes and brackets, Markdown emphasis and code markers. */
const TRAILERS = '"\'”’»)]}*_`';
const ABBREVIATION_END = /(?:^|[\s(])(?:[\p{L}]\.){2,}$|(?:^|[\s(])(?:Inc|Ltd|Co|Corp|Jr|Sr|St|etc)\.$/u;

/**
 * The final punctuation of text[from, to): trailing spaces, closing quotes, brackets and emphasis
 * set aside ('."' and '".' both end with "."); the stray ". ." of machine output reads as ".".
 * @example finalPunctuation('He said "yes."') // { mark: '.', offset: 12, abbreviation: false }
 * @example finalPunctuation('talks with the U.S.') // { mark: '.', offset: 18, abbreviation: true }
 */
export function finalPunctuation(text: string, from = 0, to = text.length): FinalPunctuation {
  let end = to;
  while (end > from && (isSpaceCode(text.charCodeAt(end - 1)) || TRAILERS.includes(text.charAt(end - 1)))) end--;
  if (end === from) return { mark: '', offset: from, abbreviation: false };
  const last = text.charAt(end - 1);
  if (!FINAL_MARKS.includes(last)) return { mark: '', offset: end - 1, abbreviation: false };
  if (last === '.' && text.slice(Math.max(from, end - 3), end) === '...') return { mark: '…', offset: end - 3, abbreviation: false };
  const abbreviation = last === '.' && ABBREVIATION_END.test(text.slice(Math.max(from, end - 12), end));
  return { mark: last, offset: end - 1, abbreviation };
}
