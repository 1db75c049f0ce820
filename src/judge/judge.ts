/**
 * Judging a comparison: every engine's translation of every paragraph is sent to a judge model
 * with the MQM prompt, through the judge engine's own client (its HTTP errors, its redaction) and
 * the shared retry policy, a few requests at a time. Answers are cached as they arrive, keyed by
 * judge, model, prompt version and texts, so a rerun sends nothing it has sent before.
 */
import { EngineError, KEPT_IN_CACHE, UsageError, VitransError } from '../core/errors.js';
import type { InFlightRequests } from '../core/in-flight.js';
import { withRetry, type RetryOptions } from '../engines/retry.js';
import type { ChatAnswer, Engine } from '../engines/types.js';
import { judgmentCacheKey, type CachedJudgment, type JudgmentCache } from '../store/types.js';
import { locateErrors } from './locate.js';
import { parseJudgeAnswer, type ParsedAnswer } from './parse.js';
import { MQM_PROMPT_VERSION, mqmMessages } from './prompt.js';
import { engineMqm, penaltyOf, wordCount } from './score.js';
import { DEFAULT_MQM_WEIGHTS, type JudgeProgress, type JudgeReport, type MqmNormalisation, type MqmWeights, type ParagraphJudgment } from './types.js';
import type { ChatMessage } from '../engines/types.js';

/** Said in every report beside the MQM figures. */
export const JUDGE_DISCLAIMER =
  'The error spans and MQM scores come from a language model acting as judge: it can miss errors, invent them, misquote the text and misjudge severity. Treat them as pointers for a human reviewer, not as a verdict.';

/** Judging was stopped from outside (Ctrl-C). The answers that came back are in the cache. */
export class JudgingAbortedError extends VitransError {
  constructor() {
    super('E_ABORTED', `judging interrupted; ${KEPT_IN_CACHE.judging}`);
  }
}

/** One paragraph of a comparison as the judge needs it (a `ParagraphComparison` fits). */
export interface JudgedParagraph {
  /** 1-based. */
  index: number;
  source: string;
  reference?: string;
  /** Engine name → its translation of the paragraph. */
  outputs: Record<string, string>;
}

/** What to judge, with what and how. */
export interface JudgeOptions {
  /** A chat engine (one with `complete`): `capabilities.chat`. */
  judge: Engine;
  paragraphs: readonly JudgedParagraph[];
  /** The compared engines, in report order. */
  engines: readonly string[];
  sourceLang: string;
  targetLang: string;
  /** Show the judge the reference (when the paragraphs have one). Default true. */
  useReference?: boolean;
  cache?: JudgmentCache;
  weights?: MqmWeights;
  normalisation?: MqmNormalisation;
}

/** How to run the requests. */
export interface JudgeRunOptions {
  /** Requests in flight at most. */
  concurrency: number;
  /** The retry policy (attempts, backoff); the run supplies signal and progress. */
  retry?: Omit<RetryOptions, 'signal' | 'onRetry'>;
  /**
   * Stops judging (the first Ctrl-C): nothing more is asked and no retry started. With a `cache`,
   * the requests already sent are awaited (within the engine's timeout) and their answers cached,
   * since they are paid for either way; without one they are aborted.
   */
  signal?: AbortSignal;
  /** Counts the requests on their way (the CLI says how many a stop waits for). */
  inFlight?: InFlightRequests;
  onProgress?: (event: JudgeProgress) => void;
  /** Masks known secrets in the judge's answers before they are kept or shown. */
  redact?: (text: string) => string;
  /** Clock for cache timestamps (ms since the epoch). */
  now?: () => number;
}

/** One request of the plan: a paragraph and engine, its prompt and what the cache has. */
export interface JudgeTask {
  paragraph: number;
  engine: string;
  source: string;
  translation: string;
  key: string;
  messages: ChatMessage[];
  /** Characters of the prompt (UTF-16 units): what `--max-chars` counts. */
  characters: number;
  cached?: CachedJudgment;
}

/** What judging would send, before anything is sent. */
export interface JudgePlan {
  tasks: JudgeTask[];
  /** Requests and prompt characters not served by the cache. */
  toSend: { requests: number; characters: number };
  cachedRequests: number;
  withReference: boolean;
}

