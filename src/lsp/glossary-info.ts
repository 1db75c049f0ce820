/**
 * Hovers and definitions: the glossary entry behind an English rendering or a Vietnamese term at
 * a place in a text, as Markdown, and where that entry is written in glossary.yaml.
 */
import type { CheckTools } from '../checks/runner.js';
import type { GlossaryEntry } from '../glossary/types.js';

/** A glossary entry found at an offset, and the passage that named it. */
export interface EntryAt {
  entry: GlossaryEntry;
  start: number;
  end: number;
  /** How the passage stands to the entry: a Vietnamese term, or the kind of English rendering. */
  kind: 'vietnamese' | 'canonical' | 'accepted' | 'form' | 'acronym' | 'forbidden';
}

/**
 * The entry whose term or rendering covers `offset` in `text`. Only the paragraph around the
 * offset is matched (a hover in a 2 MB file reads one paragraph), English first, then Vietnamese.
 */
export function entryAt(text: string, offset: number, tools: Pick<CheckTools, 'vi' | 'en'>): EntryAt | undefined {
  const from = paragraphStart(text, offset);
  const to = paragraphEnd(text, offset);
  const slice = text.slice(from, to);
  const at = offset - from;
  const english = tools.en.find(slice).find((m) => m.start <= at && at < m.end);
  if (english) return { entry: english.entry, start: english.start + from, end: english.end + from, kind: english.kind };
  const vietnamese = tools.vi.find(slice).find((m) => m.start <= at && at < m.end);
  if (vietnamese) return { entry: vietnamese.entry, start: vietnamese.start + from, end: vietnamese.end + from, kind: 'vietnamese' };
  return undefined;
}

const BLANK_LINE = /\n[ \t]*\r?\n/g;

function paragraphStart(text: string, offset: number): number {
  let start = 0;
  // The last blank line before the offset; scanning backwards from a window keeps this local.
  const windowStart = Math.max(0, offset - 20_000);
  BLANK_LINE.lastIndex = windowStart;
  for (let m = BLANK_LINE.exec(text); m && m.index + m[0].length <= offset; m = BLANK_LINE.exec(text)) start = m.index + m[0].length;
  return start === 0 ? windowStart : start;
}

function paragraphEnd(text: string, offset: number): number {
  BLANK_LINE.lastIndex = offset;
  const m = BLANK_LINE.exec(text);
  return m ? m.index : text.length;
}

const KIND_LABEL: Record<EntryAt['kind'], string> = {
  vietnamese: 'the Vietnamese term',
  canonical: 'the approved rendering',
  accepted: 'an accepted rendering',
  form: 'an accepted form',
  acronym: 'its acronym',
  forbidden: 'a **forbidden** rendering',
};

/** The entry as Markdown: Vietnamese, approved, accepted and forbidden forms, acronym, note. */
export function entryMarkdown(found: EntryAt): string {
  const e = found.entry;
  const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;
  const lines = [`**${e.vi}** → **${e.en}**${e.acronym ? ` (${e.acronym})` : ''} · ${KIND_LABEL[found.kind]} · glossary entry ${code(e.id)}`, ''];
  if (e.viVariants.length > 0) lines.push(`- Vietnamese also: ${e.viVariants.join('; ')}`);
  lines.push(`- Approved: ${e.en}`);
  if (e.accepted.length > 0) lines.push(`- Accepted: ${e.accepted.join('; ')}`);
  if (e.forms.length > 0) lines.push(`- Forms: ${e.forms.join('; ')}`);
  if (e.acronym) lines.push(`- Acronym: ${e.acronym}`);
  for (const f of e.forbidden) lines.push(`- Forbidden: ~~${f.text}~~${f.use ? ` → use ${f.use}` : ''}${f.note ? ` (${f.note})` : ''}`);
  if (e.note) lines.push('', e.note);
  return lines.join('\n');
}
