import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ConfigError } from '../../src/core/errors.js';
import { ENGINES, closestName, createEngine, engineNames, getEngine } from '../../src/engines/registry.js';
import { CAPABILITIES } from '../../src/engines/capabilities.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Imports the registry in a fresh Node process (through tsx) and reports which SDK files are in
 * the CommonJS module cache, before and after creating `create` (if given).
 */
function sdkModulesLoaded(create?: { name: string; settings: Record<string, string> }): { before: string[]; after: string[] } {
  const registryUrl = pathToFileURL(path.join(repo, 'src/engines/registry.ts')).href;
  const script = `
    import Module from 'node:module';
    const sdk = () => Object.keys(Module._cache).filter((f) => /node_modules[\\\\/](deepl-node|@google-cloud[\\\\/]translate|google-gax|axios)[\\\\/]/.test(f));
    const registry = await import(${JSON.stringify(registryUrl)});
    const before = sdk();
    const spec = ${JSON.stringify(create ?? null)};
    if (spec) await registry.getEngine(spec.name).create(spec.settings);
    console.log(JSON.stringify({ before, after: sdk() }));
  `;
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repo, encoding: 'utf8', timeout: 30_000 });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as { before: string[]; after: string[] };
}

describe('engine registry', () => {
  it('lists the five engines in name order, each with settings, limits and a status', () => {
    expect(engineNames()).toEqual(['deepl', 'google', 'google-v2', 'libretranslate', 'openai']);
    const settings = Object.fromEntries([...ENGINES.values()].map((def) => [def.name, def.settings.map((x) => x.yaml)]));
    expect(settings).toEqual({
      deepl: ['auth_key', 'server_url', 'target', 'model_type', 'timeout_ms'],
      google: ['project_id', 'location', 'api_key', 'key_file', 'glossary', 'timeout_ms'],
      'google-v2': ['api_key', 'timeout_ms'],
      libretranslate: ['url', 'api_key', 'timeout_ms'],
      openai: ['base_url', 'api_key', 'model', 'timeout_ms'],
    });
    for (const def of ENGINES.values()) {
      expect(def.capabilities).toEqual(CAPABILITIES[def.name as keyof typeof CAPABILITIES]);
      expect(def.status({}).configured).toBe(false);
    }
  });

  it('says what is missing, by environment variable', () => {
    expect(getEngine('deepl').status({})).toEqual({ configured: false, missing: 'DEEPL_AUTH_KEY is not set' });
    expect(getEngine('deepl').status({ authKey: 'k' })).toEqual({ configured: true });
    expect(getEngine('google').status({ apiKey: 'k' })).toEqual({ configured: false, missing: 'GOOGLE_CLOUD_PROJECT is not set' });
    expect(getEngine('google').status({ keyFile: '/etc/gcp/sa.json' }).configured).toBe(true);
    expect(getEngine('openai').status({ apiKey: 'k' }).missing).toBe('OPENAI_MODEL is not set');
    expect(getEngine('openai').status({ model: 'llama3.1:8b' }).configured).toBe(true);
  });

  it('rejects an unknown engine with the known names and the closest one', () => {
    expect(() => getEngine('depl')).toThrow('unknown engine "depl" (did you mean deepl?)');
    let error: unknown;
    try {
      getEngine('googel');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toBe('unknown engine "googel" (did you mean google?)');
    expect((error as ConfigError).hint).toBe('choose one of: deepl, google, google-v2, libretranslate, openai');
    expect(getEngine(' DeepL ').name).toBe('deepl');
    expect(closestName('chatgpt', engineNames())).toBeUndefined();
    expect(closestName('libre', engineNames())).toBe('libretranslate');
  });

  it('creates engines through lazy imports', async () => {
    const engine = await createEngine('libretranslate', { url: 'http://localhost:5000' });
    expect(engine.name).toBe('libretranslate');
    expect(engine.capabilities).toBe(getEngine('libretranslate').capabilities);
    await expect(createEngine('deepl-pro', {})).rejects.toThrow(/unknown engine "deepl-pro"/);
    await expect(getEngine('deepl').create({})).rejects.toThrow(ConfigError);
  });

  it('importing the registry loads no SDK; creating an engine does', () => {
    const lazy = sdkModulesLoaded({ name: 'deepl', settings: { authKey: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f:fx' } });
    expect(lazy.before).toEqual([]);
    // The control: the same probe does see deepl-node once the engine is created.
    expect(lazy.after.some((f) => f.includes('deepl-node'))).toBe(true);
    expect(lazy.after.some((f) => f.includes('@google-cloud'))).toBe(false);
  });
});
