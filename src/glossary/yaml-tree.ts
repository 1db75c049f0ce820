/**
 * The YAML of a glossary as the loader reads it: mappings, lists and scalars with the offset where
 * the `yaml` package places each node, from either of two parsers.
 *
 * `yaml` (Document with positions, file:line:col for every syntax error) is the reference; it is
 * also slow and memory-hungry on big files (a 10,000-entry glossary took most of its two seconds of
 * loading there). js-yaml's event stream gives the same tree about ten times faster, with offsets.
 * The quick tree is used only when nothing in the file leaves room for the two to differ: no
 * anchors, aliases, tags or directives, one document, scalar keys without duplicates. Plain scalars
 * are typed by `yaml`'s own core-schema tags, so a number or boolean is one in both. Anything else,
 * and any error, yields `undefined`, and the caller reads the file with `yaml`.
 */
import { EVENT_ID, SCALAR_STYLE, getScalarValue, parseEvents } from 'js-yaml';
import type { Event } from 'js-yaml';
import { Schema, isMap, isScalar, isSeq } from 'yaml';
import type { Node, Pair, ScalarTag } from 'yaml';

/** A scalar: its value as typed by YAML's core schema (string, number, boolean, null). */
export interface YamlScalar {
  kind: 'scalar';
  /** UTF-16 offset of the node (of its quote or block indicator), as `yaml` gives it. */
  start: number;
  value: unknown;
}

/** A list (block or flow). */
export interface YamlSeq {
  kind: 'seq';
  start: number;
  items: Array<YamlNode | null>;
}

/** One key/value pair of a mapping; `name` is the key as the loader compares it. */
export interface YamlPair {
  name: string;
  key: YamlNode | null;
  value: YamlNode | null;
}

/** A mapping (block or flow). */
export interface YamlMap {
  kind: 'map';
  start: number;
  pairs: YamlPair[];
}

/** An alias (`*name`); only the `yaml` reading has them. */
export interface YamlAlias {
  kind: 'alias';
  start: number;
}

/** One node of a glossary's YAML. */
export type YamlNode = YamlScalar | YamlSeq | YamlMap | YamlAlias;

/**
 * The tree of a document `yaml` composed (after its depth check: this recurses once per level).
 * Offsets and key names are exactly those the loader has always reported.
 */
export function treeOfYamlNode(node: unknown): YamlNode | null {
  if (node === null || node === undefined) return null;
  const start = (node as Node).range?.[0] ?? 0;
  if (isScalar(node)) return { kind: 'scalar', start, value: node.value };
  if (isSeq(node)) return { kind: 'seq', start, items: node.items.map((item) => treeOfYamlNode(item)) };
  if (isMap(node)) {
    return {
      kind: 'map',
      start,
      pairs: node.items.map((pair: Pair) => ({
        name: isScalar(pair.key) ? String(pair.key.value) : String(pair.key),
        key: treeOfYamlNode(pair.key),
        value: treeOfYamlNode(pair.value),
      })),
    };
  }
  return { kind: 'alias', start };
}

/** Plain scalars are typed by the first default tag of `yaml`'s core schema whose test matches, as `yaml` does. */
const CORE_TAGS: readonly ScalarTag[] = (new Schema({}).tags as ScalarTag[]).filter((t) => t.default === true && t.test !== undefined && !('collection' in t && t.collection));

/**
 * Whether a plain scalar may be other than a string: the core schema's null, bool, int and float
 * forms all start with one of `~ n N t T f F + - .` or a digit, or are empty. Most scalars of a
 * glossary (keys, terms) start with another letter, and skip the schema's regexes.
 */
function mayBeTyped(source: string): boolean {
  if (source.length === 0) return true;
  const c = source.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || c === 0x7e || c === 0x2b || c === 0x2d || c === 0x2e || c === 0x6e || c === 0x4e || c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46;
}

function plainValue(source: string): unknown {
  if (!mayBeTyped(source)) return source;
  for (const tag of CORE_TAGS) {
    if (!tag.test!.test(source)) continue;
    // Some tags resolve to a Scalar (a float keeps its fraction digits), as yaml's composer unwraps.
    const resolved = tag.resolve(source, () => undefined, {});
    return isScalar(resolved) ? resolved.value : resolved;
  }
  return source;
}

/**
 * YAML 1.2 (and `yaml`) puts the `:` of an implicit key at most 1024 characters after the key's
 * start; js-yaml lets spaces between a key and its colon run on ("en<1,100 spaces>: Navy"). A key
 * is read quickly only when its colon comes within 1,000 UTF-16 units of its start (never more code
 * points than that), anything further is yaml's to judge.
 */
const KEY_COLON_REACH = 1000;

