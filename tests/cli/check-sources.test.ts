import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVitrans } from './run-cli.js';
import { ENV, ROOT, useProjects } from './inputs-helpers.js';

const make = useProjects();
const FLAWED = fs.readFileSync(path.join(ROOT, 'tests/fixtures/corpus/flawed/flawed.en.txt'), 'utf8');
const SOURCE = fs.readFileSync(path.join(ROOT, 'corpus/japan-us-defense-industry/source.vi.txt'), 'utf8');
const CONFIG = 'sources:\n  "ban-dich/*.en.txt": goc/{name}.vi.txt\n';
type Report = { files: { source: string; translations: string[] }[]; findings: { ruleId: string; file: string }[] };

describe('vitrans check pairs translations by the config\'s sources:', () => {
  it('checks one translation against the source its pattern maps it to', async () => {
    const dir = make({ 'vitrans.config.yaml': CONFIG, 'goc/hop-tac.vi.txt': SOURCE, 'ban-dich/hop-tac.deepl.en.txt': FLAWED });
    const r = await runVitrans(['check', 'ban-dich/hop-tac.deepl.en.txt', '-f', 'json'], { cwd: dir, env: ENV });
    const report = JSON.parse(r.stdout) as Report;
    expect(report.files).toEqual([{ source: 'goc/hop-tac.vi.txt', translations: ['ban-dich/hop-tac.deepl.en.txt'] }]);
    expect(report.findings.filter((f) => f.ruleId === 'term-forbidden')).toHaveLength(14);
  });

  it('pairs a folder\'s translations that no source is beside by the mapping, and warns about the rest', async () => {
    const dir = make({ 'vitrans.config.yaml': CONFIG, 'goc/hop-tac.vi.txt': SOURCE, 'ban-dich/hop-tac.en.txt': FLAWED, 'khac/lac.en.txt': FLAWED, 'khac/bai.vi.txt': SOURCE });
    const r = await runVitrans(['check', 'ban-dich', 'khac', '-f', 'json'], { cwd: dir, env: ENV });
    const report = JSON.parse(r.stdout) as Report;
    expect(report.files).toContainEqual({ source: 'goc/hop-tac.vi.txt', translations: ['ban-dich/hop-tac.en.txt'] });
    expect(r.stderr).toContain('khac/lac.en.txt matches no source beside it by name; skipped');
    expect(r.stderr).toContain('or map it under sources: in the config');
  });
});
