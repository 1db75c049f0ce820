/**
 * The findings every check gives on the shipped corpus, the test fixtures and a generated bench
 * corpus (plain and with numbers), in a stable form, so that a faster checker can be shown to
 * report exactly what it did before (tests/checks/findings-golden.test.ts against
 * tests/fixtures/findings-golden.json, written from the checker before the speed work of issue 8).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadGlossary } from '../../src/glossary/load.js';
import { discoverCorpus } from '../../src/text/corpus.js';
import { checkTranslation, createCheckRun, createCheckTools, prepareSource, type CheckTools } from '../../src/checks/index.js';
import type { Finding } from '../../src/core/types.js';
import { glossaryOf, makeAlignedCorpus, makeGlossary, mulberry32, syllableList, withQuantities } from '../../bench/lib/generate.js';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Corpora of real articles checked with the shipped glossary, each as one run (consistency across its articles). */
export const CORPORA = ['corpus', 'tests/fixtures/corpus/qa', 'tests/fixtures/corpus/precision', 'tests/fixtures/corpus/flawed', 'tests/fixtures/numbers'];

/**
 * A finding as compared: everything it says, positions as offsets and line:column. `related`
 * places came after the golden file was recorded; they repeat a place the message already names.
 */
function stable({ related: _related, ...f }: Finding): unknown {
  return {
    ...f,
    span: f.span && [f.span.start.offset, f.span.end.offset, f.span.start.line, f.span.start.column],
    ...(f.source ? { source: { ...f.source, span: f.source.span && [f.source.span.start.offset, f.source.span.end.offset] } } : {}),
  };
}

/** A path as the checker is given it: relative to the repository, so messages naming files read the same in any clone. */
const rel = (file: string): string => relative(ROOT, file).split('\\').join('/');

async function corpusFindings(dir: string, tools: CheckTools): Promise<unknown[]> {
  const run = createCheckRun();
  const out: unknown[] = [];
  for (const article of await discoverCorpus(join(ROOT, dir))) {
    const source = prepareSource({ file: rel(article.source), text: readFileSync(article.source, 'utf8') }, tools);
    for (const translation of article.translations) {
      const result = checkTranslation(source, { file: rel(translation), text: readFileSync(translation, 'utf8') }, tools, run);
      for (const f of result.findings) out.push(stable(f));
      for (const o of result.outcomes) out.push(o);
    }
  }
  return out;
}

/** The bench's generated corpus (seeded), about `bytes`, plain and with a quantity every ~25 words, every check on. */
function generatedFindings(bytes: number): { plain: unknown[]; numbered: unknown[] } {
  const random = mulberry32(20240410);
  const syllables = syllableList();
  const entries = makeGlossary(300, syllables, random);
  const tools = createCheckTools(glossaryOf(entries));
  const plain = makeAlignedCorpus(bytes, syllables, entries, random);
  const numbered = withQuantities(plain, random);
  const check = (c: { source: string; target: string }): unknown[] =>
    checkTranslation(prepareSource({ file: 'source.vi.txt', text: c.source }, tools), { file: 'target.en.txt', text: c.target }, tools).findings.map(stable);
  return { plain: check(plain), numbered: check(numbered) };
}

/** What the golden file holds: real corpora in full; generated ones as a count and a digest (they are large). */
export interface FindingsGolden {
  corpora: Record<string, unknown[]>;
  generated: Record<string, { count: number; sha256: string; first: unknown[] }>;
}

export const GENERATED_BYTES = 400_000;

export async function collectFindings(): Promise<FindingsGolden> {
  const tools = createCheckTools(await loadGlossary(join(ROOT, 'glossary.yaml')));
  const corpora: Record<string, unknown[]> = {};
  for (const dir of CORPORA) corpora[dir] = await corpusFindings(dir, tools);
  const generated: FindingsGolden['generated'] = {};
  for (const [name, findings] of Object.entries(generatedFindings(GENERATED_BYTES))) {
    const json = JSON.stringify(findings);
    generated[name] = { count: findings.length, sha256: createHash('sha256').update(json).digest('hex'), first: findings.slice(0, 40) };
  }
  return { corpora, generated };
}
