/**
 * JSON as `JSON.stringify(value, null, 2)` writes it, but in pieces: a report of a few hundred
 * thousand findings is never one string (as UTF-16 it would be twice its size on disk, and
 * JSON.stringify needs as much again while building it). The big arrays of a document are marked
 * with `jsonItems`; each of their items is one piece, and the items are read as they are written.
 */

/** An array of a JSON document that is written item by item; the items are read once, lazily. */
export class JsonItems {
  constructor(readonly items: Iterable<unknown>) {}
}

/** Marks `items` as an array to be written item by item, each item one piece. */
export function jsonItems(items: Iterable<unknown>): JsonItems {
  return new JsonItems(items);
}

/**
 * The pieces of `value` written as `JSON.stringify(value, null, 2)` would write it, where every
 * `JsonItems` stands for an array of its items. Joined, they are that string exactly.
 * @example [...jsonPieces({ n: 1, list: jsonItems([1, 2]) })].join('') === JSON.stringify({ n: 1, list: [1, 2] }, null, 2)
 */
export function* jsonPieces(value: unknown, indent = ''): Generator<string> {
  if (value instanceof JsonItems) {
    const inner = indent + '  ';
    let first = true;
    for (const item of value.items) {
      yield `${first ? '[' : ','}\n${inner}${indented(JSON.stringify(item ?? null, null, 2), inner)}`;
      first = false;
    }
    yield first ? '[]' : `\n${indent}]`;
  } else if (Array.isArray(value)) {
    const inner = indent + '  ';
    let first = true;
    for (const item of value as unknown[]) {
      yield `${first ? '[' : ','}\n${inner}`;
      yield* jsonPieces(item === undefined ? null : item, inner);
      first = false;
    }
    yield first ? '[]' : `\n${indent}]`;
  } else if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
    const inner = indent + '  ';
    let first = true;
    for (const [key, v] of Object.entries(value)) {
      // What JSON.stringify leaves out of an object.
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
      yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
      yield* jsonPieces(v, inner);
      first = false;
    }
    yield first ? '{}' : `\n${indent}}`;
  } else {
    yield JSON.stringify(value) ?? 'null';
  }
}

/** A JSON text moved right by `indent` (its strings hold no raw line break: every one is structure). */
function indented(json: string, indent: string): string {
  return indent === '' ? json : json.split('\n').join(`\n${indent}`);
}

