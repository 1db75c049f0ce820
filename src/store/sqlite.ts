/**
 * The SQLite translation cache: one file (better-sqlite3, WAL). Results are written as each batch
 * arrives, so an interrupted run keeps what was paid for and a rerun sends only what is missing.
 * Claims on paragraphs in flight live in a `leases` table beside them, so runs in several
 * processes on one file share the work instead of paying for it twice.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';
import { UserError } from '../core/errors.js';
import type { TranslationWarning } from '../core/types.js';
import type { CachedJudgment, CachedTranslation, ExportableTranslation, JudgmentCache, LeaseOutcome, LeaseRequest, TranslationCache } from './types.js';

// The native SQLite binding is loaded when a cache is opened, not when this module is imported:
// `vitrans check` and library users who never translate do not pay for it.
const requireNative = createRequire(import.meta.url);

interface Row {
  target: string;
  billed_characters: number | null;
  masked: number;
  warnings: string;
  created_at: number;
}

/** The SQLite cache (translations and judge answers). Open it with `openTranslationCache`. */
export class SqliteTranslationCache implements TranslationCache, JudgmentCache {
  private readonly db: Database.Database;
  private readonly selectStmt: Database.Statement<[string], Row>;
  private readonly insertStmt: Database.Statement<[string, string, number | null, number, string, number, string | null, string | null, string | null, string | null, string | null]>;
  private readonly path: string;
  private readonly leaseOf: Database.Statement<[string], { owner: string; expires_at: number }>;
  private readonly setLease: Database.Statement<[string, string, number]>;
  private readonly renewLease: Database.Statement<[number, string, string]>;
  private readonly dropLease: Database.Statement<[string]>;
  private readonly dropOwnLease: Database.Statement<[string, string]>;
  private readonly selectJudgment: Database.Statement<[string], JudgmentRow>;
  private readonly insertJudgment: Database.Statement<[string, string, string | null, number, number]>;

