/** Which folder the user's relative paths are relative to. */
import { dirname, resolve } from 'node:path';

/**
 * The folder the user ran the command in. `npm run vitrans -- check ../x` runs the script in the
 * package root and keeps the user's folder in INIT_CWD; any other run (including a vitrans that
 * an npm script starts somewhere else) uses the process's own folder.
 * @example invocationDirectory({ INIT_CWD: '/p/articles', npm_package_json: '/p/package.json', npm_lifecycle_event: 'vitrans' }, '/p') // '/p/articles'
 */
export function invocationDirectory(env: Readonly<Record<string, string | undefined>>, processCwd: string): string {
  const initCwd = env.INIT_CWD;
  const packageJson = env.npm_package_json;
  if (!initCwd || !packageJson || !env.npm_lifecycle_event) return processCwd;
  // npm starts scripts in the package root: if we are not there, something else started us.
  return resolve(dirname(packageJson)) === resolve(processCwd) ? resolve(initCwd) : processCwd;
}
