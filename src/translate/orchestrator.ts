/**
 * The translation orchestrator: NFC, cache look-up, glossary enforcement per engine, batching,
 * bounded concurrency, retries, incremental cache writes, and results in paragraph order.
 */
import { randomUUID } from 'node:crypto';
import { EngineError, KEPT_IN_CACHE, VitransError } from '../core/errors.js';
import { sleep } from '../engines/retry.js';
import type { Engine, TermPair, TranslateResult } from '../engines/types.js';
import type { Glossary } from '../glossary/types.js';
import { termKey, type ViMatcher } from '../glossary/vi-matcher.js';
import type { GlossaryEntry, TermMatch } from '../glossary/types.js';
import { termPairs } from '../glossary/export.js';
import { vietnameseShare } from '../text/vietnamese.js';
import { joinSplit, planBatches, splitText } from './batching.js';
import { ClaimKeeper } from './claims.js';
import { translationCacheKey, type CachedTranslation, type TranslationCache } from '../store/index.js';
import { hasPlaceholderConflict, maskText, unmaskText, type MaskedText, type ProtectedSpan } from './placeholders.js';
import type {
  GlossaryMode,
  ParagraphTranslation,
  RetryRunner,
  TranslateParagraphsOptions,
  TranslationWarning,
} from './types.js';

/** The run was stopped from outside (Ctrl-C). Everything finished before is in the cache. */
export class TranslationAbortedError extends VitransError {
  constructor() {
    super('E_ABORTED', `translation interrupted; ${KEPT_IN_CACHE.translation}`);
  }
}

/** How the glossary reaches this engine: by its `capabilities.glossary`, or `off` without a glossary. */
export function glossaryModeFor(engine: Pick<Engine, 'capabilities'>, glossary: Glossary | undefined): GlossaryMode {
  if (!glossary || glossary.entries.length === 0) return 'off';
  const support = engine.capabilities.glossary;
  return support === 'none' ? 'mask' : support;
}

/**
 * A memoised `prepareGlossary` call for one engine and run: the engine-side glossary is looked up
 * or created at most once, and only when first needed (a fully cached run makes no request).
 * A failure that a retry may cure (a 5xx, a timeout) is forgotten, so the next call asks again;
 * a fatal one is kept. Engines without `prepareGlossary` (Google uses its configured resource) get
 * `undefined`.
 */
export function nativeGlossaryOnce(
  engine: Engine,
  pairs: TermPair[],
  contentHash: string,
  langs: { sourceLang: string; targetLang: string },
): () => Promise<string | undefined> {
  let id: Promise<string | undefined> | undefined;
  return () => {
    if (!engine.prepareGlossary || pairs.length === 0) return Promise.resolve(undefined);
    const asked = (id ??= engine.prepareGlossary(pairs, contentHash, langs));
    asked.catch((err: unknown) => {
      if (err instanceof EngineError && err.retryable && id === asked) id = undefined;
    });
    return asked;
  };
}

/**
 * Whether an engine's answer is its input back, untranslated (an echo: some servers return the
 * source when their model is not loaded or the language is not installed). Short texts, names
 * and numbers legitimately come back unchanged, so it takes five words or more, and for a
 * Vietnamese source, mostly Vietnamese words.
 * @example isEcho('Nhà Trắng công bố chuyến thăm cấp nhà nước.', 'Nhà Trắng công bố chuyến thăm cấp nhà nước.', 'vi') === true
 */
export function isEcho(sent: string, answer: string, sourceLang: string): boolean {
  const norm = (t: string): string => t.normalize('NFC').replace(/\s+/g, ' ').trim();
  const a = norm(sent);
  if (a !== norm(answer)) return false;
  const words = a.replace(/⟦\s*\d+\s*⟧/g, ' ').match(/[\p{L}\p{M}]+/gu) ?? [];
  if (words.length < 5) return false;
  if (sourceLang.toLowerCase().split('-')[0] !== 'vi') return true;
  return vietnameseShare(a).share >= 0.5;
}

/**
 * Whether an engine's answer holds no translation of a text that has words: not a string at all
 * (a server's `null`, a missing field), or only whitespace. Such an answer is no translation, like
 * an echo: it is asked for again and never cached. A text without letters ("2024") may come back empty.
 * @example isEmptyAnswer('Hai bên nhất trí.', '  ') === true
 * @example isEmptyAnswer('Hai bên nhất trí.', null) === true
 */
export function isEmptyAnswer(sent: string, answer: unknown): boolean {
  if (typeof answer !== 'string') return true;
  return answer.trim() === '' && /\p{L}/u.test(sent);
}

