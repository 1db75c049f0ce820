import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseGlossary } from '../../src/glossary/load.js';
import { runGlossarySelfTests } from '../../src/glossary/selftest.js';
import { TOP_KEYS, parseConfig } from '../../src/config/load.js';
import { findInlineSuppressions } from '../../src/checks/inline-suppressions.js';
import { allChecks } from '../../src/checks/registry.js';
import { runVitrans } from '../cli/run-cli.js';

const ROOT = resolve(import.meta.dirname, '../..');
const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map(([, lang, body]) => ({ lang: lang!, body: body! }));

describe('README', () => {
  it('opens with exactly two commands: one runs the main job, one the tests', () => {
    const first = blocks[0]!;
    const commands = first.body.trim().split('\n').map((l) => l.replace(/\s+#.*$/, '').trim());
    expect(commands).toEqual(['npm ci && npm run vitrans -- check corpus', 'npm ci && npm test']);
    const scripts = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')).scripts;
    expect(scripts.vitrans).toBe('tsx src/cli/main.ts');
    expect(scripts.test).toMatch(/typecheck.*lint.*vitest run/);
  });

  it('shows a glossary entry that loads and passes its own self-tests', () => {
    const yaml = blocks.find((b) => b.lang === 'yaml' && b.body.startsWith('version: 1'))!;
    const glossary = parseGlossary(yaml.body, 'README.md');
    expect(glossary.entries).toHaveLength(1);
    const results = runGlossarySelfTests(glossary);
    expect(results.length).toBeGreaterThanOrEqual(4);
    expect(results.filter((r) => !r.passed)).toEqual([]);
  });

  it('shows an engines config that the config loader accepts', () => {
    const yaml = blocks.find((b) => b.lang === 'yaml' && b.body.startsWith('engines:'))!;
    const config = parseConfig(yaml.body, resolve(ROOT, 'vitrans.config.yaml'));
    expect(Object.keys(config.engines).sort()).toEqual(['deepl', 'google', 'openai']);
    expect(config.prices).toEqual({ deepl: 25, google: 20 });
  });

  it('shows the config file with every key, which loads, and what `vitrans config` prints for it', async () => {
    const yaml = blocks.find((b) => b.lang === 'yaml' && b.body.startsWith('# vitrans.config.yaml: every key'))!;
    const written = [...yaml.body.matchAll(/^([a-z_]+):/gm)].map((m) => m[1]);
    expect(written).toEqual(TOP_KEYS);
    const config = parseConfig(yaml.body, resolve(ROOT, 'vitrans.config.yaml'));
    expect(config.suppressions).toHaveLength(3);
    expect([config.glossary, config.baseline, config.format, config.failOn, config.encodings, config.concurrency, config.cache].every((v) => v !== undefined)).toBe(true);
    expect(Object.keys(config.checks!)).toEqual(['term-forbidden', 'term-missing', 'untranslated']);

    const dir = mkdtempSync(join(tmpdir(), 'vitrans-readme-'));
    try {
      writeFileSync(join(dir, 'vitrans.config.yaml'), yaml.body);
      const r = await runVitrans(['config'], { cwd: dir, env: { DEEPL_AUTH_KEY: 'readme-key-1234567890:fx' } });
      const sample = blocks.find((b) => b.lang === 'text' && b.body.startsWith('$ DEEPL_AUTH_KEY=... vitrans config'))!;
      const shown = sample.body.trimEnd().split('\n').slice(1).filter((l) => l !== '...');
      expect(shown.length).toBeGreaterThan(8);
      for (const line of shown) expect(r.stdout.split('\n')).toContain(line);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('shows a glossary entry with overrides that loads and passes its self-tests', () => {
    const yaml = blocks.find((b) => b.lang === 'yaml' && b.body.startsWith('# glossary.yaml: an entry with'))!;
    const glossary = parseGlossary(yaml.body, 'README.md');
    expect(glossary.entries[0]).toMatchObject({ severity: 'error', forbidden: [{ allowedIn: [{ pattern: 'known as … until' }, { pattern: 'formerly …' }] }] });
    expect(runGlossarySelfTests(glossary).map((t) => t.passed)).toEqual([true, true]);
  });

  it('shows suppression directives that the checker reads, each valid', () => {
    const md = blocks.find((b) => b.lang === 'markdown' && b.body.includes('vitrans-disable-next-paragraph'))!;
    const found = findInlineSuppressions(md.body, allChecks().map((c) => c.meta.id));
    expect(found.map((f) => f.directive)).toEqual(['disable-next-paragraph', 'disable-line', 'disable-next-line']);
    expect(found.filter((f) => f.problem)).toEqual([]);
  });

  it('shows compact output that is what vitrans check prints', async () => {
    const sample = blocks.find((b) => b.lang === 'text' && b.body.startsWith('$ vitrans check --format compact'))!;
    const [command, ...lines] = sample.body.trimEnd().split('\n');
    const r = await runVitrans(command!.replace(/^\$ vitrans /, '').split(' '), { cwd: ROOT });
    for (const line of lines.filter((l) => l !== '...')) expect(r.stdout.split('\n')).toContain(line);
  });
});

describe('README: the input examples are what vitrans prints', () => {
  const example = (command: string): string[] => {
    const block = blocks.find((b) => b.lang === 'text' && b.body.startsWith(`$ ${command}`));
    expect(block, command).toBeDefined();
    return block!.body.trimEnd().split('\n').slice(1);
  };

  it('vitrans clean on the seed', async () => {
    const { runVitrans } = await import('../cli/run-cli.js');
    const out = mkdtempSync(join(tmpdir(), 'vitrans-readme-'));
    try {
      const r = await runVitrans(['clean', 'tests/text/fixtures/seed-000.txt', '-o', join(out, 'article.vi.txt')], { cwd: ROOT });
      expect(r.stdout.trimEnd().split('\n')).toEqual(example('vitrans clean tests/text/fixtures/seed-000.txt -o article.vi.txt'));
      expect(readFileSync(join(out, 'article.vi.txt'), 'utf8')).toBe(readFileSync(resolve(ROOT, 'corpus/japan-us-defense-industry/source.vi.txt'), 'utf8'));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('a Windows-1258 source read as TCVN3', async () => {
    const { runVitrans } = await import('../cli/run-cli.js');
    const dir = mkdtempSync(join(tmpdir(), 'vitrans-readme-'));
    try {
      copyFileSync(resolve(ROOT, 'tests/fixtures/corpus/encodings/windows-1258.txt'), join(dir, 'cu.vi.txt'));
      writeFileSync(join(dir, 'cu.en.txt'), 'Making the Most of Japan-U.S. Defense Industrial Cooperation\n\nOn XNUMX 25, the White House announced.\n');
      const r = await runVitrans(['check', 'cu.vi.txt', 'cu.en.txt', '--source-encoding', 'tcvn', '-g', resolve(ROOT, 'glossary.yaml')], { cwd: dir });
      expect(r.stderr.trimEnd().split('\n')).toEqual(example('vitrans check cu.vi.txt cu.en.txt --source-encoding tcvn'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
