import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVitrans } from './run-cli.js';
import { ENV, ROOT, useProjects } from './inputs-helpers.js';

const make = useProjects();
const FIXTURES = path.join(ROOT, 'tests/formats/fixtures');
const withFixtures = (...names: string[]): string => make(Object.fromEntries(names.map((n) => [n, fs.readFileSync(path.join(FIXTURES, n))])));

type JsonReport = { findings: { ruleId: string; unit: string | null; span: { start: { line: number; column: number } }; file: string; actual?: string }[] };

describe('vitrans check FILE.xlf', () => {
  it('checks an XLIFF 1.2 file alone: findings at line:col with unit ids, tag mismatches, protected segments noted', async () => {
    const dir = withFixtures('okapi-defence.xlf');
    const r = await runVitrans(['check', 'okapi-defence.xlf', '-f', 'json'], { cwd: dir, env: ENV });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'vitrans: note: okapi-defence.xlf: 2 segments marked translate="no", locked or approved not checked (--protected-segments check checks them)\n' +
        'vitrans: note: okapi-defence.xlf: 2 segments have no target yet; not checked\n',
    );
    const report = JSON.parse(r.stdout) as JsonReport;
    const summary = report.findings
      .map((f) => [f.ruleId, f.unit, `${f.span.start.line}:${f.span.start.column}`])
      .sort((a, b) => a[2]!.localeCompare(b[2]!, 'en', { numeric: true }));
    expect(summary).toEqual([
      ['term-forbidden', 'tu2#0', '18:145'],
      ['source-corrupted', 'tu2#0', '18:211'],
      ['tag-mismatch', 'tu2#1', '18:252'],
      ['tag-mismatch', 'tu2#1', '18:374'],
      ['term-forbidden', 'tu2#1', '18:412'],
    ]);
    const line18 = fs.readFileSync(path.join(dir, 'okapi-defence.xlf'), 'utf8').split('\n')[17]!;
    expect([...line18].slice(144, 144 + 'state-level visit'.length).join('')).toBe('state-level visit');

    const all = await runVitrans(['check', 'okapi-defence.xlf', '-f', 'json', '--protected-segments', 'check'], { cwd: dir, env: ENV });
    const units = (JSON.parse(all.stdout) as JsonReport).findings.map((f) => f.unit);
    expect(units).toContain('tu4'); // "Patriot rockets" in the approved unit
  });

  it('names the unit ids in SARIF, and lists tag-mismatch among the rules', async () => {
    const dir = withFixtures('phrase-defence.xlf');
    const r = await runVitrans(['check', 'phrase-defence.xlf', '-f', 'sarif'], { cwd: dir, env: ENV });
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; locations: { logicalLocations?: { name: string }[]; physicalLocation: { region: { startLine: number } } }[]; properties?: { unit?: string } }[] }[] };
    const run = sarif.runs[0]!;
    expect(run.tool.driver.rules.map((x) => x.id)).toContain('tag-mismatch');
    const mismatch = run.results.find((x) => x.ruleId === 'tag-mismatch')!;
    expect(mismatch.locations[0]!.logicalLocations).toEqual([{ name: 'u4', kind: 'element' }]);
    expect(mismatch.properties?.unit).toBe('u4');
    expect(run.results.filter((x) => x.ruleId === 'term-forbidden').map((x) => x.locations[0]!.logicalLocations![0]!.name)).toEqual(['u1#s2', 'u4']);
  });

  it('sniffs an XLIFF file without its extension', async () => {
    const dir = make({ 'export.xml': fs.readFileSync(path.join(FIXTURES, 'memoq-defence.mqxliff')) });
    const r = await runVitrans(['check', 'export.xml', '-f', 'json'], { cwd: dir, env: ENV });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as JsonReport).findings.map((f) => [f.ruleId, f.unit])).toEqual([['term-forbidden', '2']]);
  });

  it('stops at a bad XLIFF file with one line naming file:line:col, exit 2', async () => {
    const dir = make({
      'broken.xlf': fs.readFileSync(path.join(FIXTURES, 'okapi-defence.xlf'), 'utf8').replace('</g> của', '</x> của'),
      'future.xlf': '<?xml version="1.0"?>\n<xliff version="3.0" srcLang="vi"/>\n',
    });
    const broken = await runVitrans(['check', 'broken.xlf'], { cwd: dir, env: ENV });
    expect(broken.code).toBe(2);
    expect(broken.stdout).toBe('');
    expect(broken.stderr).toMatch(/^vitrans: broken\.xlf:16:103: error: malformed XML: unexpected close tag \(.+\)\n$/);
    expect(broken.stderr).not.toMatch(/\n\s+at /);
    const future = await runVitrans(['check', 'future.xlf'], { cwd: dir, env: ENV });
    expect(future.code).toBe(2);
    expect(future.stderr).toMatch(/^vitrans: future\.xlf:2:1: error: unknown XLIFF version "3\.0" \(vitrans reads XLIFF 1\.2 and 2\.0/);
  });
});
