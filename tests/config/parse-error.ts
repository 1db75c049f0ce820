import { ConfigError } from '../../src/core/errors.js';
import { parseConfig } from '../../src/config/load.js';

/** The ConfigError `parseConfig` throws for `text` read as `file`; fails the test when it throws none. */
export function configErrorOf(text: string, file: string): ConfigError {
  try {
    parseConfig(text, file);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}
