/**
 * `vitrans export tmx [BILINGUAL.json...] [--cache [FILE]]`: the translations of runs, or of the
 * whole cache, as a TMX 1.4b translation memory for CAT tools, written atomically and streamed.
 */
import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, UsageError } from '../../core/errors.js';
import { readBilingual, type BilingualDocument } from '../../formats/bilingual.js';
import { cacheUnits, runUnits, unwritableReason, writeTmx, type TmxUnitToWrite } from '../../formats/tmx.js';
import { DEFAULT_CACHE_PATH } from '../../store/types.js';
import type { RedisTranslationCache } from '../../store/redis.js';
import { isRedisUrl } from '../../core/redis-url.js';
import { redisCacheFor } from '../redis.js';
import { loadConfig } from '../../config/load.js';
import { readError } from '../../text/read.js';
import { shownPath } from '../format-error.js';
import { VERSION } from '../version.js';
import { asWriteFailure, assertNotAnInput } from '../write-file.js';
import type { CliIO } from '../io.js';

/** Options of `vitrans export tmx`, as commander parses them. */
export interface ExportTmxOptions {
  /** `true` for the default cache file, a path, or absent. */
  cache?: boolean | string;
  /** The config file (`-c/--config`): its `cache:` is the cache `--cache` alone exports. */
  config?: string;
  engine?: string;
  output?: string;
}

/** Runs `vitrans export tmx`. */
export async function exportTmxCommand(files: string[], opts: ExportTmxOptions, io: CliIO): Promise<number> {
  const abs = (p: string) => resolve(io.cwd, p);
  const shown = (p: string) => shownPath(abs(p), io.cwd);
  if (files.length === 0 && opts.cache === undefined) {
    throw new UsageError('nothing to export: give the bilingual JSON files of runs, or --cache', { hint: 'vitrans export tmx out/article.bilingual.json -o article.tmx, or vitrans export tmx --cache -o memory.tmx' });
  }
  if (files.length > 0 && opts.cache !== undefined) throw new UsageError('give bilingual JSON files or --cache, not both');
  const engines = opts.engine?.split(',').map((e) => e.trim()).filter((e) => e !== '');
  // `--cache` alone is the cache translate uses: the config's `cache:`, else the default.
  const configured = opts.cache === true ? (await loadConfig({ path: opts.config, cwd: io.cwd, env: io.env })).cache : undefined;
  const cacheSetting = opts.cache === undefined || opts.cache === false ? undefined : opts.cache === true ? (configured ?? DEFAULT_CACHE_PATH) : opts.cache;
  // A shared Redis cache is copied into a private SQLite file first, which then exports as any cache file does.
  const redisCopy = cacheSetting !== undefined && isRedisUrl(cacheSetting) ? await copyRedisCache(cacheSetting, opts.cache === true ? 'cache: in the config' : '--cache', io) : undefined;
  const cachePath = redisCopy?.path ?? (cacheSetting === undefined ? undefined : abs(cacheSetting));
  if (opts.output) assertNotAnInput(abs(opts.output), [...files.map(abs), ...(cachePath ? [cachePath] : [])]);

  let skippedWithoutSource = 0;
  let close = (): void => {};
  let units: Iterable<TmxUnitToWrite>;
  if (cachePath) {
    if (!existsSync(cachePath)) throw new InputError('no translation cache here', { location: { file: shown(cachePath) }, hint: 'pass the cache file with --cache FILE (the config file names it under cache:)' });
    const { openTranslationCache } = await import('../../store/sqlite.js');
    const cache = openTranslationCache(cachePath);
    close = () => cache.close();
    const listed = cache.exportable();
    skippedWithoutSource = listed.withoutOrigin;
    units = cacheUnits(listed.entries, engines);
  } else {
    const runs: Iterable<TmxUnitToWrite>[] = [];
    for (const f of files) {
      let text: string;
      let mtime: Date;
      try {
        [text, mtime] = [await readFile(abs(f), 'utf8'), (await stat(abs(f))).mtime];
      } catch (err) {
        throw readError(err, shown(f));
      }
      readBilingual(text, shown(f)); // the shape checks and their messages
      runs.push(runUnits(JSON.parse(text) as BilingualDocument, { ...(engines ? { engines } : {}), fallbackDate: mtime }));
    }
    units = (function* () {
      for (const r of runs) yield* r;
    })();
  }

  let unwritable = 0;
  let firstUnwritable: string | undefined;
  const writable = (function* () {
    for (const u of units) {
      const reason = unwritableReason(u);
      if (reason === undefined) yield u;
      else {
        unwritable++;
        firstUnwritable ??= `${u.id ?? u.source.text.slice(0, 40)}: ${reason}`;
      }
    }
  })();
  const header = { srcLang: 'vi', creationTool: 'vitrans', creationToolVersion: VERSION, segType: 'paragraph' as const, created: new Date() };

  let written: number;
  try {
    written = opts.output ? await writeTmxFile(abs(opts.output), header, writable) : writeToStdout(header, writable, io);
  } finally {
    close();
    await redisCopy?.remove();
  }
  if (skippedWithoutSource > 0) io.stderr.write(`vitrans: note: ${skippedWithoutSource} cached translation${skippedWithoutSource === 1 ? ' was' : 's were'} stored before vitrans kept their source text; not exported (translate those articles again to include them)\n`);
  if (unwritable > 0) io.stderr.write(`vitrans: warning: ${unwritable} translation${unwritable === 1 ? '' : 's'} not exported: ${firstUnwritable}\n`);
  io.stderr.write(`vitrans: exported ${written} translation unit${written === 1 ? '' : 's'}${opts.output ? ` to ${shown(opts.output)}` : ''}\n`);
  return 0;
}

