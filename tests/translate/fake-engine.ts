/**
 * An in-memory Engine for orchestration tests: it records every request, translates through a
 * small Vietnamese→English word table (unknown tokens, placeholders included, pass through), and
 * can fail, stall or drop placeholders on cue.
 */
import { EngineError } from '../../src/core/errors.js';
import type { Engine, EngineCapabilities, GlossarySupport, TranslateRequest, TranslateResult } from '../../src/engines/types.js';

const WORDS: Record<string, string> = {
  'Nhật Bản': 'Japan',
  'Hoa Kỳ': 'United States',
  'hợp tác': 'cooperation',
  'quốc phòng': 'defence',
  'công nghiệp': 'industry',
  'Thỏa thuận': 'Agreement',
  'hòa bình': 'peace',
  'thủy quân': 'marines',
  'tháng': 'month',
  'năm': 'year',
  'và': 'and',
};

/** Deterministic pseudo-translation: known phrases replaced, everything else kept, "EN:" prefix. */
export function pseudoTranslate(text: string): string {
  let out = text.normalize('NFC');
  for (const [vi, en] of Object.entries(WORDS)) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{M}])${vi}(?![\\p{L}\\p{M}])`, 'gu'), en);
  }
  return `EN: ${out}`;
}

export interface FakeEngineOptions {
  name?: string;
  glossary?: GlossarySupport;
  maxTexts?: number;
  maxChars?: number;
  /** Called before answering request number `n` (1-based); throw to fail it. */
  failOn?: (n: number, request: TranslateRequest) => void;
  /** Delay (ms) before answering request `n`; lets tests reorder completions. */
  delayFor?: (n: number, request: TranslateRequest) => number;
  /** Rewrites one output text (e.g. drops placeholders). */
  mangle?: (out: string, input: string) => string;
  /** Called before answering `prepareGlossary` call number `n` (1-based); throw to fail it. */
  glossaryFailOn?: (n: number) => void;
}

/** A recording fake Engine. */
export class FakeEngine implements Engine {
  readonly name: string;
  readonly model = 'fake-1';
  readonly capabilities: EngineCapabilities;
  readonly cacheOptions = { formality: 'default' };
  readonly requests: TranslateRequest[] = [];
  readonly glossaries: { pairs: number; hash: string }[] = [];
  inFlight = 0;
  maxInFlight = 0;
  constructor(private readonly opts: FakeEngineOptions = {}) {
    this.name = opts.name ?? 'fake';
    this.capabilities = { glossary: opts.glossary ?? 'none', maxTexts: opts.maxTexts ?? 50, maxChars: opts.maxChars ?? 10_000 };
  }

  /** Every text sent, over all requests. */
  get sentTexts(): string[] {
    return this.requests.flatMap((r) => r.texts);
  }

  async translate(request: TranslateRequest): Promise<TranslateResult[]> {
    this.requests.push({ ...request, texts: [...request.texts] });
    const n = this.requests.length;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      const ms = this.opts.delayFor?.(n, request) ?? 0;
      if (ms > 0) await abortableDelay(ms, request.signal, this.name);
      this.opts.failOn?.(n, request);
      return request.texts.map((t) => {
        const out = pseudoTranslate(t);
        return { text: this.opts.mangle ? this.opts.mangle(out, t) : out, billedCharacters: t.length };
      });
    } finally {
      this.inFlight--;
    }
  }

  async prepareGlossary(pairs: { source: string; target: string }[], contentHash: string): Promise<string> {
    this.glossaries.push({ pairs: pairs.length, hash: contentHash });
    this.opts.glossaryFailOn?.(this.glossaries.length);
    return `gloss-${contentHash.slice(0, 8)}`;
  }
}

function abortableDelay(ms: number, signal: AbortSignal | undefined, engine: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new EngineError(engine, 'network', 'request aborted'));
      },
      { once: true },
    );
  });
}
