/**
 * The HTML comparison report in a real headless Chromium: content never runs as code, nothing
 * leaves the page, the sort control works, and the diff highlighting is visible on screen.
 *
 * About the msw guard (tests/setup/msw.ts) that runs in every test file: msw intercepts Node's
 * http/https/fetch, not pipes. Playwright talks to Chromium over a pipe (it launches Chromium
 * with --remote-debugging-pipe and uses the child's stdio fds 3 and 4), so no request reaches msw
 * and no passthrough handler is needed; the guard's "no unhandled request" check still holds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import type { Comparison } from '../../src/compare/types.js';
import { formatCompareHtml, HTML_COLORS, MQM_COLORS } from '../../src/report/compare-html.js';
import { SCRIPT, withReference } from '../report/compare-fixtures.js';
import { IMG as JUDGE_IMG, withJudge } from '../report/judge-fixtures.js';
import { countColor, decodePng, type PngImage } from './png.js';

const CHROMIUM = '/usr/bin/chromium';
const NO_CHROMIUM = !fs.existsSync(CHROMIUM);
const why = NO_CHROMIUM ? ` [skipped: no Chromium at ${CHROMIUM}; install the chromium package]` : '';

const IMG = '<img src=x onerror="alert(2)">';

/** The fixture comparison, with an attack in the file name, a glossary message and a term label too. */
const analyses = withReference.analyses!;
const comparison: Comparison = {
  ...withReference,
  sourceFile: `bai-viet${IMG}.vi.txt`,
  analyses: { ...analyses, terms: { ...analyses.terms!, terms: analyses.terms!.terms.map((t, i) => (i === 0 ? { ...t, label: `${t.label} ${IMG}` } : t)) } },
  glossary: {
    ...withReference.glossary!,
    google: {
      ...withReference.glossary!.google!,
      findings: withReference.glossary!.google!.findings.map((f) => ({ ...f, message: `${f.message} ${IMG}` })),
    },
  },
};

let tmp: string;
let context: BrowserContext;
let page: Page;
let url: string;
const dialogs: string[] = [];
const requests: string[] = [];
const consoleErrors: string[] = [];

