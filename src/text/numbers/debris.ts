/**
 * Debris that the pipeline which produced a text left in it: number placeholders ("XNUMX", where
 * an aggregator replaced digits), image placeholders ("tại chỗ_img", the machine translation of
 * "spot_img"), template tokens ("{{price}}", "[caption …]"), leftover markup and entities, U+FFFD
 * from a broken decoding, empty fields ("Ngày:") and site chrome ("Tin tức mới nhất"). Nothing in
 * such a span can be checked against a translation.
 */
import type { Debris, DebrisKind } from './types.js';

/** One pass finds every place debris may start; each is then confirmed by its own pattern. */
const CANDIDATES = /XNUMX|_img\b|\{\{|\{%|\$\{|\[\/?[a-zA-Z]|<!--|<\/?[a-zA-Z]|&#?[a-zA-Z0-9]{2,8};|\uFFFD+/g;

const CONFIRM: ReadonlyArray<readonly [RegExp, DebrisKind]> = [
  [/XNUMX/y, 'placeholder'],
  [/\{\{[^{}\n]{0,200}\}\}/y, 'template'],
  [/\{%[^%\n]{0,200}%\}/y, 'template'],
  [/\$\{[^}\n]{0,100}\}/y, 'template'],
  [/\[\/?(?:caption|embed|gallery|video|audio|playlist|img|image|photo|picture|related|ad|quote|tweet|youtube)\b[^\]\n]{0,300}\]/iy, 'template'],
  [/<!--[^]{0,500}?-->/y, 'markup'],
  [/<\/?[a-zA-Z][a-zA-Z0-9]{0,15}(?:\s[^<>\n]{0,300})?\/?>/y, 'markup'],
  [/&(?:[a-zA-Z]{2,8}|#[0-9]{2,6}|#x[0-9a-fA-F]{2,5});/y, 'markup'],
  [/\uFFFD+/y, 'replacement-character'],
];

/** An image placeholder: a word (or "tại chỗ", Vietnamese for "spot") glued to "_img". */
const IMAGE_BEFORE = /(?:tại chỗ|[\p{L}\p{M}\p{N}]{1,40})$/u;

/** Whole paragraphs that are a field label with nothing after it. */
const EMPTY_FIELD = /^(?:Ngày|Ngày đăng|Đăng ngày|Cập nhật|Thời gian|Tác giả|Nguồn|Date|Published|Updated|Author|Source)\s*:$/iu;
/** Whole paragraphs that are site chrome rather than article text. */
const BOILERPLATE = /^(?:Logo \S+|Tin tức mới nhất|Tin mới nhất|Tin liên quan|Bài viết liên quan|Bài liên quan|Xem thêm|Đọc thêm|Chia sẻ|Bình luận|Quảng cáo|Theo dõi chúng tôi|Latest news|Related articles|Read more|Share this|Advertisement)\s*:?$/iu;

/**
 * The debris in `text` between `start` and `end`, in text order. Linear: one scan for candidates,
 * each confirmed by a bounded pattern.
 * @example findDebris('Vào ngày 25 tháng XNUMX, ...') // [{ kind: 'placeholder', start: 18, end: 23, text: 'XNUMX' }]
 */
export function findDebris(text: string, start = 0, end = text.length): Debris[] {
  const found: Debris[] = [];
  // Whole-paragraph debris: only short spans are worth testing.
  if (end - start < 80) {
    const slice = text.slice(start, end);
    const body = slice.trim();
    const folded = body.normalize('NFC');
    const kind: DebrisKind | undefined = EMPTY_FIELD.test(folded) ? 'empty-field' : BOILERPLATE.test(folded) ? 'boilerplate' : undefined;
    if (kind) {
      const at = start + slice.length - slice.trimStart().length;
      found.push({ kind, start: at, end: at + body.length, text: body });
    }
  }
  // Scan the range's own slice: a global regex on the whole text would, finding nothing in the
  // range, run on to the end of the document, once per paragraph.
  const slice = text.slice(start, end);
  const re = new RegExp(CANDIDATES.source, 'g');
  let covered = start;
  for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
    const at = start + m.index;
    if (at < covered) continue;
    let hit: Debris | undefined;
    if (m[0] === '_img') {
      const before = IMAGE_BEFORE.exec(text.slice(Math.max(start, at - 40), at));
      const from = before ? at - before[0].length : at;
      hit = { kind: 'image-placeholder', start: from, end: at + 4, text: text.slice(from, at + 4) };
    } else {
      for (const [pattern, kind] of CONFIRM) {
        pattern.lastIndex = at;
        const c = pattern.exec(text);
        if (c && c.index === at && at + c[0].length <= end) {
          hit = { kind, start: at, end: at + c[0].length, text: c[0] };
          break;
        }
      }
    }
    if (!hit) continue;
    found.push(hit);
    covered = hit.end;
    re.lastIndex = Math.max(re.lastIndex, hit.end - start);
  }
  return found.sort((a, b) => a.start - b.start);
}
