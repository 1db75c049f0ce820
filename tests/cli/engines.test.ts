import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runVitrans } from './run-cli.js';
import { ConfigError } from '../../src/core/errors.js';
import { loadConfig, parseConfig, resolveEngineSettings, withSettingFlags } from '../../src/config/load.js';
import { engineRows, formatEngineTable } from '../../src/cli/commands/engines.js';

// Colour is program.ts's decision (--color/--no-color/TTY); these tests look at the text only.
// eslint-disable-next-line no-control-regex
const plain = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, '');

const DEEPL_KEY = 'e2b7c1d4-9f3a-4c6b-8d2e-5a1f0c9b8e7d:fx';
const OPENAI_KEY = 'sk-proj-Zk3Lm9Qp2Rt7Vw4Xy8Bn1Cd5Fg6Hj0Ks';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-engines-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

interface Row {
  name: string;
  configured: boolean;
  missing?: string;
  glossary: string;
  maxTexts: number;
  maxChars: number;
  env: string[];
  price?: number;
}

describe('vitrans engines', () => {
  it('prints a table of every engine with what is missing', async () => {
    const r = await runVitrans(['engines'], { cwd: dir, env: {} });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const stdout = plain(r.stdout);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ENGINE\s+STATUS\s+GLOSSARY\s+BATCH\s+DESCRIPTION$/);
    // One row per engine, continuation lines indented beneath it.
    expect(lines.slice(1).filter((l) => !l.startsWith(' ')).map((l) => l.split(/\s+/)[0])).toEqual(['deepl', 'google', 'google-v2', 'libretranslate', 'openai']);
    expect(stdout).toMatch(/^deepl\s+missing\s+native\s+50 texts \/ 14,108 chars\s+DeepL API \(free or pro\)\n\s+DEEPL_AUTH_KEY is not set$/m);
    expect(stdout).toMatch(/^openai\s+missing\s+prompt\s+12 texts/m);
    // It fits in 100 columns, even with the longest status (Google's) and descriptions.
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
    expect(stdout).toContain('GOOGLE_APPLICATION_CREDENTIALS (or GOOGLE_API_KEY + GOOGLE_CLOUD_PROJECT)');
  });

  it('colours the table only when asked', () => {
    const rows = engineRows({ engines: {}, prices: {} }, { LIBRETRANSLATE_URL: 'http://localhost:5000' });
    const uncoloured = formatEngineTable(rows, false);
    expect(uncoloured).not.toContain('\u001b[');
    expect(uncoloured).toMatch(/libretranslate\s+configured\s+none\s+50 texts \/ 10,000 chars/);
    expect(formatEngineTable(rows, true)).toContain('\u001b[');
  });

  it('shows configured engines from env and the config file, never the keys', async () => {
    write('vitrans.config.yaml', `engines:\n  openai:\n    api_key: ${OPENAI_KEY}\n    model: gpt-4o-mini\nprices:\n  deepl: 25\n`);
    const r = await runVitrans(['engines', '--format', 'json'], { cwd: dir, env: { DEEPL_AUTH_KEY: DEEPL_KEY } });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain(DEEPL_KEY);
    expect(r.stdout).not.toContain(OPENAI_KEY);
    const rows = JSON.parse(r.stdout) as Row[];
    const byName = Object.fromEntries(rows.map((row) => [row.name, row]));
    expect(byName.deepl).toMatchObject({ configured: true, glossary: 'native', maxTexts: 50, price: 25 });
    expect(byName.openai).toMatchObject({ configured: true, glossary: 'prompt' });
    expect(byName.google).toMatchObject({ configured: false, glossary: 'native', maxTexts: 1024, maxChars: 30_000 });
    expect(byName.libretranslate!.env).toEqual(['LIBRETRANSLATE_URL', 'LIBRETRANSLATE_API_KEY']);
  });

  it('takes engine settings from --set, over the environment, and rejects unknown ones', async () => {
    const r = await runVitrans(['engines', '--format', 'json', '--set', 'openai.model=qwen2.5:14b', '--set', 'libretranslate.url=http://127.0.0.1:5000'], {
      cwd: dir,
      env: { LIBRETRANSLATE_URL: '' },
    });
    expect(r.code).toBe(0);
    const byName = Object.fromEntries((JSON.parse(r.stdout) as Row[]).map((row) => [row.name, row]));
    expect(byName.openai).toMatchObject({ configured: true });
    expect(byName.libretranslate).toMatchObject({ configured: true });

    const config = withSettingFlags(parseConfig('engines:\n  deepl:\n    target: en-US\n', path.join(dir, 'c.yaml')), ['deepl.target=en-GB', 'deepl.auth_key=flag-key-1234567890']);
    expect(resolveEngineSettings('deepl', config, { DEEPL_AUTH_KEY: 'env-key-0987654321' })).toMatchObject({ target: 'en-GB', authKey: 'flag-key-1234567890' });
    expect(config.secrets).toContain('flag-key-1234567890');

    const bad = await runVitrans(['engines', '--set', 'deepl.targt=en-GB'], { cwd: dir, env: {} });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/deepl has no setting "targt": did you mean "target"\?/);
    const malformed = await runVitrans(['engines', '--set', 'deepl'], { cwd: dir, env: {} });
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/--set takes ENGINE\.SETTING=VALUE/);
  });

  it('says a server URL translate would refuse is invalid, not configured, without its credentials or query', async () => {
    write('vitrans.config.yaml', 'engines:\n  deepl:\n    server_url: "http://admin:PASSWORD9876@127.0.0.1:8787"\n');
    const env = { DEEPL_AUTH_KEY: DEEPL_KEY, LIBRETRANSLATE_URL: 'ftp://x', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1?token=TOKEN98765', OPENAI_MODEL: 'qwen2.5:14b' };
    const json = await runVitrans(['engines', '--format', 'json'], { cwd: dir, env });
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as (Row & { invalid?: string })[];
    const row = (name: string) => rows.find((r) => r.name === name)!;
    expect(row('deepl')).toMatchObject({ configured: false, invalid: 'DeepL server URL "http://127.0.0.1:8787" must not contain a user name or password' });
    expect(row('libretranslate')).toMatchObject({ configured: false, invalid: 'LibreTranslate URL "ftp://x" is not an http(s) URL' });
    expect(row('openai')).toMatchObject({ configured: false, invalid: 'OpenAI base URL "http://127.0.0.1:11434/v1" must not contain a query string or fragment' });
    const text = await runVitrans(['engines'], { cwd: dir, env });
    const lines = plain(text.stdout).split('\n');
    const at = lines.findIndex((l) => l.startsWith('libretranslate '));
    expect(lines[at]!.split(/\s{2,}/)[1]).toBe('invalid');
    expect(lines.slice(at + 1, at + 3).map((l) => l.trim())).toContain('LibreTranslate URL "ftp://x" is not an http(s) URL');
    expect(json.stdout + text.stdout).not.toMatch(/PASSWORD9876|TOKEN98765/);
    // A bare URL stays configured.
    const ok = await runVitrans(['engines', '--format', 'json'], { cwd: dir, env: { ...env, DEEPL_SERVER_URL: 'http://127.0.0.1:8787', LIBRETRANSLATE_URL: 'http://127.0.0.1:5000' } });
    const okRows = JSON.parse(ok.stdout) as (Row & { invalid?: string })[];
    expect(okRows.filter((r) => r.name === 'deepl' || r.name === 'libretranslate').map((r) => [r.configured, r.invalid])).toEqual([[true, undefined], [true, undefined]]);
  });

  it('points at file:line:col for a bad config file and exits 2', async () => {
    write('vitrans.config.yaml', 'engines:\n  deepl:\n    auth_key: abc\n    targte: en-GB\n');
    const r = await runVitrans(['engines'], { cwd: dir, env: {} });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `vitrans: vitrans.config.yaml:4:5: error: unknown setting "targte" for engine deepl (did you mean target?) (known settings: auth_key, server_url, target, model_type, timeout_ms)\n`,
    );
  });

  it('an explicitly named config file that is missing is an error', async () => {
    const r = await runVitrans(['engines', '--config', 'nope.yaml'], { cwd: dir, env: {} });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('vitrans: nope.yaml: error: config file not found (check the --config path)\n');
  });
});