async function launch(javaScriptEnabled: boolean): Promise<BrowserContext> {
  const profile = fs.mkdtempSync(path.join(tmp, 'profile-'));
  // launchPersistentContext is how Playwright takes a user data dir (it refuses --user-data-dir in args).
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    javaScriptEnabled,
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

beforeAll(async () => {
  if (NO_CHROMIUM) return;
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-html-'));
  const file = path.join(tmp, 'report.html');
  fs.writeFileSync(file, formatCompareHtml(comparison));
  url = pathToFileURL(file).href;
  context = await launch(true);
  page = await context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  await page.goto(url, { waitUntil: 'load' });
}, 60_000);

afterAll(async () => {
  await context?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/**
 * Screenshot of the first line box of an element (an inline element that wraps has one box per
 * line; its bounding box would take in text around it), decoded.
 */
async function shot(selector: string, on: Page = page): Promise<PngImage> {
  const el = on.locator(selector).first();
  // The clip is in viewport coordinates: bring the element into view first.
  await el.scrollIntoViewIfNeeded();
  const rect = await el.evaluate((e) => {
    const r = e.getClientRects()[0]!;
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  expect(rect.width * rect.height, selector).toBeGreaterThan(50);
  return decodePng(await on.screenshot({ clip: rect, type: 'png' }));
}

describe('HTML report in Chromium', () => {
  it.skipIf(NO_CHROMIUM)(`runs no script from content and shows it as text${why}`, async () => {
    await page.waitForTimeout(200); // give any injected onerror a chance to fire
    expect(dialogs).toEqual([]);
    const google = page.locator('#p-2 [data-engine="google"]');
    expect(await google.locator('p').innerText()).toMatch(/^In addition, <script>alert\(1\)<\/script> the two countries announced /);
    expect(await google.locator('ins').allInnerTexts()).toEqual([`${SCRIPT} `, '<b>joint development</b>']);
    expect(await page.locator('h1').innerText()).toBe(`vitrans compare: bai-viet${IMG}.vi.txt`);
    expect(await page.locator('body img, .col b, .col script, ul.findings img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('#p-3 [data-engine="google"] ul.findings li').innerText()).toContain(IMG);
  });

  it.skipIf(NO_CHROMIUM)(`loads nothing but the file itself, and the CSP blocks nothing of ours${why}`, async () => {
    expect(requests.length).toBeGreaterThan(0);
    for (const r of requests) expect(r).toMatch(/^(file|data):/);
    expect(requests.filter((r) => r.startsWith('file:'))).toEqual([url]);
    expect(consoleErrors).toEqual([]);
    // The inline style applied (its hash is in the CSP): <ins> has its background.
    const bg = await page.locator('ins').first().evaluate((el) => {
      // Runs in the page; the test tsconfig has no DOM lib, hence the local type.
      const view = globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } };
      return view.getComputedStyle(el).backgroundColor;
    });
    expect(bg).toBe('rgb(172, 242, 189)');
  });

  it.skipIf(NO_CHROMIUM)(`reorders paragraphs with the sort control${why}`, async () => {
    const order = () => page.locator('#paragraph-list > article').evaluateAll((els) => els.map((e) => e.id));
    expect(await page.locator('#sort-controls').isVisible()).toBe(true);
    expect(await order()).toEqual(['p-1', 'p-2', 'p-3']);
    await page.locator('button[data-sort="disagreement"]').click();
    expect(await order()).toEqual(['p-3', 'p-2', 'p-1']);
    expect(await page.locator('button[data-sort="disagreement"]').getAttribute('aria-pressed')).toBe('true');
    await page.locator('button[data-sort="order"]').click();
    expect(await order()).toEqual(['p-1', 'p-2', 'p-3']);
    expect(await page.locator('button[data-sort="order"]').getAttribute('aria-pressed')).toBe('true');
  });

  it.skipIf(NO_CHROMIUM)(`paints insertions and deletions in their colours, and plain text in neither${why}`, async () => {
    const ins = await shot('#p-3 [data-engine="deepl"] ins');
    const del = await shot('#p-3 [data-engine="deepl"] del');
    const plain = await shot('#p-3 .col.reference p');
    expect(countColor(ins, HTML_COLORS.insert)).toBeGreaterThan(ins.width * ins.height * 0.3);
    expect(countColor(ins, HTML_COLORS.delete)).toBe(0);
    expect(countColor(del, HTML_COLORS.delete)).toBeGreaterThan(del.width * del.height * 0.3);
    expect(countColor(del, HTML_COLORS.insert)).toBe(0);
    expect(plain.width * plain.height).toBeGreaterThan(1000);
    expect(countColor(plain, HTML_COLORS.insert)).toBe(0);
    expect(countColor(plain, HTML_COLORS.delete)).toBe(0);
    // The underline and the strike-through are drawn in their own dark colours.
    expect(countColor(ins, '#1a7f37', 30)).toBeGreaterThan(0);
    expect(countColor(del, '#cf222e', 30)).toBeGreaterThan(0);
  });

  it.skipIf(NO_CHROMIUM)(`stays whole without JavaScript: every paragraph, no dead control${why}`, async () => {
    const noJs = await launch(false);
    try {
      const p = await noJs.newPage();
      await p.goto(url);
      expect(await p.locator('#paragraph-list > article').count()).toBe(3);
      expect(await p.locator('#sort-controls').isVisible()).toBe(false);
      expect(await p.locator('.lookfirst a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual(['#p-3', '#p-2', '#p-1']);
    } finally {
      await noJs.close();
    }
  });
});

/** Where each paragraph's columns are, and whether anything sticks out of the page sideways. */
async function layout(width: number, on: Page = page): Promise<{ scrollWidth: number; clientWidth: number; overflowing: string[]; paragraphs: { left: number; top: number; right: number }[][]; colsScroll: boolean[] }> {
  await on.setViewportSize({ width, height: 900 });
  return on.evaluate(() => {
    // Runs in the page; the test tsconfig has no DOM lib, hence the local types.
    interface Box { left: number; top: number; right: number }
    interface El { getBoundingClientRect(): Box; tagName: string; className: string; scrollWidth: number; clientWidth: number; closest(s: string): El | null }
    const doc = (globalThis as unknown as { document: { documentElement: El; querySelectorAll(s: string): El[] } }).document;
    const view = globalThis as unknown as { innerWidth: number };
    const all = [...doc.querySelectorAll('body *')];
    const overflowing = all
      .filter((e) => !e.closest('details:not([open])') && e.getBoundingClientRect().right > view.innerWidth + 0.5)
      .map((e) => `${e.tagName}.${e.className}`);
    const cols = [...doc.querySelectorAll('#paragraph-list .cols')];
    return {
      scrollWidth: doc.documentElement.scrollWidth,
      clientWidth: doc.documentElement.clientWidth,
      overflowing,
      paragraphs: cols.map((c) => [...doc.querySelectorAll(`#${(c.closest('article') as unknown as { id: string }).id} .cols > .col`)].map((e) => {
        const r = e.getBoundingClientRect();
        return { left: Math.round(r.left), top: Math.round(r.top), right: Math.round(r.right) };
      })),
      colsScroll: cols.map((c) => c.scrollWidth > c.clientWidth),
    };
  });
}

describe('HTML report layout in Chromium', () => {
  afterAll(async () => {
    if (!NO_CHROMIUM) await page.setViewportSize({ width: 1280, height: 900 });
  });

  it.skipIf(NO_CHROMIUM)(`at 800 px wide nothing scrolls sideways and each paragraph's columns stack${why}`, async () => {
    const l = await layout(800);
    expect(l.scrollWidth).toBeLessThanOrEqual(l.clientWidth);
    expect(l.overflowing).toEqual([]);
    expect(l.colsScroll.every((s) => !s)).toBe(true);
    expect(l.paragraphs).toHaveLength(3);
    for (const cols of l.paragraphs) {
      // Source, reference and three engines, one under the other, all at the same left edge.
      expect(cols).toHaveLength(5);
      for (let i = 1; i < cols.length; i++) {
        expect(cols[i]!.left).toBe(cols[0]!.left);
        expect(cols[i]!.top).toBeGreaterThan(cols[i - 1]!.top);
      }
      expect(cols[0]!.right).toBeLessThanOrEqual(800);
    }
  });

  it.skipIf(NO_CHROMIUM)(`at 1400 px wide each paragraph's columns stand side by side in one row${why}`, async () => {
    const l = await layout(1400);
    expect(l.scrollWidth).toBeLessThanOrEqual(l.clientWidth);
    expect(l.overflowing).toEqual([]);
    expect(l.colsScroll.every((s) => !s)).toBe(true);
    for (const cols of l.paragraphs) {
      expect(cols).toHaveLength(5);
      for (let i = 1; i < cols.length; i++) {
        expect(cols[i]!.top).toBe(cols[0]!.top);
        expect(cols[i]!.left).toBeGreaterThan(cols[i - 1]!.right - 1);
      }
    }
  });

  it.skipIf(NO_CHROMIUM)(`shows the TER column, the best marks and the analyses' charts within the page at 800 px${why}`, async () => {
    await page.setViewportSize({ width: 800, height: 900 });
    expect(await page.locator('table.scores thead th[data-metric="ter"]').innerText()).toContain('TER ↓');
    expect(await page.locator('table.scores td.best').count()).toBe(5);
    const charts = page.locator('#analyses svg');
    expect(await charts.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      const box = (await charts.nth(i).boundingBox())!;
      expect(box.width).toBeGreaterThan(100);
      expect(box.x + box.width).toBeLessThanOrEqual(800);
      expect(await charts.nth(i).locator('rect.bar').count()).toBeGreaterThan(0);
    }
    // The term label with markup in it is text, not an element.
    expect(await page.locator('#analyses table.terms').innerText()).toContain(IMG);
    expect(await page.locator('#analyses img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
});

describe('HTML report with a judge\'s MQM spans in Chromium', () => {
  let judged: Page;
  beforeAll(async () => {
    if (NO_CHROMIUM) return;
    const file = path.join(tmp, 'judged.html');
    fs.writeFileSync(file, formatCompareHtml(withJudge));
    judged = await context.newPage();
    judged.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await judged.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await judged?.close();
  });

  it.skipIf(NO_CHROMIUM)(`underlines each span on screen in its severity's colour${why}`, async () => {
    const critical = await shot('#p-2 [data-engine="google"] mark.mqm.critical', judged);
    const minor = await shot('#p-1 [data-engine="openai"] mark.mqm.minor', judged);
    const major = await shot('#p-2 [data-engine="deepl"] mark.mqm.major', judged);
    expect(countColor(critical, MQM_COLORS.critical, 12)).toBeGreaterThan(critical.width);
    expect(countColor(minor, MQM_COLORS.minor, 12)).toBeGreaterThan(minor.width);
    expect(countColor(major, MQM_COLORS.major, 12)).toBeGreaterThan(major.width);
    expect(countColor(minor, MQM_COLORS.critical, 12)).toBe(0);
    expect(countColor(critical, MQM_COLORS.minor, 12)).toBe(0);
    // The overlap of two spans is drawn, and the legend shows every severity.
    expect(await judged.locator('#p-2 [data-engine="google"] mark.mqm.overlap').count()).toBeGreaterThan(0);
    for (const s of ['minor', 'major', 'critical']) expect(await judged.locator(`.legend mark.mqm.${s}`).first().isVisible()).toBe(true);
  });

  it.skipIf(NO_CHROMIUM)(`shows what the judge wrote as text, never as markup${why}`, async () => {
    await judged.waitForTimeout(200);
    expect(dialogs).toEqual([]);
    expect(await judged.locator('img, .col script, ul.mqm b').count()).toBe(0);
    expect(await judged.locator('#p-2 [data-engine="google"] ul.mqm').innerText()).toContain(JUDGE_IMG);
    expect(await judged.locator('#mqm .judge-note').innerText()).toContain(`judge model qwen2.5:14b${JUDGE_IMG}`);
    expect(await judged.locator('#mqm .judge-note').innerText()).toContain('can be wrong');
  });

  it.skipIf(NO_CHROMIUM)(`keeps the MQM columns and tables within the page at 800 px${why}`, async () => {
    const l = await layout(800, judged);
    expect(l.scrollWidth).toBeLessThanOrEqual(l.clientWidth);
    expect(l.overflowing).toEqual([]);
    const head = judged.locator('table.scores thead th[data-metric="mqm"]');
    expect(await head.innerText()).toContain('MQM ↓');
    const box = (await judged.locator('#mqm table.mqm-summary').boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(800);
  });
});
