import { describe, expect, it } from 'vitest';
import { allInOrder } from '../../src/core/iterate.js';

const later = <T>(ms: number, value: T, fail = false): Promise<T> =>
  new Promise((resolve, reject) => setTimeout(() => (fail ? reject(new Error(String(value))) : resolve(value)), ms));

describe('allInOrder', () => {
  it('gives the values in the order of the list, not of settling', async () => {
    expect(await allInOrder([later(30, 'nguồn'), later(1, 'bản dịch')])).toEqual(['nguồn', 'bản dịch']);
  });

  it('when several fail, throws the failure of the first in the list even when a later one fails sooner', async () => {
    await expect(allInOrder([later(40, 'nope.vi.txt', true), later(1, 'nope.en.txt', true)])).rejects.toThrow('nope.vi.txt');
  });

  it('waits for every promise before throwing, so none is left running unobserved', async () => {
    let finished = false;
    const slow = later(30, 'done').then((v) => ((finished = true), v));
    await expect(allInOrder([later(1, 'first', true), slow])).rejects.toThrow('first');
    expect(finished).toBe(true);
  });
});
