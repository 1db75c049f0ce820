/**
 * Child process of the glossary-load benchmark: loads the glossary file given as argument (with
 * the compiled-glossary cache in the folder given second, if any) and builds the check tools (both
 * matchers), printing the milliseconds of each step as JSON.
 */
import { loadGlossary } from '../../src/glossary/load.js';
import { createCheckTools } from '../../src/checks/index.js';

const [path, cacheDir] = process.argv.slice(2);
if (!path) throw new Error('usage: load-glossary.ts GLOSSARY.yaml [CACHE_DIR]');
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const t0 = performance.now();
const c0 = cpu();
const glossary = await loadGlossary(path, cacheDir ? { cacheDir } : {});
const t1 = performance.now();
const c1 = cpu();
const tools = createCheckTools(glossary);
const t2 = performance.now();
const c2 = cpu();
console.log(JSON.stringify({ entries: glossary.entries.length, loadMs: t1 - t0, matchersMs: t2 - t1, loadCpuMs: c1 - c0, matchersCpuMs: c2 - c1, checks: tools.checks.length }));
