import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runVitrans } from './run-cli.js';
import { SOURCE, TRANSLATION, COAST_GUARD_GLOSSARY } from '../checks/suppression-fixtures.js';

const DEEPL_KEY = '9b4c2e7a-1d3f-4a5b-8c6d-0e1f2a3b4c5d:fx';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-config-cli-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);

describe('vitrans config', () => {
  it('prints every value in effect with where it comes from, secrets only as set', async () => {
    write('vitrans.config.yaml', ['glossary: terms/quoc-phong.yaml', 'checks:', '  term-missing: warning', 'engines:', '  deepl:', '    target: en-GB', `    auth_key: "${DEEPL_KEY}"`, 'concurrency: 2', ''].join('\n'));
    const r = await runVitrans(['config', '--set', 'openai.model=qwen2.5:14b'], { cwd: dir, env: { OPENAI_BASE_URL: 'http://localhost:11434/v1' } });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Configuration from vitrans.config.yaml (flags > environment > file > default)');
    const row = (key: string) => lines.find((l) => l.startsWith(`${key} `))!.split(/\s{2,}/);
    expect(row('glossary')).toEqual(['glossary', 'terms/quoc-phong.yaml', 'vitrans.config.yaml:1:11']);
    expect(row('checks.term-missing.severity')).toEqual(['checks.term-missing.severity', 'warning', 'vitrans.config.yaml:3:17']);
    expect(row('checks.term-forbidden.severity')).toEqual(['checks.term-forbidden.severity', 'error', 'default']);
    expect(row('engines.deepl.target')).toEqual(['engines.deepl.target', 'en-GB', 'vitrans.config.yaml:6:13']);
    expect(row('engines.deepl.auth_key')).toEqual(['engines.deepl.auth_key', '(set, not shown)', 'vitrans.config.yaml:7:15']);
    expect(row('engines.openai.base_url')).toEqual(['engines.openai.base_url', 'http://localhost:11434/v1', 'env OPENAI_BASE_URL']);
    expect(row('engines.openai.model')).toEqual(['engines.openai.model', 'qwen2.5:14b', '--set openai.model']);
    expect(row('concurrency')).toEqual(['concurrency', '2', 'vitrans.config.yaml:8:14']);
    expect(row('fail_on')).toEqual(['fail_on', 'error', 'default']);
    expect(r.stdout).not.toContain(DEEPL_KEY.slice(0, 12));
  });

  it('never prints the password or query values of a server URL, in text or JSON', async () => {
    write('vitrans.config.yaml', ['engines:', '  deepl:', '    server_url: "http://admin:PASSWORD9876@127.0.0.1:8787/?token=TOKEN98765"', ''].join('\n'));
    const env = {
      OPENAI_BASE_URL: 'http://admin:PASSWORD9876@127.0.0.1:11434/v1?token=TOKEN98765',
      LIBRETRANSLATE_URL: 'https://translator:PASSWORD9876@libre.baomoi.vn/?api_key=TOKEN98765&lang=vi',
    };
    const text = await runVitrans(['config'], { cwd: dir, env });
    expect(text.code).toBe(0);
    const lines = text.stdout.trimEnd().split('\n');
    const row = (key: string) => lines.find((l) => l.startsWith(`${key} `))!.split(/\s{2,}/);
    expect(row('engines.deepl.server_url')).toEqual(['engines.deepl.server_url', 'http://admin:[REDACTED]@127.0.0.1:8787/?token=[REDACTED]', 'vitrans.config.yaml:3:17']);
    expect(row('engines.openai.base_url')).toEqual(['engines.openai.base_url', 'http://admin:[REDACTED]@127.0.0.1:11434/v1?token=[REDACTED]', 'env OPENAI_BASE_URL']);
    expect(row('engines.libretranslate.url')).toEqual(['engines.libretranslate.url', 'https://translator:[REDACTED]@libre.baomoi.vn/?api_key=[REDACTED]&lang=[REDACTED]', 'env LIBRETRANSLATE_URL']);
    const json = await runVitrans(['config', '--format', 'json'], { cwd: dir, env });
    const values = (JSON.parse(json.stdout) as { values: { key: string; value: unknown }[] }).values;
    expect(values.find((v) => v.key === 'engines.deepl.server_url')!.value).toBe('http://admin:[REDACTED]@127.0.0.1:8787/?token=[REDACTED]');
    expect(text.stdout + json.stdout + text.stderr + json.stderr).not.toMatch(/PASSWORD9876|TOKEN98765/);
  });

  it('prints JSON for tools, and says when there is no config file', async () => {
    const r = await runVitrans(['config', '--format', 'json', '-g', 'other.yaml'], { cwd: dir, env: {} });
    const doc = JSON.parse(r.stdout);
    expect(doc.file).toBeNull();
    expect(doc.values.find((v: { key: string }) => v.key === 'glossary')).toEqual({ key: 'glossary', value: 'other.yaml', secret: false, origin: { kind: 'flag', name: '--glossary' } });
    const text = await runVitrans(['config'], { cwd: dir, env: {} });
    expect(text.stdout.split('\n')[0]).toBe('No config file (vitrans.config.yaml): defaults, environment and flags');
  });

  it('fails on a bad config like every command, at file:line:col', async () => {
    write('vitrans.config.yaml', 'format:\n  check: compact\n  compare: pdf\n');
    const r = await runVitrans(['config'], { cwd: dir, env: {} });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('vitrans: vitrans.config.yaml:3:12: error: format.compare must be one of text, markdown, json, html\n');
  });
});

describe('vitrans compare with the config', () => {
  it('takes its glossary, checks and report format from it', async () => {
    fs.mkdirSync(path.join(dir, 'terms'));
    write('terms/coast-guard.yaml', COAST_GUARD_GLOSSARY);
    write('source.vi.txt', SOURCE);
    write('deepl.en.txt', TRANSLATION);
    write('google.en.txt', TRANSLATION.replace(/Vietnam (Sea|Marine) Police/g, 'Vietnam Coast Guard'));
    write('vitrans.config.yaml', 'glossary: terms/coast-guard.yaml\nformat: { compare: json }\nchecks:\n  term-missing: off\n');
    const r = await runVitrans(['compare', 'source.vi.txt', 'deepl.en.txt', 'google.en.txt', '--no-bootstrap'], { cwd: dir, env: {} });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    const findings = (engine: string) => doc.glossary[engine].findings.map((f: { ruleId: string; actual: string }) => `${f.ruleId} ${f.actual}`);
    expect(findings('deepl')).toEqual(['term-forbidden Vietnam Sea Police', 'term-forbidden Japanese Department of Defense', 'term-forbidden Vietnam Marine Police']);
    expect(findings('google')).toEqual(['term-forbidden Japanese Department of Defense']);
  });
});
