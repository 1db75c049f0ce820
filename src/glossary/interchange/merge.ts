/**
 * From imported drafts to glossary entries: clean each draft, merge drafts (and, with `--merge`,
 * the existing glossary's entries) that are one concept, and stop at a conflict the way the
 * loader does, pointing into the imported file.
 */
import { GlossaryError } from '../../core/errors.js';
import { isAcronym } from '../inflect.js';
import { englishKey, slugify } from '../load.js';
import type { ForbiddenRendering, Glossary, GlossaryEntry } from '../types.js';
import { termKey } from '../vi-matcher.js';
import type { EntryDraft, GlossaryImport, ImportOrigin, TestSpec } from './types.js';

/** Fields an import adds to an entry already in the glossary. */
export interface EntryAdditions {
  viVariants: string[];
  accepted: string[];
  forms: string[];
  forbidden: ForbiddenRendering[];
  acronym?: string;
  note?: string;
  tests: TestSpec[];
}

/** What to write: new entries (ids final), additions to existing ones by index, and notices. */
export interface MergePlan {
  added: (EntryDraft & { id: string })[];
  extended: { index: number; entry: GlossaryEntry; add: EntryAdditions }[];
  /** Imported drafts that were folded into another entry (same concept). */
  folded: number;
  notices: string[];
}

/** Options for `planMerge`. */
export interface MergeOptions {
  /** The glossary being merged into (`--merge`). */
  existing?: Glossary;
  /**
   * Two-column files (DeepL, Google, TMX glossaries) write one row per Vietnamese variant: rows
   * with the same English are one concept.
   */
  groupByEnglish?: boolean;
}

interface Concept {
  draft: EntryDraft;
  where: string;
  /** Set for an entry of the existing glossary. */
  existing?: { index: number; entry: GlossaryEntry; add: EntryAdditions };
}

const at = (o: ImportOrigin): string => `${o.file}:${o.line}:${o.column}`;

/**
 * Plans the glossary entries of an import.
 * @throws GlossaryError at the imported entry's file:line:col for a Vietnamese term with two
 *   renderings, or a rendering that one entry approves and another (or the same) forbids
 */
export function planMerge(imported: GlossaryImport, options: MergeOptions = {}): MergePlan {
  const notices = [...imported.notices];
  const concepts: Concept[] = [];
  const byTerm = new Map<string, Concept>();
  const byEnglish = new Map<string, Concept>();

  const register = (c: Concept): void => {
    for (const t of [c.draft.vi, ...c.draft.viVariants]) if (!byTerm.has(termKey(t))) byTerm.set(termKey(t), c);
    if (!byEnglish.has(englishKey(c.draft.en))) byEnglish.set(englishKey(c.draft.en), c);
  };

  options.existing?.entries.forEach((entry, index) => {
    const draft: EntryDraft = { ...entry, tests: [], origin: { file: entry.location.file, line: entry.location.line, column: entry.location.column } };
    const c: Concept = { draft, where: at(draft.origin), existing: { index, entry, add: { viVariants: [], accepted: [], forms: [], forbidden: [], tests: [] } } };
    concepts.push(c);
    register(c);
  });

  let folded = 0;
  for (const raw of imported.entries) {
    const draft = clean(raw, notices);
    const shared = [draft.vi, ...draft.viVariants].map((t) => ({ t, c: byTerm.get(termKey(t)) })).find((x) => x.c);
    let target = shared?.c;
    if (target && englishKey(target.draft.en) !== englishKey(draft.en)) {
      throw new GlossaryError(
        `Vietnamese term "${shared!.t}" is already the term of the entry at ${target.where} ("${target.draft.vi}" → "${target.draft.en}"), with a different rendering "${draft.en}"`,
        { location: draft.origin, hint: 'Keep one rendering for the term (put the other under accepted), or make one Vietnamese term more specific, in either file.' },
      );
    }
    if (!target && options.groupByEnglish) {
      const same = byEnglish.get(englishKey(draft.en));
      if (same && !same.existing) target = same;
    }
    if (target) {
      fold(target, draft, notices);
      folded++;
      register(target);
      checkWithin(target);
    } else {
      const c: Concept = { draft, where: at(draft.origin) };
      checkWithin(c);
      concepts.push(c);
      register(c);
    }
  }
  checkAcross(concepts);

  const ids = new Set(options.existing?.entries.map((e) => e.id) ?? []);
  const added = concepts
    .filter((c) => !c.existing)
    .map((c) => {
      const base = c.draft.id !== undefined && slugify(c.draft.id) !== 'entry' ? slugify(c.draft.id) : slugify(c.draft.en);
      let id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
      ids.add(id);
      return { ...c.draft, id };
    });
  const extended = concepts.flatMap((c) => (c.existing && hasAdditions(c.existing.add) ? [c.existing] : []));
  return { added, extended, folded, notices };
}