/**
 * Plans judging: prompts, cache keys and look-ups. Sends nothing (dry runs and budgets use it).
 * @throws UsageError when the judge engine cannot take a chat prompt.
 */
export function planJudging(opts: JudgeOptions): JudgePlan {
  const { judge } = opts;
  if (!judge.complete) {
    throw new UsageError(`${judge.name} cannot judge: it translates, it does not take a prompt`, { hint: 'pass an OpenAI-compatible chat engine to --judge, e.g. --judge openai' });
  }
  const withReference = opts.useReference !== false && opts.paragraphs.length > 0 && opts.paragraphs.every((p) => p.reference !== undefined);
  const tasks: JudgeTask[] = [];
  let requests = 0;
  let characters = 0;
  let cachedRequests = 0;
  for (const p of opts.paragraphs) {
    const source = p.source.normalize('NFC');
    const reference = withReference ? p.reference!.normalize('NFC') : undefined;
    for (const engine of opts.engines) {
      const translation = (p.outputs[engine] ?? '').normalize('NFC');
      // Nothing on either side: nothing to judge (a blank paragraph in every input).
      if (source.trim() === '' && translation.trim() === '') continue;
      const messages = mqmMessages({ source, translation, ...(reference !== undefined ? { reference } : {}), sourceLang: opts.sourceLang, targetLang: opts.targetLang });
      const key = judgmentCacheKey({
        engine: judge.name,
        model: judge.model,
        cacheOptions: judge.cacheOptions,
        promptVersion: MQM_PROMPT_VERSION,
        sourceLang: opts.sourceLang,
        targetLang: opts.targetLang,
        source,
        translation,
        ...(reference !== undefined ? { reference } : {}),
      });
      const cached = opts.cache?.getJudgment(key);
      const size = messages.reduce((n, m) => n + m.content.length, 0);
      tasks.push({ paragraph: p.index, engine, source, translation, key, messages, characters: size, ...(cached ? { cached } : {}) });
      if (cached) cachedRequests++;
      else {
        requests++;
        characters += size;
      }
    }
  }
  return { tasks, toSend: { requests, characters }, cachedRequests, withReference };
}

/** An answer that could not be read, thrown inside the retry loop so that it is asked again. */
class UnreadableAnswer extends EngineError {}

/**
 * Judges every engine's translation of every paragraph and scores them.
 * @throws EngineError (fatal kinds, or retryable ones after the last retry) after stopping the
 *   other requests; JudgingAbortedError on `signal`; UsageError for an engine that cannot judge.
 * @example const report = await judgeTranslations({ judge, paragraphs: comparison.paragraphs, engines: comparison.engines, sourceLang: 'vi', targetLang: 'en' }, { concurrency: 4 })
 */
