import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_FLAG, heapGrowingFlag } from '../../src/cli/heap.js';

describe('heapGrowingFlag', () => {
  it('bounds the heap growth of a process started without a choice of its own', () => {
    expect(heapGrowingFlag(['--import', 'tsx'], undefined)).toBe(HEAP_GROWING_FLAG);
    expect(heapGrowingFlag([], '--max-old-space-size=4096 --enable-source-maps')).toBe(HEAP_GROWING_FLAG);
  });

  it("leaves the user's own growth alone, on the command line or in NODE_OPTIONS, in either spelling", () => {
    expect(heapGrowingFlag(['--heap-growing-percent=0'], undefined)).toBeUndefined();
    expect(heapGrowingFlag([], '--enable-source-maps --heap_growing_percent=50')).toBeUndefined();
  });

  it('does not take a flag that only begins alike for the growth', () => {
    expect(heapGrowingFlag(['--heap-growing-percentage-report'], undefined)).toBe(HEAP_GROWING_FLAG);
  });
});
