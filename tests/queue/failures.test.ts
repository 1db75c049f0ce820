/**
 * Queued runs when things go wrong, with real processes: a worker killed mid-job, a coordinator
 * killed and resumed, a 429 storm, an auth error, Redis restarted mid-run; and the shared cache.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawnVitrans, until, type VitransChild } from '../cli/spawn-cli.js';
import { pseudoTranslate } from '../translate/fake-engine.js';
import { startEngineServer, type EngineServer } from './engine-server.js';
import { article, machine, output, STALL_FAST, startWorker, stopAll } from './helpers.js';
import { SKIP_REASON, startRedis, type RedisServer } from './redis-server.js';

const paragraphsOf = (text: string): string[] => text.trim().split('\n\n').map((p) => p.normalize('NFC'));
const translate = (dir: string, queue: string, engineUrl: string, extra: string[] = []): VitransChild =>
  spawnVitrans(['translate', 'article.vi.txt', '-e', 'libretranslate', '--queue', queue, '--batch-paragraphs', '2', ...extra], { cwd: dir, env: { LIBRETRANSLATE_URL: engineUrl } });
const runIdOf = (stderr: string): string => /run (\d{8}-\d{6}-[0-9a-f]{6})/.exec(stderr)![1]!;

describe.skipIf(SKIP_REASON)('queued runs under failure', () => {
  let redis: RedisServer | undefined;
  let engine: EngineServer | undefined;
  let children: VitransChild[] = [];
  afterEach(async () => {
    await stopAll(children);
    children = [];
    await engine?.close();
    await redis?.stop();
  });

  it('a worker killed mid-job (kill -9): another takes the job after the stall interval; nothing stored is sent again', async () => {
    redis = await startRedis();
    // The second request is never answered: its worker dies waiting.
    engine = await startEngineServer({ delayMs: 20, hold: (i) => i === 1 });
    const text = article(6);
    const dir = machine(text);
    const a = startWorker(machine(), redis.url, engine.url, ['--concurrency', '1'], STALL_FAST);
    children.push(a);
    const run = translate(dir, redis.url, engine.url);
    children.push(run);
    await until(() => engine!.requests.length >= 2, 30_000, 'the held request');
    a.child.kill('SIGKILL');
    children.push(startWorker(machine(), redis.url, engine.url, [], STALL_FAST));
    const done = await run.done;
    expect(done.code).toBe(0);
    const sources = paragraphsOf(text);
    expect(output(dir).trim().split('\n\n')).toEqual(sources.map(pseudoTranslate));
    const counts = engine.counts();
    const held = engine.requests[1]!.texts;
    for (const t of sources) expect(counts.get(t)).toBe(held.includes(t) ? 2 : 1);
  }, 60_000);

  it('a worker stopped past the stall interval (SIGSTOP) sends nothing more for the job another worker took over', async () => {
    redis = await startRedis();
    // The first request meets a 503 with Retry-After: its worker sleeps, and is frozen meanwhile.
    engine = await startEngineServer({ delayMs: 20, refuse: (i) => (i === 0 ? { status: 503, retryAfterS: 2 } : undefined) });
    const text = article(2);
    const dir = machine(text);
    const a = startWorker(machine(), redis.url, engine.url, ['--concurrency', '1'], STALL_FAST);
    children.push(a);
    const run = translate(dir, redis.url, engine.url);
    children.push(run);
    await until(() => engine!.requests.length >= 1, 30_000, 'the refused request');
    a.child.kill('SIGSTOP');
    // The lock lapses after 1 s; the second worker takes the job up and translates it.
    children.push(startWorker(machine(), redis.url, engine.url, [], STALL_FAST));
    const done = await run.done;
    expect(done.code).toBe(0);
    expect(output(dir).trim().split('\n\n')).toEqual(paragraphsOf(text).map(pseudoTranslate));
    a.child.kill('SIGCONT');
    // Woken, the first worker's retry is due at once; it finds its lock gone and sends nothing.
    await until(() => /went to another worker/.test(a.output().stderr) || engine!.requests.length > 2, 30_000, 'the first worker to wake');
    await new Promise((r) => setTimeout(r, 300));
    expect(engine.requests.map((r) => r.status)).toEqual([503, 200]);
    expect(a.output().stderr).toMatch(/batch \S+ went to another worker \(this one did not renew its lock within VITRANS_QUEUE_STALL_MS\); it sends nothing more for it/);
  }, 60_000);

  it('a coordinator killed mid-run loses nothing: --resume collects what the workers finished, nothing is sent twice', async () => {
    redis = await startRedis();
    engine = await startEngineServer({ delayMs: 150 });
    const text = article(12);
    const dir = machine(text);
    children.push(startWorker(machine(), redis.url, engine.url, ['--concurrency', '1']));
    const first = translate(dir, redis.url, engine.url);
    await until(() => engine!.requests.length >= 1 && /run \d/.test(first.output().stderr), 30_000, 'the run to start');
    const id = runIdOf(first.output().stderr);
    first.child.kill('SIGKILL');
    await first.done;
    const status = await spawnVitrans(['status', '--queue', redis.url, id], { cwd: dir }).done;
    expect(status.stdout).toMatch(new RegExp(`^run ${id}: \\d+ of 12 paragraphs done \\(0 cached\\), \\d+ in flight, 0 failed; 0 characters billed; `));
    const resumed = await translate(dir, redis.url, engine.url, ['--resume', id]).done;
    expect(resumed.code).toBe(0);
    expect(output(dir).trim().split('\n\n')).toEqual(paragraphsOf(text).map(pseudoTranslate));
    expect([...engine.counts().values()].every((n) => n === 1)).toBe(true);
    expect(engine.requests).toHaveLength(6);
    const after = await spawnVitrans(['status', '--queue', redis.url, id], { cwd: dir }).done;
    expect(after.stdout).toBe(`run ${id}: 12 of 12 paragraphs done (0 cached), 0 in flight, 0 failed; 0 characters billed; finished\n`);
  }, 60_000);

  it('--detach prints the run id and returns before any batch is done; --resume writes the outputs', async () => {
    redis = await startRedis();
    engine = await startEngineServer({ delayMs: 20 });
    const text = article(8);
    const dir = machine(text);
    const detached = await translate(dir, redis.url, engine.url, ['--detach']).done;
    expect(detached.code).toBe(0);
    const id = detached.stdout.trim();
    expect(id).toMatch(/^\d{8}-\d{6}-[0-9a-f]{6}$/);
    expect(detached.stderr).toContain(`collect the outputs with: vitrans translate article.vi.txt -e libretranslate --queue ${redis.url} --resume ${id}`);
    expect(engine.requests).toEqual([]);
    children.push(startWorker(machine(), redis.url, engine.url));
    const resumed = await translate(dir, redis.url, engine.url, ['--resume', id]).done;
    expect(resumed.code).toBe(0);
    expect(output(dir).trim().split('\n\n')).toEqual(paragraphsOf(text).map(pseudoTranslate));
    // Other inputs make other batches: a resume with them is refused in one line.
    const other = machine(article(9));
    const refused = await translate(other, redis.url, engine.url, ['--resume', id]).done;
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`run ${id} was started for other inputs or settings`);
  }, 60_000);

  it('a 429 storm makes every worker back off for the Retry-After, and each paragraph is translated once', async () => {
    redis = await startRedis();
    engine = await startEngineServer({ delayMs: 30, refuse: (i) => (i >= 2 && i <= 4 ? { status: 429, retryAfterS: 1 } : undefined) });
    const text = article(16);
    const dir = machine(text);
    children.push(startWorker(machine(), redis.url, engine.url, ['--concurrency', '2']), startWorker(machine(), redis.url, engine.url, ['--concurrency', '2']));
    const done = await translate(dir, redis.url, engine.url).done;
    expect(done.code).toBe(0);
    expect(output(dir).trim().split('\n\n')).toEqual(paragraphsOf(text).map(pseudoTranslate));
    // After each 429, no worker sends anything until its Retry-After has passed (requests that
    // were already on their way when it was answered arrive within a few milliseconds).
    const refused = engine.requests.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const r of refused) expect(engine.requests.filter((n) => n.at > r.at + 100 && n.at < r.at + 990)).toEqual([]);
    const answered = new Map<string, number>();
    for (const r of engine.requests.filter((x) => x.status === 200)) for (const t of r.texts) answered.set(t, (answered.get(t) ?? 0) + 1);
    expect([...answered.values()].every((n) => n === 1)).toBe(true);
    expect(answered.size).toBe(16);
    expect(children.map((c) => c.output().stderr).join('')).toMatch(/libretranslate answered 429: every worker pauses it for 1000 ms/);
  }, 60_000);

  it('an auth error stops the run for every worker, and the coordinator says so in one line (exit 2)', async () => {
    redis = await startRedis();
    engine = await startEngineServer({ refuse: () => ({ status: 403 }) });
    const dir = machine(article(8));
    children.push(startWorker(machine(), redis.url, engine.url, ['--concurrency', '1']), startWorker(machine(), redis.url, engine.url, ['--concurrency', '1']));
    const done = await translate(dir, redis.url, engine.url).done;
    expect(done.code).toBe(2);
    const errors = done.stderr.split('\n').filter((l) => /error|refused|denied|key/i.test(l));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^vitrans: .*libretranslate|LibreTranslate/);
    // Every batch was tried at most once: the run stopped at the first refusal of each worker.
    expect(engine.requests.length).toBeLessThanOrEqual(2);
  }, 60_000);

  it('the shared cache: a second run on another machine, with a worker whose own SQLite cache is empty, sends nothing', async () => {
    redis = await startRedis();
    engine = await startEngineServer({ delayMs: 10 });
    const text = article(10);
    const shared = ['--cache', redis.url];
    const first = machine(text);
    const w1 = startWorker(machine(), redis.url, engine.url, shared);
    children.push(w1);
    expect((await translate(first, redis.url, engine.url).done).code).toBe(0);
    const sent = engine.requests.length;
    expect(sent).toBe(5);
    await stopAll([w1]);
    const second = machine(text);
    children.push(startWorker(machine(), redis.url, engine.url, shared));
    const again = await translate(second, redis.url, engine.url).done;
    expect(again.code).toBe(0);
    expect(engine.requests).toHaveLength(sent);
    expect(output(second)).toBe(output(first));
    expect(again.stdout).toMatch(/10 paragraphs \(10 cached\)/);
  }, 60_000);

  it('Redis restarted mid-run (empty): the coordinator and workers say so in one line each, and the run completes', async () => {
    redis = await startRedis();
    engine = await startEngineServer({ delayMs: 200 });
    const text = article(16);
    const dir = machine(text);
    const w = startWorker(machine(), redis.url, engine.url, ['--concurrency', '1']);
    children.push(w);
    const run = translate(dir, redis.url, engine.url);
    children.push(run);
    await until(() => engine!.requests.length >= 3, 30_000, 'three requests');
    await redis.restart();
    const done = await run.done;
    expect(done.code).toBe(0);
    expect(output(dir).trim().split('\n\n')).toEqual(paragraphsOf(text).map(pseudoTranslate));
    expect(done.stderr.match(/lost Redis at redis:\/\/127\.0\.0\.1:\d+ \(/g)).toHaveLength(1);
    expect(done.stderr).toMatch(/Redis at redis:\/\/127\.0\.0\.1:\d+ is back/);
    expect(done.stderr).toMatch(/no longer holds run .* enqueueing its unfinished batches again/);
    // The worker's own cache kept what it had translated: nothing answered is paid for twice.
    const answered = new Map<string, number>();
    for (const r of engine.requests) for (const t of r.texts) answered.set(t, (answered.get(t) ?? 0) + 1);
    expect([...answered.values()].filter((n) => n > 1).length).toBeLessThanOrEqual(2);
  }, 90_000);
});