  /** @internal use openTranslationCache */
  constructor(db: Database.Database, path: string) {
    this.db = db;
    this.path = path;
    this.selectStmt = db.prepare<[string], Row>(
      'SELECT target, billed_characters, masked, warnings, created_at FROM translations WHERE key = ?',
    );
    this.insertStmt = db.prepare(
      'INSERT OR REPLACE INTO translations (key, target, billed_characters, masked, warnings, created_at, source, engine, model, source_lang, target_lang) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.leaseOf = db.prepare('SELECT owner, expires_at FROM leases WHERE key = ?');
    this.setLease = db.prepare('INSERT OR REPLACE INTO leases (key, owner, expires_at) VALUES (?, ?, ?)');
    this.renewLease = db.prepare('UPDATE leases SET expires_at = ? WHERE key = ? AND owner = ?');
    this.dropLease = db.prepare('DELETE FROM leases WHERE key = ?');
    this.dropOwnLease = db.prepare('DELETE FROM leases WHERE key = ? AND owner = ?');
    this.selectJudgment = db.prepare<[string], JudgmentRow>('SELECT answer, refusal, json, created_at FROM judgments WHERE key = ?');
    this.insertJudgment = db.prepare('INSERT OR REPLACE INTO judgments (key, answer, refusal, json, created_at) VALUES (?, ?, ?, ?, ?)');
  }

  getJudgment(key: string): CachedJudgment | undefined {
    const row = guard(this.path, () => this.selectJudgment.get(key));
    if (!row) return undefined;
    return { answer: row.answer, ...(row.refusal !== null ? { refusal: row.refusal } : {}), json: row.json === 1, createdAt: row.created_at };
  }

  putJudgments(entries: readonly { key: string; value: CachedJudgment }[]): void {
    if (entries.length === 0) return;
    const write = this.db.transaction((list: readonly { key: string; value: CachedJudgment }[]) => {
      for (const { key, value: v } of list) this.insertJudgment.run(key, v.answer, v.refusal ?? null, v.json ? 1 : 0, v.createdAt);
    });
    guard(this.path, () => write(entries));
  }

  get(key: string): CachedTranslation | undefined {
    const row = guard(this.path, () => this.selectStmt.get(key));
    return row && fromRow(row);
  }

  async getMany(keys: readonly string[]): Promise<Map<string, CachedTranslation>> {
    const found = new Map<string, CachedTranslation>();
    for (const key of keys) {
      const value = this.get(key);
      if (value) found.set(key, value);
    }
    return found;
  }

  /** Written before it returns (the promise is already settled): a caller that does not await still finds the entries stored. */
  async putMany(entries: readonly { key: string; value: CachedTranslation }[]): Promise<void> {
    if (entries.length === 0) return;
    const write = this.db.transaction((list: readonly { key: string; value: CachedTranslation }[]) => {
      for (const { key, value: v } of list) {
        const o = v.origin;
        this.insertStmt.run(key, v.target, v.billedCharacters ?? null, v.masked ? 1 : 0, JSON.stringify(v.warnings), v.createdAt, o?.source ?? null, o?.engine ?? null, o?.model ?? null, o?.sourceLang ?? null, o?.targetLang ?? null);
        this.dropLease.run(key);
      }
    });
    guard(this.path, () => write(entries));
  }

  async claim(keys: readonly string[], lease: LeaseRequest): Promise<LeaseOutcome> {
    const now = lease.now ?? Date.now();
    // IMMEDIATE: the write lock is taken before reading, so two processes cannot both see a key free.
    const run = this.db.transaction((list: readonly string[]): LeaseOutcome => {
      const outcome: LeaseOutcome = { claimed: [], done: new Map(), busy: [] };
      for (const key of list) {
        const row = this.selectStmt.get(key);
        const held = row ? undefined : this.leaseOf.get(key);
        if (row) outcome.done.set(key, fromRow(row));
        else if (held && held.owner !== lease.owner && held.expires_at > now) outcome.busy.push({ key, owner: held.owner, expiresAt: held.expires_at });
        else {
          this.setLease.run(key, lease.owner, now + lease.ttlMs);
          outcome.claimed.push(key);
        }
      }
      return outcome;
    });
    return guard(this.path, () => run.immediate(keys));
  }

  async renew(keys: readonly string[], lease: LeaseRequest): Promise<string[]> {
    const expiresAt = (lease.now ?? Date.now()) + lease.ttlMs;
    const run = this.db.transaction((list: readonly string[]) => list.filter((key) => this.renewLease.run(expiresAt, key, lease.owner).changes > 0));
    return guard(this.path, () => run.immediate(keys));
  }

  async release(keys: readonly string[], owner: string): Promise<void> {
    if (keys.length === 0 || !this.db.open) return;
    const run = this.db.transaction((list: readonly string[]) => {
      for (const key of list) this.dropOwnLease.run(key, owner);
    });
    guard(this.path, () => run.immediate(keys));
  }

  exportable(): { entries: Iterable<ExportableTranslation>; withoutOrigin: number } {
    const without = guard(this.path, () => this.db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM translations WHERE source IS NULL').get()!.n);
    // One row per distinct translation, the newest; iterate() streams rows instead of loading them all.
    const rows = this.db.prepare<[], OriginRow>(
      `SELECT source, engine, model, source_lang, target_lang, target, MAX(created_at) AS created_at, warnings
       FROM translations WHERE source IS NOT NULL
       GROUP BY engine, model, source_lang, target_lang, source, target
       ORDER BY created_at DESC`,
    );
    const path = this.path;
    function* entries(): Generator<ExportableTranslation> {
      for (const r of guard(path, () => rows.iterate())) {
        yield { source: r.source, engine: r.engine, model: r.model, sourceLang: r.source_lang, targetLang: r.target_lang, target: r.target, createdAt: r.created_at, warnings: JSON.parse(r.warnings) as TranslationWarning[] };
      }
    }
    return { entries: entries(), withoutOrigin: without };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

interface JudgmentRow {
  answer: string;
  refusal: string | null;
  json: number;
  created_at: number;
}

interface OriginRow {
  source: string;
  engine: string;
  model: string;
  source_lang: string;
  target_lang: string;
  target: string;
  created_at: number;
  warnings: string;
}

/**
 * Schema migration, additive: the origin columns (source text, engine, model, languages) that let
 * the cache be exported as a translation memory. Cache files from before keep working; their
 * entries simply have no origin.
 */
function addOriginColumns(db: Database.Database): void {
  const have = new Set(db.prepare<[], { name: string }>('PRAGMA table_info(translations)').all().map((c) => c.name));
  for (const column of ['source', 'engine', 'model', 'source_lang', 'target_lang']) {
    if (!have.has(column)) db.exec(`ALTER TABLE translations ADD COLUMN ${column} TEXT`);
  }
}

/**
 * Opens (creating if needed) the cache at `path`, which must already be resolved by the caller.
 * @throws UserError `E_CACHE` when the file is not a usable SQLite database or stays locked.
 */
export function openTranslationCache(path: string, opts: { busyTimeoutMs?: number } = {}): SqliteTranslationCache {
  return guard(path, () => {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const SqliteDatabase = requireNative('better-sqlite3') as typeof Database;
    const db = new SqliteDatabase(path, { timeout: opts.busyTimeoutMs ?? 5000 });
    try {
      db.pragma('journal_mode = WAL');
      // With WAL, NORMAL still survives a crash of the process (only a power cut may lose the
      // last batches), and saves an fsync per batch.
      db.pragma('synchronous = NORMAL');
      // The schema is made and migrated under the write lock: two processes opening one new
      // cache at once each saw the origin columns missing and both added them ("duplicate column").
      db.transaction(() => createSchema(db)).immediate();
      return new SqliteTranslationCache(db, path);
    } catch (err) {
      db.close();
      throw err;
    }
  });
}

function createSchema(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS translations (
        key TEXT PRIMARY KEY,
        target TEXT NOT NULL,
        billed_characters INTEGER,
        masked INTEGER NOT NULL DEFAULT 0,
        warnings TEXT NOT NULL DEFAULT '[]',
        created_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS leases (
        key TEXT PRIMARY KEY,
        owner TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
      CREATE TABLE IF NOT EXISTS judgments (
        key TEXT PRIMARY KEY,
        answer TEXT NOT NULL,
        refusal TEXT,
        json INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
      )`);
  addOriginColumns(db);
}

function fromRow(row: Row): CachedTranslation {
  return {
    target: row.target,
    billedCharacters: row.billed_characters ?? undefined,
    masked: row.masked === 1,
    warnings: JSON.parse(row.warnings) as TranslationWarning[],
    createdAt: row.created_at,
  };
}

function guard<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw cacheError(path, err);
  }
}

function cacheError(path: string, err: unknown): unknown {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) {
    // The folder cannot be made or written: a file where a folder should be, no permission, read-only.
    if (typeof code === 'string' && ['EACCES', 'EPERM', 'ENOTDIR', 'EEXIST', 'EISDIR', 'EROFS'].includes(code)) {
      return new UserError('E_CACHE', `cannot create the translation cache: ${(err as Error).message}`, {
        location: { file: path },
        hint: 'pass another --cache path or --no-cache',
        cause: err,
      });
    }
    return err;
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return new UserError('E_CACHE', 'the translation cache is locked by another process', {
      location: { file: path },
      hint: 'wait for the other vitrans run to finish, or pass another --cache path',
      cause: err,
    });
  }
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
    return new UserError('E_CACHE', 'the translation cache is not a valid SQLite database (corrupt?)', {
      location: { file: path },
      hint: 'delete the file to start a fresh cache, or pass --no-cache',
      cause: err,
    });
  }
  return new UserError('E_CACHE', `the translation cache failed: ${(err as Error).message}`, {
    location: { file: path },
    hint: 'pass another --cache path or --no-cache',
    cause: err,
  });
}
