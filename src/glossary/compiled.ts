/**
 * Compiled glossaries: a validated glossary with both matchers built, kept in memory per Glossary
 * object and, when a cache folder is given, on disk keyed by what it was compiled from, so that a
 * big glossary is parsed, validated and compiled once rather than on every run.
 *
 * The key is a SHA-256 over the glossary file's bytes, the path it was given as (locations name
 * it), and the code that compiles it (every source file of glossary/ and text/, the versions of
 * the two YAML parsers): a changed glossary, a moved one or an upgraded vitrans
 * never gets an old compilation. A cache file that cannot be read, fails its checksum or holds
 * something else is ignored and replaced; one that cannot be written costs nothing but speed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { compileEnMatcher, enMatcherFromData, type EnMatcher, type EnMatcherData } from './en-matcher.js';
import { compileViMatcher, viMatcherFromData, type ViMatcher, type ViMatcherData } from './vi-matcher.js';
import type { Glossary } from './types.js';

/**
 * Where vitrans keeps the compiled glossaries of a project (the CLI's working directory, the
 * editor's workspace): beside the translation cache, in `.vitrans-cache/glossaries`, so that the
 * command line and the language server share them.
 */
export function glossaryCacheDir(root: string): string {
  return resolve(root, '.vitrans-cache', 'glossaries');
}

/** Both matchers of one glossary. */
export interface GlossaryMatchers {
  vi: ViMatcher;
  en: EnMatcher;
}

/** A glossary with its matchers' compiled tables: what the disk cache holds. */
export interface CompiledGlossary {
  glossary: Glossary;
  vi: ViMatcherData;
  en: EnMatcherData;
}

const matchers = new WeakMap<Glossary, GlossaryMatchers>();

/**
 * The matchers of a glossary, built on first use and then shared by everyone holding the same
 * Glossary object (a glossary read from the cache comes with them).
 * @example const { vi, en } = matchersFor(await loadGlossary('glossary.yaml'));
 */
export function matchersFor(glossary: Glossary): GlossaryMatchers {
  let m = matchers.get(glossary);
  if (!m) {
    m = { vi: viMatcherFromData(compileViMatcher(glossary.entries), glossary.entries), en: enMatcherFromData(compileEnMatcher(glossary.entries), glossary.entries) };
    matchers.set(glossary, m);
  }
  return m;
}

/** Compiles both matchers of a glossary (and remembers them for matchersFor). */
export function compileGlossary(glossary: Glossary): CompiledGlossary {
  const compiled = { glossary, vi: compileViMatcher(glossary.entries), en: compileEnMatcher(glossary.entries) };
  remember(compiled);
  return compiled;
}

function remember(c: CompiledGlossary): void {
  matchers.set(c.glossary, { vi: viMatcherFromData(c.vi, c.glossary.entries), en: enMatcherFromData(c.en, c.glossary.entries) });
}

/** Compilations loaded with the store deferred (see storeCompiledGlossary): where each goes. */
const pending = new WeakMap<Glossary, { dir: string; key: string; compiled: CompiledGlossary }>();

/**
 * Keeps a compilation to be stored later, when the run it serves goes ahead: a refused or dry run
 * writes nothing (see loadGlossary's `deferStore`).
 */
export function deferCompiledGlossary(dir: string, key: string, compiled: CompiledGlossary): void {
  pending.set(compiled.glossary, { dir, key, compiled });
}

/**
 * Stores the compilation of a glossary loaded with `deferStore` (once; nothing for any other
 * glossary, or one read from the cache). Never throws, as writeCompiledGlossary.
 * @example const g = await loadGlossary(path, { cacheDir, deferStore: true }); ...; await storeCompiledGlossary(g);
 */
export async function storeCompiledGlossary(glossary: Glossary | undefined): Promise<void> {
  const p = glossary && pending.get(glossary);
  if (!p) return;
  pending.delete(glossary);
  await writeCompiledGlossary(p.dir, p.key, p.compiled);
}

/** Bumped when the cache file layout changes. */
const FORMAT = 'vitrans-compiled-glossary/2';
/** Bytes of the length of the serialised matchers, after the digest. */
const LENGTH_BYTES = 4;
/** Compiled glossaries kept in one cache folder (the most recently used). */
const KEEP = 16;
const DIGEST_BYTES = 32;

/**
 * The cache file's name for a glossary: its key, from the file's bytes, the path as given and
 * the compiling code.
 */
export function compiledGlossaryKey(bytes: Uint8Array, file: string): string {
  return createHash('sha256').update(FORMAT).update('\0').update(codeIdentity()).update('\0').update(file).update('\0').update(bytes).digest('hex');
}

/**
 * The compiled glossary stored under `key` in `dir`, or undefined when there is none or it is
 * unreadable, corrupt or for another key.
 */
export async function readCompiledGlossary(dir: string, key: string): Promise<CompiledGlossary | undefined> {
  let data: Buffer;
  try {
    data = await readFile(join(dir, `${key}.bin`));
  } catch {
    return undefined;
  }
  if (data.length <= DIGEST_BYTES + LENGTH_BYTES) return undefined;
  const payload = data.subarray(DIGEST_BYTES);
  const digest = createHash('sha256').update(payload).digest();
  if (!digest.equals(data.subarray(0, DIGEST_BYTES))) return undefined;
  try {
    const matchersEnd = LENGTH_BYTES + payload.readUInt32LE(0);
    if (matchersEnd > payload.length) return undefined;
    const stored = deserialize(payload.subarray(LENGTH_BYTES, matchersEnd)) as Partial<StoredMatchers>;
    if (stored.format !== FORMAT || stored.key !== key) return undefined;
    const json = payload.toString('utf8', matchersEnd);
    const compiled = { glossary: JSON.parse(json) as Glossary, vi: stored.vi!, en: stored.en! };
    if (!isCompiled(compiled)) return undefined;
    remember(compiled);
    // Mark it used, so pruning keeps it.
    void touch(join(dir, `${key}.bin`));
    return compiled;
  } catch {
    return undefined;
  }
}

