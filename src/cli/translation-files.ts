/** Moved to formats/translation-files.ts (library code reads these names too); kept for the commands that import it here. */
export * from '../formats/translation-files.js';
