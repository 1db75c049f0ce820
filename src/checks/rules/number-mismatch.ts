import type { Check, ReportDescriptor } from '../types.js';
import { compareQuantities, quantityDocumentKey } from '../quantities.js';
import { describeDate, describeReading, englishQualifier, qualifiersContradict, vietnameseQualifier, type QualifierBound, type Quantity } from '../../text/numbers/index.js';
import { LineIndex } from '../../text/positions.js';
import { sourcePlaceNote } from '../../core/source-note.js';

/**
 * Every number, amount, percentage, date and count of a source paragraph must be in its
 * translation with the same value, and the translation must not add any: "2,4 tỷ USD" is
 * "$2.4 billion", "ngày 10 tháng 4 năm 2024" is "April 10, 2024". Values are compared, not
 * spellings; names with digits ("F-35") are compared as names; a weekday stands for a date of the
 * paragraph that falls on it ("Ngày 10/6/2025" as "on Tuesday"), another weekday is an error that
 * says which the date is; a value bounded the other way
 * ("hơn 100" as "nearly 100") is a warning; debris in the source is left to
 * `source-corrupted`. A value written only in words on both sides ("hai" / "three") is a warning,
 * since words are weaker evidence than digits.
 */
export const numberMismatch: Check = {
  meta: {
    id: 'number-mismatch',
    description: 'A number, amount, percentage, date or count of the source is missing, wrong or added in the translation.',
    severity: 'error',
    fixable: false,
    paragraphScoped: true,
    options: {
      words: { type: 'boolean', default: true, description: 'also compare numbers written in words ("hai nước", "two countries")' },
      added: { type: 'boolean', default: true, description: 'report numbers the translation has and the source does not' },
      names: { type: 'boolean', default: true, description: 'compare names with digits in them ("F-35", "SM-3", "054A")' },
      qualifiers: { type: 'boolean', default: true, description: 'report a value whose qualifier the translation turns around ("hơn 100" as "nearly 100", "gần 300" as "more than 300")' },
      conversions: {
        type: 'boolean',
        default: true,
        description: 'let a translation convert an amount of the source into another currency beside it, in brackets or after "or" ("VND 81.5 trillion ($3.3 billion)"); false reports the conversion as added',
      },
    },
  },
  documentKey: quantityDocumentKey,
  create(context) {
    const words = context.options.words !== false;
    const added = context.options.added !== false;
    const names = context.options.names !== false;
    const conversions = context.options.conversions !== false;
    const qualifiers = context.options.qualifiers !== false;
    let lines: LineIndex | undefined;
    const whereAt = (offset: number): string => {
      lines ??= new LineIndex(context.sourceText);
      return sourcePlaceNote(lines.position(offset));
    };
    const where = (q: Quantity): string => whereAt(q.start);
    const skip = (q: Quantity): boolean => (!words && q.words) || (!names && q.kind === 'code');
    return {
      paragraph(pair) {
        const found = compareQuantities(pair, context);
        const reports: ReportDescriptor[] = [];
        for (const { source, target, falls } of found.wrong) {
          if (skip(source) && skip(target)) continue;
          const weekday = falls && describeReading({ kind: 'weekday', value: falls.weekday });
          reports.push({
            message: falls
              ? `${quote(source)} is rendered as ${quote(target)}, but ${describeDate({ ...source.date, year: falls.year })} is a ${weekday}`
              : `${quote(source)} is rendered as ${quote(target)}`,
            // A weekday is a name, not a number word: a wrong one is as wrong as a wrong date.
            severity: source.words && target.words && !(source.kind === 'weekday' && target.kind === 'weekday') ? 'warning' : 'error',
            targetRange: [target.start, target.end],
            sourceRange: [source.start, source.end],
            expected: [weekday ?? expectedOf(source)],
            actual: target.text,
            note: where(source),
          });
        }
        if (qualifiers) {
          for (const { source, target } of found.matched) {
            if (skip(source) && skip(target)) continue;
            const s = vietnameseQualifier(context.sourceText, source.start);
            const t = s && englishQualifier(context.targetText, target.start);
            if (!s || !t || !qualifiersContradict(s.bound, t.bound)) continue;
            const sourceText = context.sourceText.slice(s.start, source.end);
            const targetText = context.targetText.slice(t.start, target.end);
            reports.push({
              message: `"${sourceText}" is rendered as "${targetText}": the translation bounds the value the other way`,
              severity: 'warning',
              targetRange: [t.start, target.end],
              sourceRange: [s.start, source.end],
              expected: [`${BOUND_WORDS[s.bound]} ${describeReading(source)}`],
              actual: targetText,
              note: whereAt(s.start),
            });
          }
        }
        for (const source of found.missing) {
          if (skip(source)) continue;
          reports.push({
            message: `${quote(source)} is missing from the translation`,
            // A year alone may be rendered "last year"; a name may be paraphrased: weaker evidence.
            severity: source.words || source.kind === 'code' || onlyYear(source) ? 'warning' : 'error',
            sourceRange: [source.start, source.end],
            expected: [expectedOf(source)],
            note: where(source),
          });
        }
        if (added) {
          for (const target of conversions ? found.added : [...found.added, ...found.conversions].sort((a, b) => a.start - b.start)) {
            if (skip(target)) continue;
            const year = target.kind === 'date' && target.date?.month === undefined && target.date?.day === undefined;
            const plainYear = year || target.also.some((r) => r.kind === 'date' && r.date?.month === undefined);
            reports.push({
              message: `${quote(target)} is not in the source`,
              severity: target.words || target.kind === 'code' || plainYear ? 'warning' : 'error',
              targetRange: [target.start, target.end],
              actual: target.text,
              ...(plainYear ? { note: 'the source may name the year in words ("năm nay", "năm ngoái")' } : {}),
            });
          }
        }
        reports.sort((a, b) => (a.targetRange?.[0] ?? pair.target.start) - (b.targetRange?.[0] ?? pair.target.start));
        for (const r of reports) context.report(r);
      },
    };
  },
};

/** How each bound is said in English, for the value expected. */
const BOUND_WORDS: Readonly<Record<QualifierBound, string>> = {
  above: 'more than', 'at-least': 'at least', about: 'about', approaching: 'nearly', below: 'less than', 'at-most': 'up to',
};

function onlyYear(q: Quantity): boolean {
  return q.kind === 'date' && q.date?.year !== undefined && q.date.month === undefined && q.date.day === undefined;
}

/** What the translation should have: the value in words, or a name (a document code) as the source writes it, never its matching key. */
function expectedOf(q: Quantity): string {
  return q.kind === 'code' ? q.text : valueText(q);
}

/** A quantity's value in words; a number that may be a year as a year is written ("2016", not "2,016"). */
function valueText(q: Quantity): string {
  const year = q.kind === 'number' && q.also.some((r) => r.kind === 'date' && r.date?.year === q.value);
  return year ? String(q.value) : describeReading(q);
}

/** `"2,4 tỷ USD" (2.4 billion USD)`; a name is its own description. */
function quote(q: Quantity): string {
  const value = valueText(q);
  return q.kind === 'code' || value.toLowerCase() === q.text.toLowerCase() ? `"${q.text}"` : `"${q.text}" (${value})`;
}
