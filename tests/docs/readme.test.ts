import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseGlossary } from '../../src/glossary/load.js';
import { runGlossarySelfTests } from '../../src/glossary/selftest.js';
import { parseConfig } from '../../src/config/load.js';

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

  it('shows a config file that the config loader accepts', () => {
    const yaml = blocks.find((b) => b.lang === 'yaml' && b.body.startsWith('engines:'))!;
    const config = parseConfig(yaml.body, resolve(ROOT, 'vitrans.config.yaml'));
    expect(Object.keys(config.engines).sort()).toEqual(['deepl', 'google', 'openai']);
    expect(config.prices).toEqual({ deepl: 25, google: 20 });
  });
});