/**
 * Whether an engine's answer runs far beyond any translation of what was sent: an LLM repeating a
 * word or a sentence until its token limit ("word word word …"). An English translation of
 * Vietnamese runs about 1.1× its characters; ten times as long, and a thousand characters more,
 * is no translation.
 * @example isRunaway('Hai bên nhất trí.', 'word '.repeat(2000)) === true
 */
export function isRunaway(sent: string, answer: string): boolean {
  return answer.length > 10 * sent.length + 1000;
}

/** What is sent for a paragraph, worked out only when needed (term matching is the costly part). */
export interface PreparedParagraph {
  /** The text to send (masked in `mask` mode and for markup). */
  masked: MaskedText;
  /** Only the markup masked, for the unmasked retry after a lost term placeholder. */
  markupOnly: MaskedText;
  /** Prompt-mode hints: pairs of the entries found in this paragraph. */
  hints?: TermPair[];
  /**
   * Nothing to translate outside the masked spans (a lone image, "2024", a heading that is just a
   * glossary term): the result is the masked text with its replacements put back, nothing is sent.
   */
  local: boolean;
  warnings: TranslationWarning[];
}

/** One paragraph as the plan sees it. */
export interface PlannedParagraph {
  index: number;
  /** NFC source. */
  source: string;
  key: string;
  /** What the cache already has for it. */
  cached?: CachedTranslation;
  /** Whitespace only. */
  blank: boolean;
  /** Masks and hints, memoised: computed on first call. */
  prepare(): PreparedParagraph;
  /** Forgets the memoised masks (a finished paragraph's are no longer needed; `prepare` computes them again). */
  release(): void;
}

/** What a run would do, before anything is sent (dry runs and budgets use it). */
export interface TranslationPlan {
  mode: GlossaryMode;
  paragraphs: PlannedParagraph[];
  /** Paragraphs and characters (UTF-16 units of what would be sent) not served by the cache. */
  toSend: { paragraphs: number; characters: number };
}

/**
 * A matcher that remembers its answers per paragraph text (the latest `limit` of them): the budget
 * plan and each engine's run ask about the same paragraphs. `forget` lets them go once a file's
 * engines are done asking (its check matches the whole source anew).
 */
export function rememberingMatcher(matcher: ViMatcher, limit = REMEMBERED_TEXTS): ViMatcher & { forget(): void } {
  const answers = new Map<string, ReturnType<ViMatcher['find']>>();
  return {
    forget: () => answers.clear(),
    find(text) {
      let found = answers.get(text);
      if (!found) {
        found = matcher.find(text);
        // The oldest answer goes first: engines of one file ask about the same paragraphs close
        // together, and a run over a million paragraphs must not remember them all.
        if (answers.size >= limit) answers.delete(answers.keys().next().value!);
        answers.set(text, found);
      }
      return found;
    },
  };
}

/** Paragraph texts a remembering matcher keeps answers for. */
const REMEMBERED_TEXTS = 20_000;

type PlanOptions = Pick<TranslateParagraphsOptions, 'engine' | 'paragraphs' | 'sourceLang' | 'targetLang' | 'glossary' | 'viMatcher' | 'markup' | 'cache'>;

/** NFC, cache keys and look-ups; masks are prepared lazily. `mode` overrides the engine's own (a native glossary refused: placeholders). */
async function planKeys(opts: PlanOptions, modeOverride?: GlossaryMode): Promise<{ mode: GlossaryMode; paragraphs: PlannedParagraph[] }> {
  const { engine } = opts;
  const mode = modeOverride ?? glossaryModeFor(engine, opts.glossary);
  const paragraphs = opts.paragraphs.map((raw, index): Planned => {
    const source = raw.normalize('NFC');
    const markup = opts.markup?.[index] ?? NO_MARKUP;
    const key = translationCacheKey({
      engine: engine.name,
      model: engine.model,
      cacheOptions: engine.cacheOptions,
      glossaryHash: mode === 'off' ? '' : (opts.glossary?.hash ?? ''),
      sourceLang: opts.sourceLang,
      targetLang: opts.targetLang,
      mode,
      markup: markup.length ? JSON.stringify(markup) : '',
      source,
    });
    return new Planned(index, source, key, undefined, source.trim() === '', markup, mode, opts.viMatcher);
  });
  if (opts.cache) {
    const cached = await lookUp(opts.cache, paragraphs.filter((p) => !p.blank).map((p) => p.key));
    for (const p of paragraphs) {
      const entry = cached.get(p.key);
      // An empty answer cached before empty answers were refused is no translation: asked for again.
      p.cached = entry && !isEmptyAnswer(p.source, entry.target) ? entry : undefined;
    }
  }
  return { mode, paragraphs };
}

/** Keys looked up per round trip to the cache: a networked store answers each slice in one request. */
const LOOKUP_SLICE = 1000;

