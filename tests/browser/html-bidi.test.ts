/**
 * Bidirectional controls in the HTML report, read from what headless Chromium lays out: the
 * left-to-right order of characters on screen, not the HTML string. Applied, U+202E (RIGHT-TO-LEFT
 * OVERRIDE) makes "abc.exe" display as "exe.cba", and one left open scrambles the rest of a diff.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareTranslations } from '../../src/compare/compare.js';
import { formatCompareHtml } from '../../src/report/compare-html.js';

const CHROMIUM = '/usr/bin/chromium';
const NO_CHROMIUM = !fs.existsSync(CHROMIUM);
const why = NO_CHROMIUM ? ` [skipped: no Chromium at ${CHROMIUM}; install the chromium package]` : '';

const RLO = '\u202E';
const PDF = '\u202C';
const LRI = '\u2066';
const PDI = '\u2069';

// An article about a malicious attachment: the file name carries an override, as in the attack.
const comparison = compareTranslations({
  source: { file: `bai-viet${RLO}txt.exe`, text: `Bộ Quốc phòng cảnh báo tệp ${RLO}abc.exe${PDF} gửi qua thư điện tử.\n\nKhông mở tệp đính kèm lạ.` },
  reference: { file: 'reference.en.txt', text: 'The Ministry of Defense warned of the file abc.exe sent by email.\n\nDo not open unknown attachments.' },
  engines: [
    { name: 'deepl', file: 'deepl.en.txt', text: `The Ministry of Defense warned of the file ${RLO}abc.exe${PDF} sent by email.\n\nDo not open unknown attachments.` },
    // An override that is never closed, inside a changed stretch of the diff.
    { name: 'google', file: 'google.en.txt', text: `The Defense Ministry warned about the ${RLO}file abc.exe sent via e-mail.\n\nDo not open ${LRI}strange${PDI} attachments.` },
  ],
  bootstrap: false,
});

let tmp: string;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  if (NO_CHROMIUM) return;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-bidi-'));
  const file = path.join(tmp, 'report.html');
  fs.writeFileSync(file, formatCompareHtml(comparison));
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  page = await browser.newPage({ viewport: { width: 2400, height: 1200 } });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/**
 * In the page: the screen x of each word of `words`, found in this order in the element's
 * rendered text (its characters measured one by one with a Range), and the line each is on.
 * Written as a string because the test's tsconfig has no DOM types.
 */
const WORD_POSITIONS = `(([selector, words]) => {
  const root = document.querySelector(selector);
  const nodes = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let all = '';
  for (let n = walker.nextNode(); n; n = walker.nextNode()) { nodes.push([n, all.length]); all += n.data; }
  const at = (offset) => {
    for (let k = nodes.length - 1; k >= 0; k--) if (nodes[k][1] <= offset) return [nodes[k][0], offset - nodes[k][1]];
  };
  const out = [];
  let from = 0;
  for (const w of words) {
    const i = all.indexOf(w, from);
    if (i < 0) { out.push(null); continue; }
    const [node, offset] = at(i);
    const range = document.createRange();
    range.setStart(node, offset);
    range.setEnd(node, offset + 1);
    const r = range.getBoundingClientRect();
    out.push({ word: w, x: r.left, y: Math.round(r.top) });
    from = i + w.length;
  }
  return out;
})`;

/** The screen x of every character of `needle` in the element, in logical order. */
const CHAR_POSITIONS = `(([selector, needle]) => {
  const root = document.querySelector(selector);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = n.data.indexOf(needle);
    if (i < 0) continue;
    return Array.from(needle, (_, k) => {
      const range = document.createRange();
      range.setStart(n, i + k);
      range.setEnd(n, i + k + 1);
      return range.getBoundingClientRect().left;
    });
  }
  return null;
})`;

const positions = async (selector: string, words: string[]) =>
  (await page.evaluate(`${WORD_POSITIONS}(${JSON.stringify([selector, words])})`)) as ({ word: string; x: number; y: number } | null)[];
const charPositions = async (selector: string, needle: string) => (await page.evaluate(`${CHAR_POSITIONS}(${JSON.stringify([selector, needle])})`)) as number[] | null;

const increasing = (xs: number[]): boolean => xs.every((x, i) => i === 0 || x > xs[i - 1]!);

describe('bidirectional controls in the HTML report, as Chromium shows them', () => {
  it.skipIf(NO_CHROMIUM)(`shows "abc.exe" as written, in the source and in an engine's text${why}`, async () => {
    for (const selector of ['#p-1 .col.source p', '#p-1 [data-engine="deepl"] p']) {
      const xs = await charPositions(selector, 'abc.exe');
      expect(xs, selector).not.toBeNull();
      expect(increasing(xs!), `${selector}: ${xs!.join(', ')}`).toBe(true);
    }
  });

  it.skipIf(NO_CHROMIUM)(`keeps every word of a diff in reading order after an override left open${why}`, async () => {
    const words = ['Defense', 'Ministry', 'warned', 'about', 'the', 'file', 'abc', 'exe', 'sent', 'via', 'mail'];
    const found = await positions('#p-1 [data-engine="google"] p', words);
    expect(found.map((f) => f?.word)).toEqual(words);
    // Line by line, and left to right on each line, as the words are written.
    const inReadingOrder = found.every((f, i) => i === 0 || f!.y > found[i - 1]!.y || (f!.y === found[i - 1]!.y && f!.x > found[i - 1]!.x));
    expect(inReadingOrder, JSON.stringify(found)).toBe(true);
  });

  it.skipIf(NO_CHROMIUM)(`marks each control visibly, with its code point and name, and applies none${why}`, async () => {
    const marks = page.locator('#p-1 [data-engine="deepl"] p .bidi');
    expect(await marks.allInnerTexts()).toEqual(['RLO', 'PDF']);
    expect(await marks.first().getAttribute('title')).toBe('U+202E RIGHT-TO-LEFT OVERRIDE (shown, not applied)');
    expect(await page.locator('#p-2 [data-engine="google"] p .bidi').allInnerTexts()).toEqual(['LRI', 'PDI']);
    const rendered = await page.locator('#paragraph-list').innerText();
    expect(rendered).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    // Names cannot carry markup into the title and headings: written out there.
    expect(await page.title()).toBe('vitrans compare: bai-viet[U+202E RLO]txt.exe');
    expect(await page.locator('h1').innerText()).toBe('vitrans compare: bai-viet[U+202E RLO]txt.exe');
  });
});