export async function judgeTranslations(opts: JudgeOptions, run: JudgeRunOptions): Promise<JudgeReport> {
  const plan = planJudging(opts);
  const { judge, cache } = opts;
  const complete = judge.complete!.bind(judge);
  const redact = run.redact ?? ((t: string) => t);
  const now = run.now ?? Date.now;
  const answers = new Map<JudgeTask, { parsed: ParsedAnswer; cached: boolean }>();
  const total = plan.tasks.length;
  let done = 0;
  for (const t of plan.tasks) {
    if (!t.cached) continue;
    answers.set(t, { parsed: parseJudgeAnswer(t.cached.answer, t.cached.refusal), cached: true });
    done++;
  }
  run.onProgress?.({ type: 'start', engine: judge.name, total, cached: done });
  const pending = plan.tasks.filter((t) => !t.cached);
  let sent = 0;

  if (pending.length > 0) {
    if (run.signal?.aborted) throw new JudgingAbortedError();
    // As in translation: `controller` aborts the requests on their way (a fatal error, or a stop
    // without a cache); `stop` only keeps new requests and retries from starting, so a stop with a
    // cache keeps the answers it has paid for instead of paying for them again in the rerun.
    const controller = new AbortController();
    const stop = new AbortController();
    let stopped = false;
    const onOuterAbort = (): void => {
      stopped = true;
      stop.abort();
      if (!cache) controller.abort();
    };
    run.signal?.addEventListener('abort', onOuterAbort, { once: true });
    const inFlight = run.inFlight;
    let failure: unknown;
    let next = 0;

    const ask = async (task: JudgeTask): Promise<void> => {
      let answer: ChatAnswer | undefined;
      let parsed: ParsedAnswer;
      try {
        parsed = await withRetry(
          async () => {
            sent++;
            const request = complete({ messages: task.messages, json: true, signal: controller.signal });
            const got = await (inFlight ? inFlight.track(request) : request);
            answer = { ...got, content: redact(got.content), ...(got.refusal !== undefined ? { refusal: redact(got.refusal) } : {}) };
            const read = parseJudgeAnswer(answer.content, answer.refusal);
            if (read.status === 'unreadable') throw new UnreadableAnswer(judge.name, 'bad-response', read.note);
            return read;
          },
          { ...run.retry, signal: stop.signal, onRetry: (e) => run.onProgress?.({ type: 'retry', engine: judge.name, attempt: e.attempt, delayMs: e.delayMs, reason: e.error.message }) },
        );
      } catch (err) {
        // After the last retry, an answer that still cannot be read leaves this paragraph unjudged; the run goes on.
        if (!(err instanceof EngineError && err.kind === 'bad-response') || stop.signal.aborted) throw err;
        answers.set(task, { parsed: { status: 'unreadable', note: err.message }, cached: false });
        return;
      }
      answers.set(task, { parsed, cached: false });
      // A refusal is kept too: the same prompt gets the same refusal, and it is paid for.
      cache?.putJudgments([{ key: task.key, value: { answer: answer!.content, ...(answer!.refusal !== undefined ? { refusal: answer!.refusal } : {}), json: answer!.json, createdAt: now() } }]);
    };

    const worker = async (): Promise<void> => {
      while (failure === undefined && !stop.signal.aborted && next < pending.length) {
        const task = pending[next++]!;
        try {
          await ask(task);
          done++;
          run.onProgress?.({ type: 'progress', engine: judge.name, total, done, cached: plan.cachedRequests });
        } catch (err) {
          // After a stop, a request that failed and would have been retried ends this worker only:
          // the other requests on their way are still awaited and kept.
          if (stopped && !controller.signal.aborted && (err === stop.signal.reason || (err instanceof EngineError && err.retryable))) return;
          failure ??= err;
          controller.abort();
          stop.abort();
        }
      }
    };
    try {
      const width = Math.max(1, Math.floor(run.concurrency) || 1);
      await Promise.all(Array.from({ length: Math.min(width, pending.length) }, worker));
    } finally {
      run.signal?.removeEventListener('abort', onOuterAbort);
    }
    if (stopped) throw new JudgingAbortedError();
    if (failure !== undefined) throw failure;
  }
  return buildReport(opts, plan, answers, { sent, cached: plan.cachedRequests });
}

function buildReport(
  opts: JudgeOptions,
  plan: JudgePlan,
  answers: Map<JudgeTask, { parsed: ParsedAnswer; cached: boolean }>,
  requests: JudgeReport['requests'],
): JudgeReport {
  const weights = opts.weights ?? DEFAULT_MQM_WEIGHTS;
  const normalisation = opts.normalisation ?? 'words';
  const judgments: Record<string, ParagraphJudgment[]> = {};
  for (const e of opts.engines) judgments[e] = [];
  for (const task of plan.tasks) {
    const { parsed, cached } = answers.get(task)!;
    const base = { paragraph: task.paragraph, engine: task.engine, words: wordCount(task.translation), cached };
    if (parsed.status !== 'judged') {
      judgments[task.engine]!.push({ ...base, status: parsed.status, note: parsed.note, spans: [], dropped: 0, penalty: 0 });
      continue;
    }
    const spans = locateErrors(parsed.errors, { source: task.source, translation: task.translation });
    judgments[task.engine]!.push({ ...base, status: 'judged', spans, dropped: parsed.dropped, penalty: penaltyOf(spans, weights) });
  }
  return {
    engine: opts.judge.name,
    model: opts.judge.model,
    promptVersion: MQM_PROMPT_VERSION,
    withReference: plan.withReference,
    weights,
    normalisation,
    disclaimer: JUDGE_DISCLAIMER,
    engines: opts.engines.map((e) => engineMqm(e, judgments[e]!, normalisation)),
    judgments,
    requests,
    mergedFindings: Object.fromEntries(opts.engines.map((e) => [e, []])),
  };
}