/** Whether the `:` after the key text[start, end) (a quote may close it) comes within KEY_COLON_REACH of it. */
function colonNear(text: string, start: number, end: number): boolean {
  const limit = Math.min(text.length, start + KEY_COLON_REACH);
  for (let i = end; i < limit; i++) if (text.charCodeAt(i) === 0x3a) return true;
  return false;
}

/** Thrown inside quickYamlTree when the file holds something only `yaml` should judge. */
class Doubt extends Error {}

/**
 * The document's tree from js-yaml's event stream, or undefined when the file has a syntax error,
 * more or fewer than one document, a directive, an anchor, alias or tag, a non-scalar or block
 * scalar key, or a key twice in one mapping: then `yaml` must read it.
 */
export function quickYamlTree(text: string): YamlNode | undefined {
  let events: Event[];
  try {
    events = parseEvents(text, {});
  } catch {
    return undefined;
  }
  try {
    return buildTree(text, events);
  } catch (e) {
    if (e instanceof Doubt) return undefined;
    throw e;
  }
}

/** Mappings with fewer pairs than this are checked for a duplicate key by a scan, larger ones with a Set. */
const SCAN_PAIRS = 16;

interface OpenCollection {
  node: YamlSeq | YamlMap;
  /** For a mapping: the key read, waiting for its value. */
  key: YamlNode | null | undefined;
  names: Set<string> | undefined;
}

/**
 * Builds the tree with an explicit stack: the nesting of the file never reaches the call stack.
 * Each event is dropped from the array once read, so the events of a big file are not all kept
 * beside the tree made of them.
 */
function buildTree(text: string, events: Array<Event | undefined>): YamlNode {
  let documents = 0;
  let root: YamlNode | null = null;
  const stack: OpenCollection[] = [];
  const place = (node: YamlNode): void => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = node;
      return;
    }
    if (top.node.kind === 'seq') {
      top.node.items.push(node);
      return;
    }
    if (top.key === undefined) {
      if (node.kind !== 'scalar') throw new Doubt();
      top.key = node;
      return;
    }
    const key = top.key as YamlScalar;
    const name = typeof key.value === 'string' ? key.value : String(key.value);
    const { pairs } = top.node;
    // An entry has a handful of keys: a scan of them costs less than a Set per mapping (ten
    // thousand of them in a big glossary, all alive until the tree is read).
    if (pairs.length < SCAN_PAIRS) {
      for (let k = 0; k < pairs.length; k++) if (pairs[k]!.name === name) throw new Doubt();
    } else {
      if (!top.names) {
        top.names = new Set();
        for (let k = 0; k < pairs.length; k++) top.names.add(pairs[k]!.name);
      }
      if (top.names.has(name)) throw new Doubt();
      top.names.add(name);
    }
    pairs.push({ name, key, value: node });
    top.key = undefined;
  };
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    events[i] = undefined;
    switch (event.type) {
      case EVENT_ID.DOCUMENT:
        if (++documents > 1 || event.directives.length > 0) throw new Doubt();
        break;
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        if (event.anchorStart >= 0 || event.tagStart >= 0) throw new Doubt();
        const node: YamlSeq | YamlMap = event.type === EVENT_ID.SEQUENCE ? { kind: 'seq', start: event.start, items: [] } : { kind: 'map', start: event.start, pairs: [] };
        place(node);
        stack.push({ node, key: undefined, names: undefined });
        break;
      }
      case EVENT_ID.SCALAR: {
        if (event.anchorStart >= 0 || event.tagStart >= 0) throw new Doubt();
        const source = getScalarValue(text, event);
        const { style } = event;
        const top = stack[stack.length - 1];
        if (top?.node.kind === 'map' && top.key === undefined && !colonNear(text, event.valueStart, event.valueEnd)) throw new Doubt();
        let start = event.valueStart;
        let value: unknown = source;
        if (style === SCALAR_STYLE.PLAIN) value = plainValue(source);
        else if (style === SCALAR_STYLE.SINGLE_QUOTED || style === SCALAR_STYLE.DOUBLE_QUOTED) start -= 1; // yaml's offset is the quote's
        else {
          // A block scalar: its indicator's offset is not in the event. Only errors would show it,
          // and errors are reported from the `yaml` reading; as a key it is a doubt.
          if (top?.node.kind === 'map' && top.key === undefined) throw new Doubt();
          start = -1;
        }
        place({ kind: 'scalar', start, value });
        break;
      }
      case EVENT_ID.ALIAS:
        throw new Doubt();
      case EVENT_ID.POP: {
        const top = stack.pop();
        if (top?.node.kind === 'map' && top.key !== undefined) throw new Doubt();
        break;
      }
    }
  }
  if (documents !== 1 || root === null || stack.length > 0) throw new Doubt();
  return root;
}
