/** The language server and the pure pieces it is made of. */
export { startLanguageServer, type LanguageServerOptions } from './server.js';
export { pairTranslation, type Pairing } from './pairing.js';
export { findingToDiagnostic, DIAGNOSTIC_SOURCE } from './diagnostics.js';
export { codeActions, FIX_ALL_FORBIDDEN } from './actions.js';
export { entryAt, entryMarkdown } from './glossary-info.js';
