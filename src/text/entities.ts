/**
 * Character references in text that came out of markup: a model's answer in tags, an error page.
 */

const NAMED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * `text` with `&lt;` `&gt;` `&amp;` `&quot;` `&apos;` and numeric references read, in one pass (so
 * `&amp;lt;` becomes `&lt;`, not `<`). Other names stay as they are; a number that is no code point
 * becomes `invalid` (default: the reference as written).
 * @example decodeEntities('&quot;x&quot; &#x1F600; &unknown;') === '"x" 😀 &unknown;'
 */
export function decodeEntities(text: string, invalid?: string): string {
  return text.replace(/&(?:(lt|gt|amp|quot|apos)|#(\d{1,8})|#[xX]([0-9a-fA-F]{1,8}));/g, (whole, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name) return NAMED[name]!;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex!, 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : (invalid ?? whole);
  });
}