describe('loadConfig', () => {
  it('returns an empty config when there is no file', async () => {
    const config = await loadConfig({ cwd: dir, env: {} });
    expect(config).toEqual({ engines: {}, prices: {}, secrets: [] });
  });

  it('reads engines (snake_case → setting keys), prices, concurrency, cache and collects secrets', async () => {
    const file = write(
      'team.yaml',
      [
        '# Cấu hình dịch thuật cho tòa soạn',
        'engines:',
        '  deepl:',
        `    auth_key: "${DEEPL_KEY}"`,
        '    target: en-GB',
        '  google:',
        '    project_id: vitrans-news-412309',
        '    location: us-central1',
        '    glossary: quoc-phong-vi-en',
        '    timeout_ms: 45000',
        'prices:',
        '  deepl: 25',
        '  google: 20',
        'concurrency: 3',
        'cache: cache/translations.sqlite',
      ].join('\n'),
    );
    const config = await loadConfig({ path: 'team.yaml', cwd: dir, env: { OPENAI_API_KEY: OPENAI_KEY, UNRELATED: 'x' } });
    expect(config.file).toBe(file);
    expect(config.engines).toEqual({
      deepl: { authKey: DEEPL_KEY, target: 'en-GB' },
      google: { projectId: 'vitrans-news-412309', location: 'us-central1', glossary: 'quoc-phong-vi-en', timeoutMs: '45000' },
    });
    expect(config.prices).toEqual({ deepl: 25, google: 20 });
    expect(config.concurrency).toBe(3);
    expect(config.cache).toBe(path.join(dir, 'cache/translations.sqlite'));
    expect(config.secrets.sort()).toEqual([DEEPL_KEY, OPENAI_KEY].sort());
  });

  const bad: [string, string, string, number, number][] = [
    ['unknown engine', 'engines:\n  deepel:\n    auth_key: x\n', 'unknown engine "deepel" (did you mean deepl?)', 2, 3],
    ['unknown top-level key', 'engine:\n  deepl: {}\n', 'unknown config key "engine" (did you mean engines?)', 1, 1],
    ['negative price', 'prices:\n  deepl: -3\n', 'prices.deepl must be a number of USD per million characters', 2, 10],
    ['zero concurrency', 'concurrency: 0\n', 'concurrency must be a positive whole number', 1, 14],
    ['a list as a setting', 'engines:\n  openai:\n    model: [a, b]\n', 'engines.openai.model must be a single value', 3, 12],
    ['broken YAML', 'engines:\n  deepl: {auth_key: x\n', 'config file is not valid YAML', 3, 1],
  ];
  it.each(bad)('%s → ConfigError at line:col', (_, text, message, line, column) => {
    let error: unknown;
    try {
      parseConfig(text, '/proj/vitrans.config.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(message);
    expect((error as ConfigError).location).toEqual({ file: '/proj/vitrans.config.yaml', line, column });
  });
});

describe('resolveEngineSettings', () => {
  const config = { engines: { deepl: { authKey: 'from-file-key-123', target: 'en-GB' }, openai: { model: 'gpt-4o-mini' } } };

  it('environment overrides the file, flags override both; empty env values do not count', () => {
    expect(resolveEngineSettings('deepl', config, { DEEPL_AUTH_KEY: DEEPL_KEY, DEEPL_SERVER_URL: '' })).toEqual({ authKey: DEEPL_KEY, target: 'en-GB' });
    expect(resolveEngineSettings('openai', config, { OPENAI_MODEL: 'llama3.1:8b' }, { model: 'qwen2.5:7b', timeoutMs: undefined })).toEqual({ model: 'qwen2.5:7b' });
    expect(resolveEngineSettings('libretranslate', config, { LIBRETRANSLATE_URL: 'http://localhost:5000' })).toEqual({ url: 'http://localhost:5000' });
  });

  it('rejects unknown engines', () => {
    expect(() => resolveEngineSettings('bing', config, {})).toThrow(ConfigError);
  });
});
