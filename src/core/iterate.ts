/** Small helpers over iterables, for text that is made and written in pieces. */

/** `list.map(fn)`, one item at a time as it is read. */
export function* mapped<T, U>(list: Iterable<T>, fn: (item: T) => U): Generator<U> {
  for (const item of list) yield fn(item);
}

/**
 * `Promise.all`, except that when several fail, the error is the one of the first in `list`'s
 * order, not of the first to settle: a user given two missing files hears about the same one
 * every run.
 */
export async function allInOrder<T>(list: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(list);
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}
