/**
 * `npm run bench:queue`: a queued run across 1, 2 and 4 worker processes on a real redis-server,
 * against a fake engine that answers each request after 150 ms, under a global limit of 20
 * requests per second. Reports wall time against the bound the limit sets, the most requests the
 * engine saw in any 1 s (by its own clock: must never exceed the limit), the overhead per job of
 * going through Redis against a local run of the same paragraphs (engine answering at once), and
 * peak RSS of the coordinator and of each worker. Ratios within this run only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, measureNode, ROOT } from './lib/measure.js';

const PARAGRAPHS = 2000;
const BATCH = 10;
const LIMIT = 20;
const DELAY_MS = 150;
const PER_WORKER = 2;
const TSX = import.meta.resolve('tsx');

function article(n: number): string {
  const out: string[] = [];
  for (let i = 1; i <= n; i++) out.push(`Theo Bộ Công Thương, kim ngạch xuất khẩu gạo của tỉnh thứ ${i} đạt ${i * 7} nghìn tấn, tăng ${i % 9}% so với cùng kỳ năm trước.`);
  return out.join('\n\n') + '\n';
}

async function engineServer(delayMs: number): Promise<{ url: string; arrivals: number[]; close(): Promise<void> }> {
  const arrivals: number[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (d: string) => (body += d));
    req.on('end', () => {
      arrivals.push(Date.now());
      const { q } = JSON.parse(body) as { q: string[] };
      setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ translatedText: q.map((t) => `EN ${t.length}`) })), delayMs);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, arrivals, close: () => new Promise((r) => server.close(() => r())) };
}

async function redisServer(): Promise<{ url: string; stop(): void }> {
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise<void>((resolve) => child.stdout!.on('data', (d: Buffer) => /Ready to accept/.test(d.toString()) && resolve()));
  return { url: `redis://127.0.0.1:${port}`, stop: () => void child.kill('SIGKILL') };
}

function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let from = 0;
  for (let to = 0; to < sorted.length; to++) {
    while (sorted[to]! - sorted[from]! >= windowMs) from++;
    if (to - from + 1 > best) best = to - from + 1;
  }
  return best;
}

function peakMbOf(child: ChildProcess): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)![1]) / 1000;
}

async function startWorkers(n: number, queue: string, engineUrl: string): Promise<ChildProcess[]> {
  const workers: ChildProcess[] = [];
  for (let i = 0; i < n; i++) {
    const cwd = mkdtempSync(join(tmpdir(), 'vitrans-bench-worker-'));
    const child = spawn(process.execPath, ['--import', TSX, join(ROOT, 'src/cli/main.ts'), 'worker', '--queue', queue, '-e', 'libretranslate', '--concurrency', String(PER_WORKER), '--no-cache'], {
      cwd,
      env: { ...process.env, LIBRETRANSLATE_URL: engineUrl, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    await new Promise<void>((resolve) => child.stderr!.on('data', (d: Buffer) => /taking batches/.test(d.toString()) && resolve()));
    workers.push(child);
  }
  return workers;
}

async function stop(workers: ChildProcess[]): Promise<void> {
  await Promise.all(workers.map((w) => new Promise<void>((r) => (w.once('close', () => r()), w.kill('SIGTERM')))));
}

const dir = mkdtempSync(join(tmpdir(), 'vitrans-bench-queue-'));
writeFileSync(join(dir, 'archive.vi.txt'), article(PARAGRAPHS));
const jobs = PARAGRAPHS / BATCH;
console.log(`bench:queue: ${PARAGRAPHS} paragraphs in ${jobs} jobs of ${BATCH}, engine ${DELAY_MS} ms per request, limit ${LIMIT} requests/s, ${PER_WORKER} jobs in flight per worker`);

// Per-job overhead: the same run locally and through Redis (one worker, the engine's own batches
// of 50, so both send the same requests), the engine answering at once, no limit.
{
  const engine = await engineServer(0);
  const redis = await redisServer();
  const args = ['translate', 'archive.vi.txt', '-e', 'libretranslate', '--no-cache', '-q', '--set', `libretranslate.url=${engine.url}`];
  const local = await measureNode('src/cli/main.ts', [...args, '--concurrency', String(PER_WORKER), '-o', 'out-local'], { cwd: dir, env: { LIBRETRANSLATE_URL: engine.url } });
  const localRequests = engine.arrivals.length;
  engine.arrivals.length = 0;
  const workers = await startWorkers(1, redis.url, engine.url);
  const queued = await measureNode('src/cli/main.ts', [...args, '--queue', redis.url, '-o', 'out-queued'], { cwd: dir, env: { LIBRETRANSLATE_URL: engine.url } });
  const workerMb = peakMbOf(workers[0]!);
  await stop(workers);
  redis.stop();
  await engine.close();
  const perJobMs = ((queued.seconds - local.seconds) * 1000) / localRequests;
  console.log(`local run: ${describe(local)}; ${localRequests} requests`);
  console.log(`queued run, 1 worker: ${describe(queued)} (coordinator); worker ${workerMb.toFixed(0)} MB peak; ${engine.arrivals.length} requests`);
  console.log(`overhead through Redis: ${perJobMs.toFixed(1)} ms per job (${(queued.seconds / local.seconds).toFixed(2)}× the local run's wall time)`);
}

for (const count of [1, 2, 4]) {
  const engine = await engineServer(DELAY_MS);
  const redis = await redisServer();
  const workers = await startWorkers(count, redis.url, engine.url);
  const m = await measureNode('src/cli/main.ts', ['translate', 'archive.vi.txt', '-e', 'libretranslate', '--no-cache', '-q', '--queue', redis.url, '--batch-paragraphs', String(BATCH), '--rate-requests', String(LIMIT), '--rate-interval', '1000', '-o', `out-${count}`], { cwd: dir, env: { LIBRETRANSLATE_URL: engine.url } });
  const peaks = workers.map(peakMbOf);
  await stop(workers);
  redis.stop();
  await engine.close();
  // The limit allows LIMIT requests in the first second and LIMIT more in each one after; the last answer takes DELAY_MS.
  const bound = (jobs - LIMIT) / LIMIT + DELAY_MS / 1000;
  const capacity = jobs / ((count * PER_WORKER) / (DELAY_MS / 1000));
  console.log(
    `${count} worker${count === 1 ? ' ' : 's'}: ${describe(m)} (coordinator); bound by the limit ${bound.toFixed(2)} s, by the workers' concurrency ${capacity.toFixed(2)} s; ` +
      `${m.seconds.toFixed(2)} s is ${(m.seconds / Math.max(bound, capacity)).toFixed(2)}× the larger; engine saw at most ${maxInWindow(engine.arrivals, 1000)} requests in any 1 s (limit ${LIMIT}), ${engine.arrivals.length} in all; workers ${peaks.map((p) => p.toFixed(0)).join(', ')} MB peak`,
  );
}
rmSync(dir, { recursive: true, force: true });
