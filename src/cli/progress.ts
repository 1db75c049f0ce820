/**
 * Translation progress for humans, on stderr. On a terminal: one line redrawn in place with a
 * bar, done/total paragraphs, cached count and ETA. Elsewhere (CI logs, pipes): plain lines, at
 * most one every few seconds plus one at the start and end of each file. Nothing when quiet.
 */
import type { TranslateProgress } from '../translate/types.js';
import type { OutputStream } from './io.js';

/** Receives orchestrator events for one file at a time, from one or several engines at once. */
export interface ProgressRenderer {
  /** Starts a new task line, e.g. `article.txt → deepl, google`, for `engines` engines at once. */
  begin(label: string, engines?: number): void;
  update(event: TranslateProgress): void;
  /** Ends the current task (prints its final state). */
  end(): void;
}

/** Options of `createProgress`. */
export interface ProgressOptions {
  stream: OutputStream;
  quiet?: boolean;
  /** Milliseconds clock (injected for tests). */
  now: () => number;
  /** Least time between plain lines when not on a terminal (default 5000 ms). */
  plainIntervalMs?: number;
}

/** A renderer for the stream: redrawn on a TTY, throttled plain lines otherwise, silent when quiet. */
export function createProgress(opts: ProgressOptions): ProgressRenderer {
  if (opts.quiet) return { begin() {}, update() {}, end() {} };
  return opts.stream.isTTY ? new TtyProgress(opts) : new PlainProgress(opts);
}

/** One task line: the sums over the engines working on it at the same time. */
interface State {
  label: string;
  startedAt: number;
  total: number;
  done: number;
  cached: number;
  note: string;
  engines: Map<string, { total: number; done: number; cached: number }>;
  /** How many engines share the line (their names are then worth printing). */
  parallel: number;
}

function fresh(label: string, now: number, parallel = 1): State {
  return { label, startedAt: now, total: 0, done: 0, cached: 0, note: '', engines: new Map(), parallel };
}

function apply(s: State, e: TranslateProgress): void {
  // Warnings are the command's to print, once per engine.
  if (e.type === 'glossary-fallback') return;
  if (e.type === 'retry') {
    s.note = `${s.parallel > 1 ? `${e.engine} ` : ''}retry ${e.attempt} in ${(e.delayMs / 1000).toFixed(1)}s`;
    return;
  }
  if (e.type === 'waiting') {
    s.note = `${s.parallel > 1 ? `${e.engine} ` : ''}waiting for ${e.paragraphs} paragraph${e.paragraphs === 1 ? '' : 's'} another run on this cache is translating`;
    return;
  }
  const mine = { total: e.total, cached: e.cached, done: e.type === 'start' ? e.cached : e.done };
  s.engines.set(e.engine, mine);
  if (e.type === 'progress') s.note = '';
  s.total = s.done = s.cached = 0;
  for (const x of s.engines.values()) {
    s.total += x.total;
    s.done += x.done;
    s.cached += x.cached;
  }
}

/** Seconds left, from the pace of the paragraphs actually sent so far. */
export function etaSeconds(s: { total: number; done: number; cached: number; startedAt: number }, now: number): number | undefined {
  const sent = s.done - s.cached;
  if (sent <= 0) return undefined;
  return (((now - s.startedAt) / sent) * (s.total - s.done)) / 1000;
}

/** `m:ss` for a duration in seconds. @example formatDuration(75) === '1:15' */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

function summary(s: State, now: number): string {
  const eta = etaSeconds(s, now);
  const etaText = s.done >= s.total ? `${formatDuration((now - s.startedAt) / 1000)} elapsed` : eta === undefined ? 'ETA --:--' : `ETA ${formatDuration(eta)}`;
  return `${s.done}/${s.total} paragraphs, ${s.cached} cached, ${etaText}${s.note ? `, ${s.note}` : ''}`;
}

class TtyProgress implements ProgressRenderer {
  private s: State | undefined;
  constructor(private readonly opts: ProgressOptions) {}
  begin(label: string, engines = 1): void {
    this.s = fresh(label, this.opts.now(), engines);
    this.draw();
  }
  update(e: TranslateProgress): void {
    if (!this.s) return;
    apply(this.s, e);
    this.draw();
  }
  end(): void {
    if (!this.s) return;
    this.draw();
    this.opts.stream.write('\n');
    this.s = undefined;
  }
  private draw(): void {
    const s = this.s!;
    const width = 20;
    const filled = s.total > 0 ? Math.round((s.done / s.total) * width) : 0;
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}]`;
    let line = `${s.label} ${bar} ${summary(s, this.opts.now())}`;
    const columns = this.opts.stream.columns;
    if (columns && line.length >= columns) line = line.slice(0, columns - 1);
    this.opts.stream.write(`\r\x1b[2K${line}`);
  }
}

class PlainProgress implements ProgressRenderer {
  private s: State | undefined;
  private lastAt = 0;
  constructor(private readonly opts: ProgressOptions) {}
  begin(label: string, engines = 1): void {
    this.s = fresh(label, this.opts.now(), engines);
  }
  update(e: TranslateProgress): void {
    const s = this.s;
    if (!s) return;
    apply(s, e);
    const now = this.opts.now();
    if (e.type === 'start') {
      this.print(`${s.label}: ${s.parallel > 1 ? `${e.engine}: ` : ''}${e.total} paragraphs, ${e.cached} cached`);
      this.lastAt = now;
    } else if (e.type === 'retry') {
      this.print(`${s.label}: ${s.note}: ${e.reason}`);
    } else if (e.type === 'waiting') {
      this.print(`${s.label}: ${s.note}`);
    } else if (now - this.lastAt >= (this.opts.plainIntervalMs ?? 5000) && s.done < s.total) {
      this.print(`${s.label}: ${summary(s, now)}`);
      this.lastAt = now;
    }
  }
  end(): void {
    if (!this.s) return;
    this.print(`${this.s.label}: ${summary(this.s, this.opts.now())}`);
    this.s = undefined;
  }
  private print(line: string): void {
    this.opts.stream.write(line + '\n');
  }
}