async function lookUp(cache: TranslationCache, keys: readonly string[]): Promise<Map<string, CachedTranslation>> {
  const found = new Map<string, CachedTranslation>();
  for (let from = 0; from < keys.length; from += LOOKUP_SLICE) {
    for (const [key, value] of await cache.getMany(keys.slice(from, from + LOOKUP_SLICE))) found.set(key, value);
  }
  return found;
}

const NO_MARKUP: readonly ProtectedSpan[] = [];

/** A PlannedParagraph as one small object (a million of them, each with two closures, weighed hundreds of megabytes). */
class Planned implements PlannedParagraph {
  private prepared: PreparedParagraph | undefined;
  constructor(
    readonly index: number,
    readonly source: string,
    readonly key: string,
    /** Set once by the plan's look-up, in one round trip for many paragraphs. */
    public cached: CachedTranslation | undefined,
    readonly blank: boolean,
    private readonly markup: readonly ProtectedSpan[],
    private readonly mode: GlossaryMode,
    private readonly viMatcher: TranslateParagraphsOptions['viMatcher'],
  ) {}

  prepare(): PreparedParagraph {
    return (this.prepared ??= prepareParagraph(this.source, this.markup, this.mode, this.viMatcher));
  }

  release(): void {
    this.prepared = undefined;
  }
}

function prepareParagraph(
  source: string,
  markup: readonly ProtectedSpan[],
  mode: GlossaryMode,
  viMatcher: TranslateParagraphsOptions['viMatcher'],
): PreparedParagraph {
  const warnings: TranslationWarning[] = [];
  const matches = mode === 'off' ? [] : (viMatcher?.find(source) ?? []);
  const termSpans: ProtectedSpan[] =
    mode === 'mask' ? matches.map((m) => ({ start: m.start, end: m.end, replacement: m.entry.en, kind: 'term' })) : [];
  // An engine-side glossary matches terms as the glossary spells them; "Thoả thuận" in the article
  // would miss the entry "Thỏa thuận". Markup offsets would shift, so Markdown keeps its spelling.
  const sent = mode === 'native' && markup.length === 0 ? respellTerms(source, matches) : source;
  let masked: MaskedText = { text: sent, spans: [] };
  let markupOnly: MaskedText = masked;
  if (termSpans.length + markup.length > 0) {
    if (hasPlaceholderConflict(source)) {
      warnings.push('placeholder-conflict');
    } else {
      masked = maskText(source, [...markup, ...termSpans]);
      markupOnly = markup.length ? maskText(source, markup) : markupOnly;
    }
  }
  const hints = mode === 'prompt' ? hintsFor(matches) : undefined;
  const local = !/\p{L}/u.test(masked.text.replace(/⟦\s*\d+\s*⟧/g, ''));
  return { masked, markupOnly, hints, local, warnings };
}

/**
 * The text with every glossary term written as the glossary writes it (tone placement, i/y),
 * where it differs by more than case; the case of the first letter is kept.
 * @example respellTerms('ký Thoả thuận An ninh Cung ứng', matches) === 'ký Thỏa thuận An ninh Cung ứng'
 */
export function respellTerms(text: string, matches: readonly TermMatch[]): string {
  let out = '';
  let from = 0;
  for (const m of matches) {
    const spellings = spellingsOf(m.entry);
    const written = m.text.normalize('NFC');
    if ([...spellings.values()].some((v) => v.toLowerCase() === written.toLowerCase())) continue;
    let spelling = spellings.get(termKey(m.text));
    if (!spelling) continue;
    const first = m.text.charAt(0);
    if (first === first.toLowerCase()) spelling = spelling.charAt(0).toLowerCase() + spelling.slice(1);
    out += text.slice(from, m.start) + spelling;
    from = m.end;
  }
  return out + text.slice(from);
}

const entrySpellings = new WeakMap<GlossaryEntry, Map<string, string>>();

/** An entry's spellings (NFC) by the matcher's key, built once per entry. */
function spellingsOf(entry: GlossaryEntry): Map<string, string> {
  let map = entrySpellings.get(entry);
  if (!map) {
    map = new Map();
    for (const v of [entry.vi, ...entry.viVariants]) if (!map.has(termKey(v))) map.set(termKey(v), v.normalize('NFC'));
    entrySpellings.set(entry, map);
  }
  return map;
}

/** Plans a run: NFC, cache keys and look-ups, masks and hints, characters to send. Sends nothing. */
export async function planTranslation(opts: PlanOptions): Promise<TranslationPlan> {
  const { mode, paragraphs } = await planKeys(opts);
  let count = 0;
  let characters = 0;
  // Repeats of a paragraph are sent once (see translateParagraphs).
  const counted = new Set<string>();
  for (const p of paragraphs) {
    if (p.blank || p.cached || counted.has(p.key)) continue;
    counted.add(p.key);
    const prep = p.prepare();
    // Counted, then let go: a plan of a big file must not hold a masked copy of it.
    p.release();
    if (prep.local) continue;
    count++;
    characters += prep.masked.text.length;
  }
  return { mode, paragraphs, toSend: { paragraphs: count, characters } };
}

