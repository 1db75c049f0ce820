/**
 * Passages a translation must copy unchanged: URLs and e-mail addresses, with offsets into the
 * text and a comparison key (NFC, scheme and host lower-cased; paths keep their case).
 */

/** A URL or e-mail address as written. */
export interface VerbatimToken {
  kind: 'url' | 'email';
  start: number;
  end: number;
  text: string;
  /** What two tokens must share to be the same: NFC, scheme and host (or the address's domain) in lower case. */
  key: string;
}

/** Scheme URLs and bare www. hosts: a literal start, then one character class (linear). */
const URL = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"“”‘’«»]+/giu;
const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const DOMAIN = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/u;

/** Punctuation a sentence puts after a URL, not part of it (")" only when it closes nothing inside). */
const TRAILING_CHARS = ".,;:!?'’]";

/**
 * The URLs and e-mail addresses in text[from, to), in text order. Sentence punctuation after a URL
 * is left out, but a ")" that closes a "(" inside it is kept (wiki/Foo_(bar)).
 * @example findVerbatim('Xem https://mod.go.jp/en/. Liên hệ: press@mod.go.jp') // the URL without its final ".", the address
 */
export function findVerbatim(text: string, from = 0, to = text.length): VerbatimToken[] {
  const out: VerbatimToken[] = [];
  const slice = text.slice(from, to);
  // Most paragraphs have neither: a native search says so before any regex runs.
  if (!slice.includes('@') && !slice.includes('://') && !/www\./i.test(slice)) return out;
  const urls: Array<[number, number]> = [];
  for (const m of slice.matchAll(URL)) {
    const raw = trimUrl(m[0]);
    if (raw.length === 0) continue;
    urls.push([m.index, m.index + raw.length]);
    out.push(token('url', from + m.index, raw));
  }
  // E-mail addresses grow out from each "@" (a regex over the local part would retry at every letter).
  let u = 0;
  for (let at = slice.indexOf('@'); at >= 0; at = slice.indexOf('@', at + 1)) {
    while (u < urls.length && urls[u]![1] <= at) u++;
    if (u < urls.length && urls[u]![0] <= at) continue; // inside a URL (https://user@host)
    let s = at;
    while (s > 0 && at - s < 64 && LOCAL_CHAR.test(slice.charAt(s - 1))) s--;
    while (s < at && /[._%+-]/.test(slice.charAt(s))) s++;
    const domain = DOMAIN.exec(slice.slice(at + 1, at + 256))?.[0];
    if (s === at || !domain) continue;
    out.push(token('email', from + s, slice.slice(s, at + 1 + domain.length)));
  }
  return out.sort((a, b) => a.start - b.start);
}

function token(kind: 'url' | 'email', start: number, raw: string): VerbatimToken {
  return { kind, start, end: start + raw.length, text: raw, key: verbatimKey(raw, kind) };
}

function trimUrl(url: string): string {
  let end = url.length;
  let opens = 0;
  for (const ch of url) if (ch === '(') opens++;
  let closes = 0;
  for (const ch of url) if (ch === ')') closes++;
  while (end > 0) {
    const ch = url.charAt(end - 1);
    if (ch === ')' && closes > opens) closes--;
    else if (ch === ')' || !TRAILING_CHARS.includes(ch)) break;
    end--;
  }
  return url.slice(0, end);
}

/** NFC; scheme and host (or e-mail domain) lower-cased, since they are case-insensitive; the rest as written. */
function verbatimKey(raw: string, kind: 'url' | 'email'): string {
  const nfc = raw.normalize('NFC');
  if (kind === 'email') {
    const at = nfc.lastIndexOf('@');
    return `${nfc.slice(0, at)}@${nfc.slice(at + 1).toLowerCase()}`;
  }
  const m = /^((?:[a-z]+:\/\/)?[^/?#]*)(.*)$/is.exec(nfc);
  return m ? m[1]!.toLowerCase() + m[2]! : nfc;
}
