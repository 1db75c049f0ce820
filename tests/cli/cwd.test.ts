import { describe, expect, it } from 'vitest';
import { invocationDirectory } from '../../src/cli/cwd.js';

describe('invocationDirectory', () => {
  const npm = { INIT_CWD: '/p/articles/2024', npm_package_json: '/p/package.json', npm_lifecycle_event: 'vitrans' };

  it('is the folder npm was run in when npm runs the script in the package root', () => {
    expect(invocationDirectory(npm, '/p')).toBe('/p/articles/2024');
  });

  it('is the process folder otherwise: no npm, or a vitrans an npm script started elsewhere', () => {
    expect(invocationDirectory({}, '/home/u/news')).toBe('/home/u/news');
    expect(invocationDirectory({ INIT_CWD: '/p' }, '/tmp/x')).toBe('/tmp/x');
    expect(invocationDirectory(npm, '/tmp/vitrans-test')).toBe('/tmp/vitrans-test');
  });
});
