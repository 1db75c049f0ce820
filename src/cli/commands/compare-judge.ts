/**
 * `vitrans compare --judge ENGINE`: the CLI side of judging a comparison: the judge engine from
 * the config, the cache, the budget and the dry run, progress on stderr. The judging itself is
 * src/judge's.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { EngineError, UsageError } from '../../core/errors.js';
import { InFlightRequests } from '../../core/in-flight.js';
import { onStopSayWaiting } from '../stop-notice.js';
import type { Comparison } from '../../compare/types.js';
import type { VitransConfig } from '../../config/load.js';
import { getEngine } from '../../engines/registry.js';
import type { Engine } from '../../engines/types.js';
import {
  DEFAULT_MQM_WEIGHTS,
  judgeTranslations,
  mergeGlossaryFindings,
  planJudging,
  type JudgeOptions,
  type JudgeReport,
  type MqmNormalisation,
  type MqmWeights,
} from '../../judge/index.js';
import { DEFAULT_CACHE_PATH, openTranslationCache, type SqliteTranslationCache } from '../../store/index.js';
import { enforceBudget, formatEstimateTable, type EngineEstimate } from '../../translate/estimate.js';
import { RUN_RETRY_POLICY } from '../../translate/retry.js';
import { createProgress } from '../progress.js';
import { createEngine, DEFAULT_CONCURRENCY } from './translate.js';
import type { CliIO } from '../io.js';

/** The judging options of `vitrans compare`, as commander parses them. */
export interface JudgeFlags {
  judge?: string;
  /** A path, false for --no-cache, absent for the config's or the default path. */
  cache?: string | false;
  concurrency?: string;
  maxChars?: string;
  dryRun?: boolean;
  /** `minor=1,major=5,critical=10`. */
  mqmWeights?: string;
  mqmPer?: string;
  /** false with --no-judge-reference: judge without showing the reference. */
  judgeReference?: boolean;
  sourceLang?: string;
  targetLang?: string;
}

/** Refuses judging flags without `--judge`: they would silently do nothing. */
export function assertJudgeFlags(flags: JudgeFlags): void {
  if (flags.judge !== undefined) return;
  const given = [
    ['--dry-run', flags.dryRun],
    ['--max-chars', flags.maxChars !== undefined],
    ['--concurrency', flags.concurrency !== undefined],
    ['--cache', typeof flags.cache === 'string'],
    ['--no-cache', flags.cache === false],
    ['--mqm-weights', flags.mqmWeights !== undefined],
    ['--mqm-per', flags.mqmPer !== undefined],
    ['--no-judge-reference', flags.judgeReference === false],
  ].filter(([, on]) => on);
  if (given.length > 0) throw new UsageError(`${given[0]![0]} is an option of judging: it goes with --judge ENGINE`, { hint: 'add --judge openai (an OpenAI-compatible chat engine), or drop the option' });
}

/**
 * Parses `--mqm-weights minor=1,major=5,critical=10` (any of the three; the others keep their defaults).
 * @throws UsageError naming the bad part
 */
export function parseWeights(value: string | undefined): MqmWeights {
  if (value === undefined) return DEFAULT_MQM_WEIGHTS;
  const weights: Record<string, number> = { ...DEFAULT_MQM_WEIGHTS };
  for (const part of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^(minor|major|critical)\s*=\s*(\d+(?:\.\d+)?)$/i.exec(part);
    if (!m) throw new UsageError(`--mqm-weights takes SEVERITY=POINTS for minor, major and critical, got "${part}"`, { hint: 'e.g. --mqm-weights minor=1,major=5,critical=25' });
    weights[m[1]!.toLowerCase()] = Number(m[2]);
  }
  return weights as unknown as MqmWeights;
}

function parseNormalisation(value: string | undefined): MqmNormalisation {
  if (value === undefined || value === 'words') return 'words';
  if (value === 'segment') return 'segment';
  throw new UsageError(`--mqm-per must be words (per 1,000 words) or segment (per paragraph), got "${value}"`);
}

function count(value: string | undefined, flag: string, allowZero: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || (!allowZero && n < 1)) {
    throw new UsageError(`${flag} must be a ${allowZero ? 'non-negative' : 'positive'} whole number, got "${value}"`);
  }
  return n;
}

/** The judge engine: a configured chat engine, or in a dry run a stand-in that sends nothing. */
async function judgeEngine(name: string, config: VitransConfig, io: CliIO, dryRun: boolean): Promise<Engine> {
  const def = getEngine(name);
  if (!def.capabilities.chat) {
    throw new UsageError(`${def.name} cannot judge: it translates, it does not take a prompt`, { hint: 'pass an OpenAI-compatible chat engine to --judge, e.g. --judge openai with OPENAI_MODEL set' });
  }
  const engine = await createEngine(def.name, config, io, dryRun);
  if (engine.complete) return engine;
  return { ...engine, complete: () => Promise.reject(new EngineError(def.name, 'auth', 'not configured')) };
}

