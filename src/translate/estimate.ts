/**
 * Dry runs and budgets: what a run would send after the cache, and what it would cost.
 */
import { BudgetError } from '../core/errors.js';
import type { TranslationPlan } from './orchestrator.js';

/**
 * Default prices in USD per million characters sent, overridable by the config's `prices:`.
 * DeepL API Pro and Google Cloud Translation (v3 and v2) list prices. LibreTranslate and
 * OpenAI-compatible models have no price per character (self-hosted, or billed by token): their
 * cost is unknown unless the config gives one.
 */
export const DEFAULT_PRICES_USD_PER_MILLION: Readonly<Record<string, number>> = {
  deepl: 25,
  google: 20,
  'google-v2': 20,
};

/** One engine's share of a run. */
export interface EngineEstimate {
  engine: string;
  files: number;
  paragraphs: number;
  /** Paragraphs the cache already has. */
  cachedParagraphs: number;
  /** Paragraphs and characters that would be sent. */
  sendParagraphs: number;
  sendCharacters: number;
  /** Unknown (null) for engines without a price per character. */
  usdPerMillion: number | null;
  costUsd: number | null;
}

/**
 * Sums plans (one per file) by engine and prices them.
 * @example estimateRun([{ engine: 'deepl', plan }], {}) // [{ engine: 'deepl', sendCharacters: 9860, costUsd: 0.2465, ... }]
 */
export function estimateRun(
  plans: readonly { engine: string; plan: TranslationPlan }[],
  prices: Readonly<Record<string, number>> = {},
): EngineEstimate[] {
  const byEngine = new Map<string, EngineEstimate>();
  for (const { engine, plan } of plans) {
    const usdPerMillion = prices[engine] ?? DEFAULT_PRICES_USD_PER_MILLION[engine] ?? null;
    const e = byEngine.get(engine) ?? {
      engine,
      files: 0,
      paragraphs: 0,
      cachedParagraphs: 0,
      sendParagraphs: 0,
      sendCharacters: 0,
      usdPerMillion,
      costUsd: 0,
    };
    e.files++;
    e.paragraphs += plan.paragraphs.length;
    e.cachedParagraphs += plan.paragraphs.filter((p) => p.cached).length;
    e.sendParagraphs += plan.toSend.paragraphs;
    e.sendCharacters += plan.toSend.characters;
    e.costUsd = e.usdPerMillion === null ? null : (e.sendCharacters * e.usdPerMillion) / 1_000_000;
    byEngine.set(engine, e);
  }
  return [...byEngine.values()];
}

/**
 * Refuses a run whose characters to send exceed `maxChars`, before anything is sent.
 * @throws BudgetError
 */
export function enforceBudget(estimates: readonly EngineEstimate[], maxChars: number | undefined): void {
  if (maxChars === undefined) return;
  const total = estimates.reduce((n, e) => n + e.sendCharacters, 0);
  if (total > maxChars) {
    const parts = estimates.map((e) => `${e.engine} ${e.sendCharacters}`).join(', ');
    throw new BudgetError(`this run would send ${total} characters (${parts}), over --max-chars ${maxChars}`, {
      hint: 'raise --max-chars, translate fewer files or engines, or run --dry-run to see the breakdown',
    });
  }
}

/** The dry-run table: one row per engine and a total row. */
export function formatEstimateTable(estimates: readonly EngineEstimate[]): string {
  const header = ['engine', 'files', 'paragraphs', 'cached', 'to send', 'characters', 'USD/M', 'cost USD'];
  const rows = estimates.map((e) => [
    e.engine,
    String(e.files),
    String(e.paragraphs),
    String(e.cachedParagraphs),
    String(e.sendParagraphs),
    String(e.sendCharacters),
    e.usdPerMillion === null ? 'n/a' : e.usdPerMillion.toFixed(2),
    e.costUsd === null ? 'n/a' : e.costUsd.toFixed(4),
  ]);
  const sum = (f: (e: EngineEstimate) => number): number => estimates.reduce((n, e) => n + f(e), 0);
  const unpriced = estimates.some((e) => e.costUsd === null && e.sendCharacters > 0);
  const cost = sum((e) => e.costUsd ?? 0).toFixed(4) + (unpriced ? ' + n/a' : '');
  rows.push(['total', '', String(sum((e) => e.paragraphs)), String(sum((e) => e.cachedParagraphs)), String(sum((e) => e.sendParagraphs)), String(sum((e) => e.sendCharacters)), '', cost]);
  const widths = header.map((h, i) => rows.reduce((w, r) => Math.max(w, r[i]!.length), h.length));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), ...rows.map(line)].join('\n') + '\n';
}
