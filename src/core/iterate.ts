/** Small helpers over iterables, for text that is made and written in pieces. */

/** `list.map(fn)`, one item at a time as it is read. */
export function* mapped<T, U>(list: Iterable<T>, fn: (item: T) => U): Generator<U> {
  for (const item of list) yield fn(item);
}
