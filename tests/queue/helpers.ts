/** Articles, folders and processes the queue tests share. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnVitrans, type VitransChild } from '../cli/spawn-cli.js';

/** `n` distinct paragraphs of a Vietnamese news article (some NFD, some with the old tone placement). */
export function article(n: number, tag = ''): string {
  const paragraphs: string[] = [];
  for (let i = 1; i <= n; i++) {
    const base =
      i % 3 === 0
        ? `Theo Bộ Công Thương, kim ngạch xuất khẩu gạo tháng ${(i % 12) + 1} đạt ${i * 7} nghìn tấn, tăng ${i % 9}% so với cùng kỳ${tag}.`
        : i % 3 === 1
          ? `Hai bên đã ký thoả thuận hoà giải thương mại số ${i}/2024 tại Hà Nội vào ngày ${(i % 28) + 1} tháng 4${tag}.`
          : `Ủy ban nhân dân thành phố cho biết dự án thứ ${i} sẽ được khởi công trong quý ${(i % 4) + 1} năm nay${tag}.`;
    paragraphs.push(i % 5 === 0 ? base.normalize('NFD') : base);
  }
  return paragraphs.join('\n\n') + '\n';
}

/** A fresh folder ("a machine") holding `article.vi.txt`. */
export function machine(text?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'vitrans-queue-'));
  if (text !== undefined) writeFileSync(join(dir, 'article.vi.txt'), text);
  return dir;
}

/**
 * A worker process on `dir` (its own SQLite cache there unless `--cache` says otherwise). Its
 * job locks hold 5 s without renewal: long enough that a worker starved of CPU by a loaded
 * machine keeps its job; a test of takeover after a stall passes `STALL_FAST`.
 */
export function startWorker(dir: string, queue: string, engineUrl: string, extra: string[] = [], env: Record<string, string> = {}): VitransChild {
  return spawnVitrans(['worker', '--queue', queue, '-e', 'libretranslate', ...extra], {
    cwd: dir,
    env: { LIBRETRANSLATE_URL: engineUrl, VITRANS_QUEUE_STALL_MS: '5000', VITRANS_CACHE_LEASE_MS: '5000', ...env },
  });
}

/** The environment of a worker whose jobs are taken over 1 s after it stops renewing their locks. */
export const STALL_FAST = { VITRANS_QUEUE_STALL_MS: '1000', VITRANS_CACHE_LEASE_MS: '1000' };

/** Stops workers with SIGTERM and waits for them. */
export async function stopAll(children: VitransChild[]): Promise<void> {
  for (const c of children) if (c.child.exitCode === null) c.child.kill('SIGTERM');
  await Promise.all(children.map((c) => c.done));
}

/** The English output of `dir`'s article for libretranslate. */
export function output(dir: string): string {
  return readFileSync(join(dir, 'out', 'article.vi.libretranslate.en.txt'), 'utf8');
}
