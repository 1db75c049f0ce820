/**
 * Checking one article as read from disk (formats/articles.ts): encoding warnings of every file,
 * then each translation against the source view it translates. `vitrans check` and the language
 * server both check through here, so they find the same things.
 */
import type { Finding, Paragraph } from '../core/types.js';
import type { TextFile } from '../text/read.js';
import { blankMarkdownCode, isMarkdownFile } from '../formats/markdown/checkable.js';
import type { LoadedArticle, SourceView } from '../formats/articles.js';
import { checkTranslation, prepareSource, type CheckMemo, type CheckRun, type CheckTools, type PreparedSource, type TermOutcome, type TextDocument } from './runner.js';

/** What one article's check gives: findings, term outcomes, and each translation's paragraphs by file. */
export interface ArticleCheck {
  findings: Finding[];
  outcomes: TermOutcome[];
  paragraphs: Map<string, readonly Paragraph[]>;
}

/** What a caller that checks the same article again and again (the editor) keeps between checks. */
export interface ArticleReuse {
  /** Prepares a source view (default: `prepareSource`); a cache returns the one prepared before for the same text. */
  prepare?: (doc: TextDocument, tools: CheckTools) => PreparedSource;
  /** The memo of each translation, by its path. */
  memo?: (translationPath: string) => CheckMemo | undefined;
}

/**
 * Findings of one article: encoding warnings of every file, then each translation's checks against
 * the source view it translates (files named as `shown` gives them).
 */
export function checkArticle(article: LoadedArticle, tools: CheckTools, shown: (p: string) => string, run: CheckRun, reuse: ArticleReuse = {}): ArticleCheck {
  const findings: Finding[] = [];
  const outcomes: TermOutcome[] = [];
  const paragraphs = new Map<string, readonly Paragraph[]>();
  const source = article.source.file;
  const prepare = reuse.prepare ?? prepareSource;
  for (const file of [source, ...article.translations]) for (const f of encodingFindings(file, shown(file.path))) findings.push(f);
  // A source is matched once per view (a bilingual file may record a cleaning of its own).
  const prepared = new Map<SourceView, PreparedSource>();
  for (const t of article.translations) {
    let p = prepared.get(t.source);
    if (!p) {
      p = prepare({ file: shown(source.path), text: t.source.text, ...(t.source.paragraphs ? { paragraphs: t.source.paragraphs } : {}) }, tools);
      prepared.set(t.source, p);
    }
    const markdown = t.markdown ?? isMarkdownFile(t.path);
    const doc = { file: shown(t.path), text: markdown ? blankMarkdownCode(t.text) : t.text, engine: t.engine, markdown, ...(t.paragraphs ? { paragraphs: t.paragraphs } : {}), ...(t.position ? { position: t.position } : {}) };
    const r = checkTranslation(p, doc, tools, run, reuse.memo?.(t.path));
    for (const item of t.relocate ? r.findings.map(t.relocate) : r.findings) findings.push(t.noTextEdits && item.fix ? withoutFix(item) : item);
    for (const item of t.findings ?? []) findings.push(item);
    for (const item of r.outcomes) outcomes.push(item);
    paragraphs.set(r.translation, r.paragraphs);
  }
  return { findings, outcomes, paragraphs };
}

/** A finding without its fix: its message still says what to write (term-forbidden: "use …"). */
function withoutFix(finding: Finding): Finding {
  const copy = { ...finding };
  delete copy.fix;
  return copy;
}

/** Mojibake and other reading warnings, as findings so every report shows them. */
export function encodingFindings(file: TextFile, shownPath: string): Finding[] {
  return file.warnings.map((w) => ({
    ruleId: `encoding-${w.code}`,
    severity: 'warning' as const,
    message: w.message,
    file: shownPath,
    span: {
      start: { line: w.line, column: w.column, offset: w.offset },
      end: { line: w.line, column: w.column, offset: w.offset },
    },
  }));
}