/**
 * Judges the comparison (or, with `--dry-run`, prints what judging would send) and returns the
 * report to put into `comparison.judge`; undefined after a dry run.
 * @throws BudgetError over `--max-chars`; EngineError from the judge; UsageError for bad flags.
 */
export async function judgeComparison(comparison: Comparison, flags: JudgeFlags & { judge: string }, config: VitransConfig, io: CliIO): Promise<JudgeReport | undefined> {
  const weights = parseWeights(flags.mqmWeights);
  const normalisation = parseNormalisation(flags.mqmPer);
  const concurrency = count(flags.concurrency, '--concurrency', false) ?? config.concurrency ?? DEFAULT_CONCURRENCY;
  const maxChars = count(flags.maxChars, '--max-chars', true);
  const judge = await judgeEngine(flags.judge, config, io, Boolean(flags.dryRun));
  const cachePath = flags.cache === false ? undefined : resolve(io.cwd, flags.cache ?? config.cache ?? DEFAULT_CACHE_PATH);
  // As for translate: a cache file is created only once judging is sure to go ahead.
  let cache: SqliteTranslationCache | undefined = cachePath && existsSync(cachePath) ? openTranslationCache(cachePath) : undefined;
  try {
    const options = (): JudgeOptions => ({
      judge,
      paragraphs: comparison.paragraphs,
      engines: comparison.engines,
      sourceLang: flags.sourceLang ?? 'vi',
      targetLang: flags.targetLang ?? 'en',
      useReference: flags.judgeReference !== false,
      weights,
      normalisation,
      ...(cache ? { cache } : {}),
    });
    const plan = planJudging(options());
    const usdPerMillion = config.prices[judge.name] ?? null;
    const estimate: EngineEstimate = {
      engine: `${judge.name} (judge)`,
      files: 1,
      paragraphs: plan.tasks.length,
      cachedParagraphs: plan.cachedRequests,
      sendParagraphs: plan.toSend.requests,
      sendCharacters: plan.toSend.characters,
      usdPerMillion,
      costUsd: usdPerMillion === null ? null : (plan.toSend.characters * usdPerMillion) / 1_000_000,
    };
    if (flags.dryRun) {
      io.stdout.write(`judging ${comparison.engines.length} engine${comparison.engines.length === 1 ? '' : 's'} × ${comparison.paragraphs.length} paragraphs with ${judge.name} (${judge.model}); one request per paragraph and engine, characters are the prompts'\n`);
      io.stdout.write(formatEstimateTable([estimate]));
      if (judge.model.endsWith('/unconfigured')) io.stdout.write(`note: ${judge.name} is not configured (${getEngine(judge.name).status({}).missing}): its cache cannot be consulted, so every request counts\n`);
      if (usdPerMillion === null) io.stdout.write(`note: n/a = no price per character for ${judge.name} (billed by token); set one under prices: in vitrans.config.yaml\n`);
      enforceBudget([estimate], maxChars);
      return undefined;
    }
    enforceBudget([estimate], maxChars);
    if (cachePath && !cache) cache = openTranslationCache(cachePath);
    const progress = createProgress({ stream: io.stderr, now: Date.now });
    progress.begin(`judging ${comparison.sourceFile} with ${judge.name} (${judge.model})`, 1);
    let report: JudgeReport;
    // The first Ctrl-C waits for the judgments already asked for (paid for, and cached as they
    // come): said once. Without a cache they are aborted, and there is nothing to wait for.
    const inFlight = new InFlightRequests();
    const stopNotice = cache ? onStopSayWaiting(io, inFlight, 'judge') : undefined;
    try {
      report = await judgeTranslations(options(), { concurrency, retry: RUN_RETRY_POLICY, signal: io.signal, inFlight, onProgress: (e) => progress.update(e), redact: io.redact });
    } finally {
      stopNotice?.();
      progress.end();
    }
    if (comparison.glossary) {
      mergeGlossaryFindings(report, Object.fromEntries(Object.entries(comparison.glossary).map(([e, g]) => [e, g.findings])), comparison.paragraphs);
    }
    const unjudged = report.engines.reduce((n, e) => n + e.notJudged, 0);
    if (unjudged > 0) io.stderr.write(`vitrans: warning: the judge gave no usable answer for ${unjudged} of ${plan.tasks.length} translations (refused or unreadable); they are not scored, and the report names them\n`);
    return report;
  } finally {
    cache?.close();
    await judge.close?.();
  }
}