function hintsFor(matches: { entry: { id: string; vi: string; en: string }; text: string }[]): TermPair[] {
  const pairs: TermPair[] = [];
  const seen = new Set<string>();
  for (const m of matches) {
    for (const source of [m.entry.vi.normalize('NFC'), m.text.normalize('NFC')]) {
      const k = `${source.toLowerCase()}\u0000${m.entry.en}`;
      if (seen.has(k)) continue;
      seen.add(k);
      pairs.push({ source, target: m.entry.en });
    }
  }
  return pairs;
}

interface Piece {
  paragraph: PlannedParagraph;
  part: number;
  text: string;
}

const runOnce: RetryRunner = (fn) => fn();

/** How long a claim on paragraphs in flight holds without renewal (renewed every third of it while the run lives). */
export const DEFAULT_LEASE_MS = 60_000;

/**
 * Translates paragraphs with one engine and returns one result per paragraph, in order.
 * Cached paragraphs are not sent; each batch's results are cached as soon as they arrive.
 * Batches are cut lazily as workers ask for them, so term matching overlaps the first requests.
 * @throws EngineError (fatal kinds) after aborting in-flight requests; TranslationAbortedError on
 *   `signal`, once the requests already sent are answered (with a cache) or aborted (without).
 * @example const out = await translateParagraphs({ engine, paragraphs, sourceLang: 'vi', targetLang: 'en', concurrency: 4 })
 */