/**
 * The entries of the Redis cache at `url`, copied in batches into a SQLite cache file in a private
 * temporary folder (memory stays bounded by a batch); `remove` deletes it.
 */
async function copyRedisCache(url: string, what: string, io: CliIO): Promise<{ path: string; remove: () => Promise<void> }> {
  const opened = await redisCacheFor(url, io, what);
  const folder = await mkdtemp(join(tmpdir(), 'vitrans-export-'));
  const remove = () => rm(folder, { recursive: true, force: true });
  const path = join(folder, 'copy.sqlite');
  try {
    const { openTranslationCache } = await import('../../store/sqlite.js');
    const copy = openTranslationCache(path);
    try {
      for await (const batch of (opened!.cache as RedisTranslationCache).storedEntries()) await copy.putMany(batch);
    } finally {
      copy.close();
    }
    return { path, remove };
  } catch (err) {
    await remove();
    throw err;
  } finally {
    opened!.cache.close();
  }
}

function writeToStdout(header: Parameters<typeof writeTmx>[0], units: Iterable<TmxUnitToWrite>, io: CliIO): number {
  let out = '';
  const n = writeTmx(header, units, (chunk) => (out += chunk));
  io.stdout.write(out + '\n');
  return n;
}

/**
 * Writes the TMX to a temporary file beside `path` as it is produced (synchronous writes of 64 KiB
 * chunks: memory stays bounded however large the cache), then renames it over `path`.
 */
async function writeTmxFile(path: string, header: Parameters<typeof writeTmx>[0], units: Iterable<TmxUnitToWrite>): Promise<number> {
  await mkdir(dirname(path), { recursive: true }).catch((err: unknown) => Promise.reject(asWriteFailure(err, path)));
  const temp = join(dirname(path), `.${basename(path)}.${Date.now()}.tmp`);
  let fd: number;
  try {
    fd = openSync(temp, 'w');
  } catch (err) {
    throw asWriteFailure(err, path);
  }
  try {
    let pending = '';
    const n = writeTmx(header, units, (chunk) => {
      pending += chunk;
      if (pending.length > 1 << 16) {
        writeSync(fd, pending);
        pending = '';
      }
    });
    writeSync(fd, pending + '\n');
    closeSync(fd);
    await rename(temp, path);
    return n;
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    await rm(temp, { force: true });
    throw asWriteFailure(err, path);
  }
}
