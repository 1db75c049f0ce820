import { describe, expect, it } from 'vitest';
import { findVerbatim } from '../../src/text/verbatim.js';

describe('findVerbatim', () => {
  it.each([
    ['a URL before a period', 'Xem https://www.mod.go.jp/en/.', [['url', 'https://www.mod.go.jp/en/', 'https://www.mod.go.jp/en/']]],
    ['a URL in brackets, with brackets of its own', '(https://en.wikipedia.org/wiki/SM-3_(missile)).', [['url', 'https://en.wikipedia.org/wiki/SM-3_(missile)', 'https://en.wikipedia.org/wiki/SM-3_(missile)']]],
    ['a bare www. host', 'tại www.vnexpress.net/the-gioi, hôm qua', [['url', 'www.vnexpress.net/the-gioi', 'www.vnexpress.net/the-gioi']]],
    ['scheme and host in capitals, key lower-cased there only', 'HTTPS://MOD.GO.JP/Press?q=1;', [['url', 'HTTPS://MOD.GO.JP/Press?q=1', 'https://mod.go.jp/Press?q=1']]],
    ['an e-mail address before a period', 'liên hệ Nguyen.Van@QuocPhong.vn.', [['email', 'Nguyen.Van@QuocPhong.vn', 'Nguyen.Van@quocphong.vn']]],
    ['a user in a URL is not an address', 'https://user@host.example/x', [['url', 'https://user@host.example/x', 'https://user@host.example/x']]],
    ['a handle and a bare "@" are not addresses', '@someone and a @ b', []],
  ])('%s', (_name, text, expected) => {
    expect(findVerbatim(text).map((t) => [t.kind, t.text, t.key])).toEqual(expected);
  });

  it('keys NFD and NFC alike', () => {
    const [nfd] = findVerbatim('https://vi.wikipedia.org/wiki/Hà_Nội'.normalize('NFD'));
    const [nfc] = findVerbatim('https://vi.wikipedia.org/wiki/Hà_Nội');
    expect(nfd!.key).toBe(nfc!.key);
  });
});