export async function translateParagraphs(opts: TranslateParagraphsOptions): Promise<ParagraphTranslation[]> {
  const { engine, cache, onProgress } = opts;
  const retry = opts.retry ?? runOnce;
  const now = opts.now ?? Date.now;
  const redact = opts.redact;
  let plan = await planKeys(opts);
  const onRetry = (error: EngineError, attempt: number, delayMs: number): void =>
    onProgress?.({ type: 'retry', engine: engine.name, attempt, delayMs, reason: error.message });

  // The engine-side glossary comes first, through the same retries as every request, and only
  // when something has to be sent. An engine that translates the pair but keeps no glossary for
  // it gets placeholders instead (other cache keys: the plan is made again).
  let glossaryId: string | undefined;
  if (plan.mode === 'native' && plan.paragraphs.some((p) => !p.cached && !p.blank)) {
    if (opts.signal?.aborted) throw new TranslationAbortedError();
    const once = opts.nativeGlossaryId ?? nativeGlossaryOnce(engine, opts.termPairs ?? termPairs(opts.glossary!), opts.glossary!.hash, opts);
    try {
      // A stop does not wait for the glossary: nothing is sent yet, so nothing is to be kept.
      glossaryId = await orAbort(retry(once, { signal: opts.signal ?? new AbortController().signal, onRetry }), opts.signal);
    } catch (err) {
      if (opts.signal?.aborted) throw new TranslationAbortedError();
      if (!(err instanceof EngineError && err.kind === 'glossary-unsupported')) throw err;
      onProgress?.({ type: 'glossary-fallback', engine: engine.name, reason: err.message });
      plan = await planKeys(opts, 'mask');
    }
  }
  const total = plan.paragraphs.length;
  const results: (ParagraphTranslation | undefined)[] = new Array<ParagraphTranslation | undefined>(total).fill(undefined);
  let done = 0;
  let fromCache = 0;
  const result = (p: PlannedParagraph, target: string, extra: Partial<ParagraphTranslation> = {}): ParagraphTranslation => ({
    source: p.source,
    target,
    engine: engine.name,
    model: engine.model,
    cached: false,
    warnings: [],
    ...extra,
  });
  // A paragraph repeated in the file (a byline, a caption, boilerplate) is sent once: its repeats
  // take the first one's answer once it is in, as a later run takes it from the cache.
  const firstOfKey = new Map<string, PlannedParagraph>();
  const repeats = new Map<PlannedParagraph, PlannedParagraph[]>();
  const pending: PlannedParagraph[] = [];
  for (const p of plan.paragraphs) {
    if (p.cached) {
      results[p.index] = fromCached(engine, p, p.cached);
      done++;
      fromCache++;
    } else if (p.blank) {
      results[p.index] = result(p, p.source);
      done++;
    } else {
      const first = firstOfKey.get(p.key);
      if (!first) {
        firstOfKey.set(p.key, p);
        pending.push(p);
        continue;
      }
      const list = repeats.get(first);
      if (list) list.push(p);
      else repeats.set(first, [p]);
      done++;
      fromCache++;
    }
  }
  firstOfKey.clear();
  // Paragraphs that are never sent (blank, local, cached) count as done too, so progress reaches total.
  const tick = (): void => onProgress?.({ type: 'progress', engine: engine.name, total, done, cached: fromCache });
  onProgress?.({ type: 'start', engine: engine.name, total, cached: fromCache });
  if (done > fromCache) tick();
  if (pending.length === 0) return results as ParagraphTranslation[];
  if (opts.signal?.aborted) throw new TranslationAbortedError();

  // Two signals: `controller` aborts the requests on their way (a fatal error, or a stop without a
  // cache), `stop` only keeps new requests and retries from starting. A stop with a cache waits
  // for the requests already sent: the engine bills them whether or not their answers are read,
  // and an answer thrown away would be paid again by the rerun.
  const controller = new AbortController();
  const stop = new AbortController();
  let stopped = false;
  const onOuterAbort = (): void => {
    stopped = true;
    stop.abort();
    if (!cache) controller.abort();
  };
  opts.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const inFlight = opts.inFlight;

  /**
   * One request (with retries). Whole results, or, with `partial` and several texts, what came
   * back: an unusable answer (`bad-response`) to a batch is not retried as a whole but answered
   * with `undefined` for each text that did not come back, so the caller can resend only those.
   */
  async function send(texts: string[], hints: (TermPair[] | undefined)[]): Promise<TranslateResult[]>;
  async function send(texts: string[], hints: (TermPair[] | undefined)[], partial: true): Promise<(TranslateResult | undefined)[]>;
  async function send(texts: string[], hints: (TermPair[] | undefined)[], partial = false): Promise<(TranslateResult | undefined)[]> {
    const split = partial && texts.length > 1;
    const missingAll = (): undefined[] => new Array<undefined>(texts.length).fill(undefined);
    return retry(
      async (): Promise<(TranslateResult | undefined)[]> => {
        let out: TranslateResult[];
        try {
          const request = engine.translate({
            texts,
            sourceLang: opts.sourceLang,
            targetLang: opts.targetLang,
            glossaryId,
            termHints: plan.mode === 'prompt' ? hints.map((h) => h ?? []) : undefined,
            signal: controller.signal,
          });
          out = await (inFlight ? inFlight.track(request) : request);
        } catch (err) {
          if (!split || !(err instanceof EngineError) || err.kind !== 'bad-response') throw err;
          if (err.partial?.length !== texts.length) return missingAll();
          return err.partial.map((r, i) =>
            r && !isEmptyAnswer(texts[i]!, r.text) && !isEcho(texts[i]!, r.text, opts.sourceLang) && !isRunaway(texts[i]!, r.text) ? guardSecrets({ ...r }) : undefined,
          );
        }
        if (out.length !== texts.length) {
          if (split) return missingAll();
          throw new EngineError(engine.name, 'bad-response', `sent ${texts.length} texts, got ${out.length} translations back`);
        }
        // Nothing back for a text with words (an empty string, a null) is no translation either: never kept, asked again.
        const empties = out.map((r, i) => isEmptyAnswer(texts[i]!, (r as TranslateResult | undefined)?.text));
        if (empties.some(Boolean)) {
          if (split && !empties.every(Boolean)) return out.map((r, i) => (empties[i] ? undefined : r));
          const n = empties.filter(Boolean).length;
          throw new EngineError(engine.name, 'bad-response', `${engine.name} answered ${n === 1 ? 'a text' : `${n} of ${texts.length} texts`} with no translation (empty, or not a text)`, {
            hint: `try again later; ${KEPT_IN_CACHE.engineHint}`,
          });
        }
        // The source back untranslated is no translation: never kept, asked again (alone, in a batch).
        const echoes = out.map((r, i) => isEcho(texts[i]!, r.text, opts.sourceLang));
        if (echoes.some(Boolean)) {
          if (split && !echoes.every(Boolean)) return out.map((r, i) => (echoes[i] ? undefined : r));
          const n = echoes.filter(Boolean).length;
          throw new EngineError(engine.name, 'bad-response', `${engine.name} returned ${n === 1 ? 'the text' : `${n} of ${texts.length} texts`} untranslated (the source came back)`, {
            hint: `the engine may not have this language pair installed or loaded; ${KEPT_IN_CACHE.engineHint}`,
          });
        }
        // Nor is an answer that runs on and on: never kept (it would make a finding of every repeat), asked again.
        const runaways = out.map((r, i) => isRunaway(texts[i]!, r.text));
        if (runaways.some(Boolean)) {
          if (split && !runaways.every(Boolean)) return out.map((r, i) => (runaways[i] ? undefined : r));
          const worst = out.reduce((m, r, i) => (runaways[i] ? Math.max(m, Math.round(r.text.length / Math.max(1, texts[i]!.length))) : m), 0);
          throw new EngineError(engine.name, 'bad-response', `${engine.name} answered with a text ${worst} times as long as the one sent (a model repeating itself)`, {
            hint: `try again, or another model; ${KEPT_IN_CACHE.engineHint}`,
          });
        }
        return out.map((r) => guardSecrets(r));
      },
      // A stop ends the retries (and keeps a first attempt from starting), not the attempt on its way.
      { signal: stop.signal, onRetry },
    );
  }

  /** A result with any known secret masked (and a warning), so it reaches no file or cache. */
  const revealed = new WeakSet<TranslateResult>();
  const guardSecrets = (r: TranslateResult): TranslateResult => {
    if (!redact) return r;
    const text = redact(r.text);
    if (text === r.text) return r;
    const safe = { ...r, text };
    revealed.add(safe);
    return safe;
  };

  /**
   * Each sent paragraph's parts as they come back. `missing` counts the parts not back yet: the
   * arrays start as holes, which `every` and `some` skip, so a count is what says "complete".
   */
  const parts = new Map<number, { texts: (string | undefined)[]; billed: (number | undefined)[]; separators: string[]; missing: number; secret?: boolean }>();
  const { maxChars } = engine.capabilities;
  const maxTexts = Math.max(1, engine.capabilities.maxTexts);

  let failure: unknown;
  // Claims in a shared cache: a paragraph is sent only by the run that holds its lease; the
  // others take other paragraphs, then wait for it (or take it over when the lease lapses).
  const ttlMs = (opts.lease && opts.lease.ttlMs) || DEFAULT_LEASE_MS;
  const claims = cache && opts.lease !== false ? new ClaimKeeper(cache, { owner: (opts.lease && opts.lease.owner) || randomUUID(), ttlMs, now }) : undefined;
  const pollMs = (opts.lease && opts.lease.pollMs) || Math.min(1000, Math.ceil(ttlMs / 4));
  const owned: PlannedParagraph[] = [];
  const theirs: PlannedParagraph[] = [];

  const settleLocal = (p: PlannedParagraph): void => {
    const prep = p.prepare();
    results[p.index] = result(p, unmaskText(prep.masked.text, prep.masked).text, {
      masked: prep.masked.spans.some((s) => s.kind === 'term') || undefined,
      warnings: [...prep.warnings],
    });
    p.release();
    done++;
    tick();
  };

  /** Claims the paragraphs: ours to send, finished meanwhile by another run (cached), or another run's for now. */
  const claimInto = async (list: PlannedParagraph[]): Promise<void> => {
    if (!claims) {
      for (const p of list) owned.push(p);
      return;
    }
    const outcome = await claims.claim(list.map((p) => p.key));
    const claimed = new Set(outcome.claimed);
    for (const p of list) {
      const stored = outcome.done.get(p.key);
      // An empty answer kept by an earlier version is no translation: this run sends it again.
      const finished = stored && !isEmptyAnswer(p.source, stored.target) ? stored : undefined;
      if (stored && !finished) {
        owned.push(p);
      } else if (finished) {
        results[p.index] = fromCached(engine, p, finished);
        done++;
        fromCache++;
        tick();
      } else if (claimed.has(p.key)) {
        owned.push(p);
      } else {
        theirs.push(p);
      }
    }
  };

  /**
   * The next paragraph this run may send, in order, claiming up to `want` at a time (what the batch
   * being cut still has room for: a run never holds claims it is not about to send). When only
   * other runs' paragraphs are left it waits for them, unless a batch is begun (`want` below the
   * batch size), which is sent first.
   */
  let cursor = 0;
  let waiting = false;
  const takeParagraph = async (want: number): Promise<PlannedParagraph | undefined> => {
    for (;;) {
      if (owned.length > 0) return owned.shift();
      if (cursor < pending.length) {
        const chunk: PlannedParagraph[] = [];
        while (cursor < pending.length && chunk.length < want) {
          const p = pending[cursor++]!;
          if (p.prepare().local) settleLocal(p);
          else chunk.push(p);
        }
        if (chunk.length > 0) await claimInto(chunk);
        continue;
      }
      if (theirs.length === 0 || want < maxTexts) return undefined;
      if (!waiting) onProgress?.({ type: 'waiting', engine: engine.name, paragraphs: theirs.length });
      waiting = true;
      try {
        await sleep(pollMs, stop.signal);
      } catch {
        return undefined;
      }
      if (failure !== undefined) return undefined;
      await claimInto(theirs.splice(0));
    }
  };

  // The batch cutter: takes paragraphs in order as workers ask, splitting long ones into parts
  // (on the masked text; tokens hold no spaces or sentence marks). One cut at a time. The parts
  // of the paragraph being cut are read with a cursor (a long one has thousands).
  let carry: Piece[] = [];
  let carryAt = 0;
  const cutBatch = async (): Promise<Piece[] | undefined> => {
    const batch: Piece[] = [];
    let chars = 0;
    for (;;) {
      if (carryAt === carry.length) {
        if (batch.length >= maxTexts) break;
        const p = await takeParagraph(maxTexts - batch.length);
        if (!p) break;
        const prep = p.prepare();
        const split = splitText(prep.masked.text, maxChars);
        const texts = split.parts.length > 0 ? split.parts : [prep.masked.text];
        const separators = split.parts.length > 0 ? split.separators : ['', ''];
        const fill = (): undefined[] => Array.from({ length: texts.length }, () => undefined);
        parts.set(p.index, { texts: fill(), billed: fill(), separators, missing: texts.length });
        carry = texts.map((text, part) => ({ paragraph: p, part, text }));
        carryAt = 0;
      }
      const piece = carry[carryAt]!;
      if (batch.length > 0 && (batch.length >= maxTexts || chars + piece.text.length > maxChars)) break;
      batch.push(piece);
      carryAt++;
      chars += piece.text.length;
    }
    return batch.length > 0 ? batch : undefined;
  };
  let cutting: Promise<unknown> = Promise.resolve();
  const nextBatch = (): Promise<Piece[] | undefined> => {
    const next = cutting.then(cutBatch);
    cutting = next.catch(() => undefined);
    return next;
  };

  /** The paragraph's result, or undefined when a term placeholder was lost and it must be retranslated. */
  const finish = (p: PlannedParagraph): ParagraphTranslation | undefined => {
    const prep = p.prepare();
    const got = parts.get(p.index)!;
    const warnings = [...prep.warnings];
    if (got.texts.length > 1) warnings.push('split-long-paragraph');
    if (got.secret) warnings.push('secret-redacted');
    // The parts are re-joined first: a placeholder belongs to the whole paragraph, not to a part.
    const restored = unmaskText(joinSplit(got.texts as string[], got.separators), prep.masked);
    if (!restored.complete && restored.lost.some((s) => s.kind === 'term')) return undefined;
    if (!restored.complete) warnings.push('markup-lost');
    const masked = prep.masked.spans.some((s) => s.kind === 'term');
    return result(p, restored.text, { billedCharacters: sumBilled(got.billed), masked: masked || undefined, warnings });
  };

  // A term placeholder went missing: the approved term cannot be put back, so translate the
  // paragraph again with only the markup masked and let the checker judge the rendering.
  const retranslateUnmasked = async (p: PlannedParagraph): Promise<ParagraphTranslation> => {
    const prep = p.prepare();
    const got = parts.get(p.index)!;
    const warnings = [...prep.warnings];
    if (got.texts.length > 1) warnings.push('split-long-paragraph');
    warnings.push('placeholder-lost');
    const again: TranslateResult[] = [];
    const split = splitText(prep.markupOnly.text, maxChars);
    const retryParts = (split.parts.length > 0 ? split.parts : [prep.markupOnly.text]).map((text) => ({ text }));
    const separators = split.parts.length > 0 ? split.separators : ['', ''];
    for (const batch of planBatches(retryParts, engine.capabilities)) {
      for (const r of await send(batch.map((b) => b.text), batch.map(() => prep.hints))) again.push(r);
    }
    const billed = sumBilled([sumBilled(got.billed), sumBilled(again.map((r) => r.billedCharacters))]);
    const restored = unmaskText(joinSplit(again.map((r) => r.text), separators), prep.markupOnly);
    if (!restored.complete) warnings.push('markup-lost');
    if (again.some((r) => revealed.has(r))) warnings.push('secret-redacted');
    return result(p, restored.text, { billedCharacters: billed, warnings });
  };

  const record = async (list: { p: PlannedParagraph; r: ParagraphTranslation }[]): Promise<void> => {
    // A finished paragraph keeps only its result: its masks and parts go.
    for (const { p, r } of list) {
      results[p.index] = r;
      p.release();
      parts.delete(p.index);
    }
    await cache?.putMany(list.map(({ p, r }) => ({ key: p.key, value: toCached(r, now(), { sourceLang: opts.sourceLang, targetLang: opts.targetLang }) })));
    claims?.stored(list.map(({ p }) => p.key));
    done += list.length;
    if (list.length > 0) tick();
  };

  /** Stores the pieces' results, then records (and caches) every paragraph they complete. */
  const absorb = async (pieces: Piece[], out: TranslateResult[]): Promise<void> => {
    const complete: PlannedParagraph[] = [];
    pieces.forEach((piece, i) => {
      const got = parts.get(piece.paragraph.index)!;
      if (got.texts[piece.part] === undefined) got.missing--;
      got.texts[piece.part] = out[i]!.text;
      got.billed[piece.part] = out[i]!.billedCharacters;
      if (revealed.has(out[i]!)) got.secret = true;
      if (got.missing === 0 && !complete.includes(piece.paragraph)) complete.push(piece.paragraph);
    });
    // Store what arrived intact before any retranslation request can fail.
    const intact: { p: PlannedParagraph; r: ParagraphTranslation }[] = [];
    const lost: PlannedParagraph[] = [];
    for (const p of complete) {
      const r = finish(p);
      if (r) intact.push({ p, r });
      else lost.push(p);
    }
    await record(intact);
    for (const p of lost) await record([{ p, r: await retranslateUnmasked(p) }]);
  };

  const runBatch = async (batch: Piece[]): Promise<void> => {
    const out = await send(
      batch.map((b) => b.text),
      batch.map((b) => b.paragraph.prepare().hints),
      true,
    );
    const back = batch.flatMap((piece, i) => (out[i] ? [{ piece, r: out[i] }] : []));
    await absorb(back.map((b) => b.piece), back.map((b) => b.r));
    // An unusable answer to a batch: keep (and cache) what came back, send each missing piece
    // again alone; a lone piece that still fails (after retries) stops the run.
    for (const piece of batch.filter((_, i) => !out[i])) {
      const again = await send([piece.text], [piece.paragraph.prepare().hints]);
      await absorb([piece], again);
    }
  };

  const worker = async (): Promise<void> => {
    while (failure === undefined && !stop.signal.aborted) {
      try {
        const batch = await nextBatch();
        if (!batch) return;
        await runBatch(batch);
      } catch (err) {
        // After a stop, a request that failed and would have been retried (or was not sent) ends
        // this worker only: the other requests on their way are still awaited and kept.
        if (stopped && !controller.signal.aborted && (err === stop.signal.reason || (err instanceof EngineError && err.retryable))) return;
        failure ??= err;
        controller.abort();
        stop.abort();
      }
    }
  };
  try {
    const width = Math.max(1, Math.floor(opts.concurrency) || 1);
    await Promise.all(Array.from({ length: width }, worker));
  } finally {
    opts.signal?.removeEventListener('abort', onOuterAbort);
    // What this run claimed and did not finish is free for other runs at once.
    await claims?.end();
  }
  if (failure !== undefined && !stopped) throw failure;
  // A stop while requests were still to be sent or awaited is an interrupt, even when the answers it
  // waited for completed the run: everything is in the cache, and the caller asked to stop (so an
  // interrupted run writes no outputs). One that comes after the run has ended does not count.
  if (stopped) throw new TranslationAbortedError();
  for (const [first, list] of repeats) {
    const answer = results[first.index];
    if (answer) for (const p of list) results[p.index] = { ...answer, source: p.source, cached: true, warnings: [...answer.warnings] };
  }
  if (results.some((r) => r === undefined) || failure !== undefined) throw failure;
  return results as ParagraphTranslation[];
}

