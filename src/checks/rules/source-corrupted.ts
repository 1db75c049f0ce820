import type { Check } from '../types.js';
import { compareQuantities, quantityDocumentKey } from '../quantities.js';
import type { Debris, DebrisKind, Quantity, QuantityKind } from '../../text/numbers/index.js';

/** What each kind of debris is, for the message. */
const DEBRIS: Readonly<Record<DebrisKind, string>> = {
  placeholder: 'a placeholder ("XNUMX") where the pipeline that produced the source dropped a number',
  'image-placeholder': 'an image placeholder left by the pipeline that produced the source',
  template: 'a template token left by the pipeline that produced the source',
  markup: 'markup left in the text',
  'replacement-character': 'characters lost in decoding (U+FFFD)',
  'empty-field': 'a field label whose value is missing',
  boilerplate: 'site chrome (navigation or boilerplate), not article text',
  'scrambled-date': 'a date whose parts are scrambled',
};

const KINDS = Object.keys(DEBRIS) as DebrisKind[];

/** What a corrupted quantity was, for "the date cannot be verified". */
const NOUNS: Readonly<Record<QuantityKind, string>> = {
  number: 'number', money: 'amount', percent: 'percentage', 'percentage-point': 'percentage', approximate: 'amount',
  fraction: 'fraction', ordinal: 'ordinal', date: 'date', weekday: 'weekday', time: 'time', century: 'century',
  decade: 'decade', quarter: 'quarter', period: 'period', multiple: 'multiple', code: 'name',
};

/**
 * The source holds debris of the pipeline that produced it: "XNUMX" where digits were, "tại
 * chỗ_img", "{{…}}", "[caption]", markup, U+FFFD, an empty "Ngày:", site chrome, or a date whose
 * parts are scrambled ("tháng 2023 năm 3"). What it stood for cannot be verified, so the finding
 * says so, points at what stands for it in the translation, and `number-mismatch` stays quiet there.
 */
export const sourceCorrupted: Check = {
  meta: {
    id: 'source-corrupted',
    description: 'The source holds debris left by the pipeline that produced it (placeholders, template tokens, markup), so the translation cannot be verified there.',
    severity: 'warning',
    fixable: false,
    paragraphScoped: true,
    options: {
      kinds: { type: 'string[]', default: KINDS, values: KINDS, description: `kinds of debris to report: ${KINDS.join(', ')}` },
    },
  },
  documentKey: quantityDocumentKey,
  create(context) {
    const kinds = new Set((context.options.kinds as readonly string[] | undefined) ?? KINDS);
    return {
      paragraph(pair) {
        const found = compareQuantities(pair, context);
        const inQuantity = new Set<Debris>();
        const corrupted = found.source.filter((q) => q.corrupted);
        for (const q of corrupted) {
          for (const d of found.debris) if (d.start < q.end && d.end > q.start) inQuantity.add(d);
          if (!kinds.has(q.corrupted!)) continue;
          const counterparts = found.counterparts.get(q) ?? [];
          const first = counterparts[0];
          const last = counterparts[counterparts.length - 1];
          context.report({
            message: quantityMessage(q),
            targetRange: first && last ? [Math.min(first.start, last.start), Math.max(first.end, last.end)] : undefined,
            sourceRange: [q.start, q.end],
            ...(first ? { actual: context.targetText.slice(Math.min(first.start, last!.start), Math.max(first.end, last!.end)) } : {}),
            note: 'number-mismatch does not check it; compare with the original article',
          });
        }
        for (const d of found.debris) {
          if (inQuantity.has(d) || !kinds.has(d.kind)) continue;
          context.report({
            message: `"${d.text}" in the source is ${DEBRIS[d.kind]}: the translation cannot be checked against it`,
            sourceRange: [d.start, d.end],
          });
        }
      },
    };
  },
};

function quantityMessage(q: Quantity): string {
  if (q.corrupted === 'scrambled-date') {
    return `"${q.text}" in the source is ${DEBRIS['scrambled-date']}: the date cannot be verified`;
  }
  return `"${q.text}" in the source holds ${DEBRIS[q.corrupted!]}: the ${NOUNS[q.kind]} cannot be verified`;
}