/** NFC, trimmed, empty items dropped, repeats and items the entry already has removed. */
function clean(d: EntryDraft, notices: string[]): EntryDraft {
  const s = (x: string) => x.normalize('NFC').replace(/\s+/g, ' ').trim();
  const vi = s(d.vi);
  const en = s(d.en);
  const viSeen = new Set([termKey(vi)]);
  const viVariants = d.viVariants.map(s).filter((v) => v !== '' && !viSeen.has(termKey(v)) && viSeen.add(termKey(v)));
  let acronym = d.acronym === undefined ? undefined : s(d.acronym);
  const accepted = d.accepted.map(s);
  if (acronym !== undefined && !isAcronym(acronym)) {
    notices.push(`${at(d.origin)}: "${acronym}" is not all capitals, so it is an accepted rendering rather than the acronym`);
    accepted.push(acronym);
    acronym = undefined;
  }
  const enSeen = new Set([englishKey(en)]);
  const keep = (x: string) => x !== '' && !enSeen.has(englishKey(x)) && enSeen.add(englishKey(x));
  const out: EntryDraft = {
    ...d,
    vi,
    en,
    viVariants,
    accepted: accepted.filter(keep),
    forms: d.forms.map(s).filter(keep),
    forbidden: uniqueForbidden(d.forbidden.map((f) => ({ ...f, text: s(f.text) })).filter((f) => f.text !== '')),
    ...(acronym ? { acronym } : {}),
    ...(d.note !== undefined && d.note.trim() !== '' ? { note: d.note.normalize('NFC').trim() } : {}),
  };
  if (!acronym) delete out.acronym;
  if (out.note === undefined) delete out.note;
  return out;
}

function uniqueForbidden(list: ForbiddenRendering[]): ForbiddenRendering[] {
  const seen = new Set<string>();
  return list.filter((f) => !seen.has(englishKey(f.text)) && seen.add(englishKey(f.text)));
}

/** Adds what `draft` has and `target` lacks to `target` (and to its additions, for an existing entry). */
function fold(target: Concept, draft: EntryDraft, notices: string[]): void {
  const t = target.draft;
  const add = target.existing?.add;
  const viHave = new Set([t.vi, ...t.viVariants].map(termKey));
  for (const v of [draft.vi, ...draft.viVariants]) {
    if (viHave.has(termKey(v))) continue;
    viHave.add(termKey(v));
    t.viVariants = [...t.viVariants, v];
    add?.viVariants.push(v);
  }
  const enHave = new Set([t.en, ...t.accepted, ...t.forms].map(englishKey));
  for (const [list, key] of [[draft.accepted, 'accepted'], [draft.forms, 'forms']] as const) {
    for (const x of list) {
      if (enHave.has(englishKey(x))) continue;
      enHave.add(englishKey(x));
      t[key] = [...t[key], x];
      add?.[key].push(x);
    }
  }
  const fbHave = new Set(t.forbidden.map((f) => englishKey(f.text)));
  for (const f of draft.forbidden) {
    if (fbHave.has(englishKey(f.text))) continue;
    fbHave.add(englishKey(f.text));
    t.forbidden = [...t.forbidden, f];
    add?.forbidden.push(f);
  }
  if (draft.acronym !== undefined && draft.acronym !== t.acronym) {
    if (t.acronym === undefined) {
      t.acronym = draft.acronym;
      if (add) add.acronym = draft.acronym;
    } else {
      notices.push(`${at(draft.origin)}: kept the acronym ${t.acronym} of the entry at ${target.where}; the imported ${draft.acronym} was not merged`);
    }
  }
  if (draft.note !== undefined && !(t.note ?? '').includes(draft.note)) {
    if (t.note === undefined) {
      t.note = draft.note;
      if (add) add.note = draft.note;
    } else if (add) {
      const gist = draft.note.replace(/\s+/g, ' ');
      notices.push(`${at(draft.origin)}: kept the note of the entry at ${target.where}; the imported note was not merged: "${gist.length > 80 ? `${gist.slice(0, 79)}…` : gist}"`);
    } else {
      t.note = `${t.note}\n${draft.note}`;
    }
  }
  const testKey = (x: TestSpec) => JSON.stringify(x);
  const testsHave = new Set(t.tests.map(testKey));
  for (const x of draft.tests) {
    if (testsHave.has(testKey(x))) continue;
    testsHave.add(testKey(x));
    t.tests = [...t.tests, x];
    add?.tests.push(x);
  }
  if (draft.caseSensitive && !t.caseSensitive && !add) t.caseSensitive = true;
  if (draft.severity !== undefined && t.severity === undefined && !add) t.severity = draft.severity;
}

function approvedOf(d: EntryDraft): string[] {
  return [d.en, ...d.accepted, ...d.forms, ...(d.acronym ? [d.acronym] : [])];
}

/** A rendering both approved and forbidden in one entry, as the loader says it. */
function checkWithin(c: Concept): void {
  const approved = new Set(approvedOf(c.draft).map(englishKey));
  const clash = c.draft.forbidden.find((f) => approved.has(englishKey(f.text)));
  if (clash) {
    throw new GlossaryError(`"${clash.text}" in the entry at ${c.where} is both forbidden and approved`, {
      location: c.draft.origin,
      hint: 'Remove it from one of the two lists (mark the term either admitted or deprecated).',
    });
  }
}

/** A rendering one entry approves and another forbids, as the loader says it. */
function checkAcross(concepts: readonly Concept[]): void {
  const approvedBy = new Map<string, Concept>();
  for (const c of concepts) for (const a of approvedOf(c.draft)) if (!approvedBy.has(englishKey(a))) approvedBy.set(englishKey(a), c);
  for (const c of concepts) {
    for (const f of c.draft.forbidden) {
      const other = approvedBy.get(englishKey(f.text));
      if (!other || other === c || (c.existing && other.existing)) continue;
      const imported = c.existing ? other : c;
      throw new GlossaryError(`"${f.text}" is forbidden in the entry at ${c.where} but approved in the entry at ${other.where} ("${other.draft.vi}")`, {
        location: imported.draft.origin,
        hint: 'Make the forbidden rendering more specific (e.g. "Japanese Department of Defense"), or drop it.',
      });
    }
  }
}

function hasAdditions(a: EntryAdditions): boolean {
  return a.viVariants.length + a.accepted.length + a.forms.length + a.forbidden.length + a.tests.length > 0 || a.acronym !== undefined || a.note !== undefined;
}