/**
 * `promise`, or TranslationAbortedError as soon as `signal` aborts: a request that the engine's
 * client cannot abort (deepl-node) goes on, and its answer is not waited for.
 */
function orAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  promise.catch(() => undefined);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(new TranslationAbortedError());
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    const settle = (): void => signal.removeEventListener('abort', onAbort);
    promise.then(
      (value) => (settle(), resolve(value)),
      (err: unknown) => (settle(), reject(err)),
    );
  });
}

function sumBilled(values: (number | undefined)[]): number | undefined {
  return values.some((v) => v !== undefined) ? values.reduce<number>((a, v) => a + (v ?? 0), 0) : undefined;
}

function toCached(r: ParagraphTranslation, createdAt: number, langs: { sourceLang: string; targetLang: string }): CachedTranslation {
  const origin = { source: r.source, engine: r.engine, model: r.model, ...langs };
  return { target: r.target, billedCharacters: r.billedCharacters, masked: Boolean(r.masked), warnings: r.warnings, createdAt, origin };
}

/** A planned paragraph's result from its cache entry (a queued run assembles its cached paragraphs with it too). */
export function fromCached(engine: Pick<Engine, 'name' | 'model'>, p: Pick<PlannedParagraph, 'source'>, c: CachedTranslation): ParagraphTranslation {
  return {
    source: p.source,
    target: c.target,
    engine: engine.name,
    model: engine.model,
    cached: true,
    billedCharacters: c.billedCharacters,
    masked: c.masked || undefined,
    warnings: c.warnings,
  };
}
