import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_FLAG, heapGrowingFlag } from '../../src/cli/heap.js';

const TRANSLATE = ['translate', 'tin-tuc.vi.txt', '-e', 'deepl', '--out', 'out'];

describe('heapGrowingFlag', () => {
  it('bounds the heap growth of a translate process started without a choice of its own', () => {
    expect(heapGrowingFlag(TRANSLATE, ['--import', 'tsx'], undefined)).toBe(HEAP_GROWING_FLAG);
    expect(heapGrowingFlag(['--debug', '--no-color', ...TRANSLATE], [], '--max-old-space-size=4096 --enable-source-maps')).toBe(HEAP_GROWING_FLAG);
  });

  it('leaves other commands, and no command, with V8’s own growth', () => {
    expect(heapGrowingFlag(['check', 'tin-tuc.vi.txt', 'out/tin-tuc.deepl.en.txt'], [], undefined)).toBeUndefined();
    expect(heapGrowingFlag(['compare', 'tin-tuc.vi.txt', 'a.en.txt', 'b.en.txt'], [], undefined)).toBeUndefined();
    expect(heapGrowingFlag(['--version'], [], undefined)).toBeUndefined();
  });

  it("leaves the user's own growth alone, on the command line or in NODE_OPTIONS, in either spelling", () => {
    expect(heapGrowingFlag(TRANSLATE, ['--heap-growing-percent=0'], undefined)).toBeUndefined();
    expect(heapGrowingFlag(TRANSLATE, [], '--enable-source-maps --heap_growing_percent=50')).toBeUndefined();
  });

  it('does not take a flag that only begins alike for the growth', () => {
    expect(heapGrowingFlag(TRANSLATE, ['--heap-growing-percentage-report'], undefined)).toBe(HEAP_GROWING_FLAG);
  });
});
