/**
 * The checker's speed work (issue 8: one shared reading of each paragraph, fast paths) must not
 * change what any check reports: every finding and term outcome on the shipped corpus and the
 * fixtures, and on a generated bench corpus with and without numbers, equals what the checker
 * reported before that work (tests/fixtures/findings-golden.json).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPORA, ROOT, collectFindings, type FindingsGolden } from './findings-golden.js';

const golden = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/findings-golden.json'), 'utf8')) as FindingsGolden;

describe('findings are those of the checker before the speed work', () => {
  it('on every corpus and fixture, finding by finding, and on the generated corpora', async () => {
    const now = await collectFindings();
    for (const dir of CORPORA) {
      expect(golden.corpora[dir]!.length, dir).toBeGreaterThan(0);
      expect(now.corpora[dir], dir).toEqual(golden.corpora[dir]);
    }
    for (const name of ['plain', 'numbered']) {
      expect(now.generated[name]!.first, name).toEqual(golden.generated[name]!.first);
      expect(now.generated[name]!.count, name).toBe(golden.generated[name]!.count);
      expect(now.generated[name]!.sha256, name).toBe(golden.generated[name]!.sha256);
    }
  }, 120_000);
});