/**
 * Stores a compiled glossary under `key` in `dir` (written to a temporary file, then renamed, so a
 * reader never sees half a file), and prunes the folder to the most recently used. Never throws:
 * a cache that cannot be written only means the next run compiles again.
 */
export async function writeCompiledGlossary(dir: string, key: string, compiled: CompiledGlossary): Promise<void> {
  try {
    await mkdir(dir, { recursive: true });
    const stored: StoredMatchers = { format: FORMAT, key, vi: compiled.vi, en: compiled.en };
    const matchers = serialize(stored);
    // The glossary's JSON goes beside the serialised matchers, not into them: V8's serialiser
    // copied it into a buffer grown by doubling (100,000 entries: a peak of 1.05 GB, 0.87 GB without).
    const glossary = Buffer.from(JSON.stringify(compiled.glossary), 'utf8');
    const length = Buffer.alloc(LENGTH_BYTES);
    length.writeUInt32LE(matchers.length, 0);
    const digest = createHash('sha256').update(length).update(matchers).update(glossary).digest();
    const temp = join(dir, `.${key}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      // The digest and the payload as they are: a copy of a big glossary's payload into one buffer costs more than two writes.
      const file = await open(temp, 'w');
      try {
        const { bytesWritten } = await file.writev([digest, length, matchers, glossary]);
        // A short write (a full disk) leaves the temporary file unrenamed: the next run compiles again.
        if (bytesWritten !== digest.length + length.length + matchers.length + glossary.length) throw new Error('short write');
      } finally {
        await file.close();
      }
      await rename(temp, join(dir, `${key}.bin`));
    } finally {
      await rm(temp, { force: true });
    }
    await prune(dir);
  } catch {
    // Best effort: a read-only or full disk leaves the run as it was.
  }
}

/**
 * A cache file holds, after the SHA-256 of the rest: the length of the serialised matchers (4
 * bytes, little-endian), the matchers' typed arrays as V8 serialises them (raw bytes) with the
 * format and key, then the glossary as UTF-8 JSON (the fastest way back to ten thousand small
 * objects) to the end of the file.
 */
interface StoredMatchers {
  format: string;
  key: string;
  vi: ViMatcherData;
  en: EnMatcherData;
}

function isCompiled(c: unknown): c is CompiledGlossary {
  const x = c as Partial<CompiledGlossary> | undefined;
  return Boolean(x && x.glossary && Array.isArray(x.glossary.entries) && x.vi && x.vi.acceptStart && x.en && x.en.patternEntry);
}

async function touch(path: string): Promise<void> {
  try {
    const now = new Date();
    await utimes(path, now, now);
  } catch {
    // Not ours to fail on.
  }
}

/** Keeps the KEEP most recently used compiled glossaries, and drops temporary files older than an hour. */
async function prune(dir: string): Promise<void> {
  const names = await readdir(dir);
  const files = await Promise.all(
    names.map(async (name) => {
      try {
        return { name, mtime: (await stat(join(dir, name))).mtimeMs };
      } catch {
        return undefined;
      }
    }),
  );
  const now = Date.now();
  const compiled = files.filter((f): f is { name: string; mtime: number } => f !== undefined && f.name.endsWith('.bin')).sort((a, b) => b.mtime - a.mtime);
  const stale = [
    ...compiled.slice(KEEP),
    ...files.filter((f): f is { name: string; mtime: number } => f !== undefined && f.name.endsWith('.tmp') && now - f.mtime > 3_600_000),
  ];
  await Promise.all(stale.map((f) => rm(join(dir, f.name), { force: true })));
}

let identity: string | undefined;

/**
 * What the compiled result depends on besides the glossary: the source of every module under
 * glossary/ and text/ (as installed: .ts in a checkout, .js in a package), the YAML parsers'
 * versions, hashed once per process.
 */
function codeIdentity(): string {
  if (identity !== undefined) return identity;
  const hash = createHash('sha256');
  const here = fileURLToPath(new URL('.', import.meta.url));
  for (const dir of [here, join(here, '..', 'text')]) hashTree(hash, dir);
  // Both YAML parsers read glossaries (see ./yaml-tree.ts): a new version of either may read a file otherwise.
  for (const parser of ['yaml', 'js-yaml']) {
    let version = 'unknown';
    try {
      version = (createRequire(import.meta.url)(`${parser}/package.json`) as { version: string }).version;
    } catch {
      // Without it the source hash still changes with any change of ours.
    }
    hash.update(`${parser} ${version}\0`);
  }
  // V8's serialisation format reads older versions; a newer one fails to read and is replaced.
  identity = hash.digest('hex');
  return identity;
}

function hashTree(hash: ReturnType<typeof createHash>, dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(dir, name);
    try {
      if (statSync(path).isDirectory()) hashTree(hash, path);
      else if (/\.(?:[cm]?[jt]s)$/.test(name) && !name.endsWith('.d.ts')) hash.update(name).update(readFileSync(path));
    } catch {
      // A file that vanished while listing: it is not part of this code.
    }
  }
}
