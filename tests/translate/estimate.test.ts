import { describe, it, expect } from 'vitest';
import { BudgetError } from '../../src/core/errors.js';
import { buildBilingual } from '../../src/formats/bilingual.js';
import { MemoryTranslationCache } from '../../src/store/index.js';
import { enforceBudget, estimateRun, formatEstimateTable } from '../../src/translate/estimate.js';
import { planTranslation, translateParagraphs } from '../../src/translate/orchestrator.js';
import { FakeEngine } from './fake-engine.js';
import { SEED_PARAGRAPHS } from './helpers.js';

const base = { sourceLang: 'vi', targetLang: 'en' };

describe('estimateRun', () => {
  it('sums characters after the cache per engine and prices them per million', async () => {
    const cache = new MemoryTranslationCache();
    const deepl = new FakeEngine({ name: 'deepl' });
    await translateParagraphs({ ...base, engine: deepl, paragraphs: SEED_PARAGRAPHS.slice(0, 5), cache, concurrency: 1 });
    const google = new FakeEngine({ name: 'google' });
    const libre = new FakeEngine({ name: 'libretranslate' });
    const plans = await Promise.all([deepl, google, libre].map(async (engine) => ({ engine: engine.name, plan: await planTranslation({ ...base, engine, paragraphs: SEED_PARAGRAPHS, cache }) })));
    const chars = (list: string[]) => list.join('').length;
    const [d, g, l] = estimateRun(plans, { google: 10 });
    expect(d).toMatchObject({ engine: 'deepl', paragraphs: 8, cachedParagraphs: 5, sendParagraphs: 3, sendCharacters: chars(SEED_PARAGRAPHS.slice(5)), usdPerMillion: 25 });
    expect(d!.costUsd).toBeCloseTo((chars(SEED_PARAGRAPHS.slice(5)) * 25) / 1e6, 10);
    expect(g).toMatchObject({ sendParagraphs: 8, sendCharacters: chars(SEED_PARAGRAPHS), usdPerMillion: 10 });
    expect(l).toMatchObject({ usdPerMillion: null, costUsd: null });
    const table = formatEstimateTable([d!, g!, l!]).split('\n');
    expect(table[0]).toMatch(/^engine\s+files/);
    expect(table[4]).toMatch(new RegExp(`^total\\s+24\\s+5\\s+19\\s+${d!.sendCharacters + g!.sendCharacters + l!.sendCharacters}\\s+\\d+\\.\\d{4} \\+ n\\/a$`));
  });

  it('refuses a run over --max-chars and allows one within', () => {
    const e = { engine: 'deepl', files: 1, paragraphs: 8, cachedParagraphs: 0, sendParagraphs: 8, sendCharacters: 900, usdPerMillion: 25, costUsd: 0 };
    expect(() => enforceBudget([e], 899)).toThrow(BudgetError);
    expect(() => enforceBudget([e], 900)).not.toThrow();
    expect(() => enforceBudget([e], undefined)).not.toThrow();
  });
});

describe('buildBilingual', () => {
  it('lays out per paragraph source and per engine target, cache hits, warnings and findings', () => {
    const t = (target: string, cached: boolean) => ({ source: 'x', target, engine: 'deepl', model: 'm', cached, billedCharacters: 4, warnings: [] });
    const finding = { ruleId: 'term-missing', severity: 'error' as const, message: 'missing', file: 'out/a.deepl.en.txt', paragraph: 2 };
    const doc = buildBilingual(
      { file: 'a.txt', format: 'text', sourceLang: 'vi', targetLang: 'en' },
      { file: 'glossary.yaml', hash: 'h' },
      ['Xin chào', 'Thỏa thuận hòa bình'.normalize('NFD')],
      [{ engine: 'deepl', model: 'm', output: 'out/a.deepl.en.txt', translations: [t('Hello', true), t('Peace deal', false)], paragraphFindings: [[], [finding]], otherFindings: [] }],
    );
    expect(doc.engines.deepl).toEqual({ model: 'm', output: 'out/a.deepl.en.txt', billedCharacters: 8, cachedParagraphs: 1, findings: [], findingCounts: { errors: 1, warnings: 0, infos: 0, suppressed: 0 } });
    expect(doc.paragraphs[1]).toEqual({
      index: 2,
      source: 'Thỏa thuận hòa bình',
      translations: { deepl: { target: 'Peace deal', model: 'm', billedCharacters: 4, cached: false, masked: false, warnings: [], findings: [finding] } },
    });
  });
});
