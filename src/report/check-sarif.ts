/**
 * The check report as SARIF 2.1.0, for code-scanning tools (GitHub code scanning, IDE viewers):
 * one run, the checks as rules, each finding a result at its translation position, the Vietnamese
 * source term as a related location, and `--fix` replacements as SARIF fixes. Suppressed findings
 * are results with `suppressions` (inline: `inSource`; suppressions lists and baselines: `external`),
 * every result has a `partialFingerprints` entry, and against a baseline a `baselineState`.
 */
import type { Finding, Severity, Span } from '../core/types.js';
import { mapped } from '../core/iterate.js';
import { jsonItems, jsonPieces } from './json-pieces.js';
import type { CheckReport } from './types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** What SARIF calls a region; columns count Unicode code points (`columnKind` says so). */
function region(span: Span) {
  return { startLine: span.start.line, startColumn: span.start.column, endLine: span.end.line, endColumn: span.end.column };
}

/** How SARIF says where a suppression lives: in the file itself, or outside it (a list, a baseline). */
const SUPPRESSION_KIND = { inline: 'inSource', file: 'external', baseline: 'external' } as const;

function result(f: Finding, withBaseline: boolean) {
  const out: Record<string, unknown> = {
    ruleId: f.ruleId,
    level: LEVEL[f.severity],
    message: { text: f.expected?.length ? `${f.message} (expected: ${f.expected.join(' | ')})` : f.message },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: uri(f.file) }, ...(f.span ? { region: region(f.span) } : {}) },
        // The bilingual unit (XLIFF unit, TMX tu) by its id, as the CAT tool names it.
        ...(f.unit !== undefined ? { logicalLocations: [{ name: f.unit, kind: 'element' }] } : {}),
      },
    ],
  };
  const related: Record<string, unknown>[] = [];
  if (f.source) {
    related.push({ id: 1, message: { text: `source term "${f.source.text}"` }, physicalLocation: { artifactLocation: { uri: uri(f.source.file) }, region: region(f.source.span) } });
  }
  for (const r of f.related ?? []) {
    related.push({ id: related.length + 1, message: { text: r.message }, physicalLocation: { artifactLocation: { uri: uri(r.file) }, region: { startLine: r.line, startColumn: r.column } } });
  }
  if (related.length > 0) out.relatedLocations = related;
  // A fix maps onto the finding's own span (term-forbidden replaces exactly what it reports).
  if (f.fix && f.span && f.fix.range[0] === f.span.start.offset && f.fix.range[1] === f.span.end.offset) {
    out.fixes = [
      {
        description: { text: `replace with "${f.fix.text}"` },
        artifactChanges: [{ artifactLocation: { uri: uri(f.file) }, replacements: [{ deletedRegion: region(f.span), insertedContent: { text: f.fix.text } }] }],
      },
    ];
  }
  if (f.fingerprint) out.partialFingerprints = { 'vitrans/v1': f.fingerprint };
  if (f.suppression) {
    const s = f.suppression;
    const location = s.at.line !== undefined
      ? { physicalLocation: { artifactLocation: { uri: uri(s.at.file) }, region: { startLine: s.at.line, ...(s.at.column !== undefined ? { startColumn: s.at.column } : {}) } } }
      : { physicalLocation: { artifactLocation: { uri: uri(s.at.file) } } };
    out.suppressions = [{ kind: SUPPRESSION_KIND[s.kind], status: 'accepted', justification: s.reason, location }];
  }
  // Against a baseline, each result says whether it is new or was recorded there.
  if (withBaseline) out.baselineState = f.suppression?.kind === 'baseline' ? 'unchanged' : 'new';
  const properties: Record<string, unknown> = {};
  if (f.termId) properties.termId = f.termId;
  if (f.paragraph !== undefined) properties.paragraph = f.paragraph;
  if (f.engine) properties.engine = f.engine;
  if (f.unit !== undefined) properties.unit = f.unit;
  if (f.actual !== undefined) properties.actual = f.actual;
  if (Object.keys(properties).length > 0) out.properties = properties;
  return out;
}

/**
 * A path as SARIF's `artifactLocation.uri` (forward slashes, each segment percent-encoded): a
 * relative path as a relative reference, an absolute one as a file:// URI (a UNC path's server as its host).
 */
function uri(path: string): string {
  const drive = /^[A-Za-z]:(?=[\\/])/.exec(path)?.[0];
  const rest = drive ? path.slice(drive.length) : path;
  const encoded = rest.split(/[\\/]/).map(encodeURIComponent).join('/');
  if (drive) return `file:///${drive}${encoded}`;
  if (encoded.startsWith('//')) return `file:${encoded}`;
  return encoded.startsWith('/') ? `file://${encoded}` : encoded;
}

/**
 * Formats a check report as SARIF 2.1.0 JSON.
 * @example JSON.parse(formatCheckSarif(report, { version: '0.1.0' })).runs[0].results.length
 */
export function formatCheckSarif(report: CheckReport, tool: { version: string }): string {
  return [...checkSarifPieces(report, tool)].join('');
}

/** The SARIF report in pieces, a result each; joined, they are `formatCheckSarif`'s text. */
export function* checkSarifPieces(report: CheckReport, tool: { version: string }): Generator<string> {
  const ids = [...new Set([...(report.rules ?? []).map((r) => r.id), ...report.findings.map((f) => f.ruleId)])].sort();
  const rules = ids.map((id) => {
    const described = report.rules?.find((r) => r.id === id);
    return { id, shortDescription: { text: described?.description ?? id } };
  });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'vitrans', version: tool.version, rules } },
        columnKind: 'unicodeCodePoints',
        results: jsonItems(mapped(report.findings, (f) => result(f, report.baseline !== undefined))),
      },
    ],
  };
  yield* jsonPieces(sarif);
  yield '\n';
}
