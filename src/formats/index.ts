/** Document formats: Markdown (segments for translation, checkable text), the bilingual JSON, source cleaning, reading articles. */
export { parseMarkdown, renderMarkdown } from './markdown/segments.js';
export type { MarkdownDocument, MarkdownSegment } from './markdown/segments.js';
export { checkableText, isMarkdownFile } from './markdown/checkable.js';
export * from './bilingual.js';
export * from './clean.js';
export * from './articles.js';
