/**
 * `-o` to a path the file system refuses for a reason of the path itself (a folder already has the
 * name, a file stands where a folder should be): a user error in one line, exit 2, and no
 * temporary file left beside it, for every command that writes a file there.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBilingual } from '../../src/formats/bilingual.js';
import { runVitrans } from './run-cli.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SOURCE = [
  'Ngày 10/4, Nhật Bản và Mỹ nhất trí hợp tác phát triển Thiết bị đánh chặn pha bay (GPI).',
  'Hai bên cũng thảo luận về việc hợp tác sản xuất tên lửa AMRAAM tại Nhật Bản.',
];
const TRANSLATION = [
  'On April 10, Japan and the United States agreed to co-develop the Glide Phase Interceptor (GPI).',
  'The two sides also discussed co-producing AMRAAM missiles in Japan.',
];

function project(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-output-paths-'));
  fs.copyFileSync(path.join(ROOT, 'glossary.yaml'), path.join(dir, 'glossary.yaml'));
  fs.writeFileSync(path.join(dir, 'gpi.vi.txt'), SOURCE.join('\n\n') + '\n');
  fs.writeFileSync(path.join(dir, 'gpi.en.txt'), TRANSLATION.join('\n\n') + '\n');
  const doc = buildBilingual({ file: 'gpi.vi.txt', format: 'text', sourceLang: 'vi', targetLang: 'en' }, null, SOURCE, [
    {
      engine: 'deepl',
      model: 'deepl',
      output: 'out/gpi.vi.deepl.en.txt',
      translations: TRANSLATION.map((target, i) => ({ source: SOURCE[i]!, target, engine: 'deepl', model: 'deepl', cached: false, warnings: [] })),
      paragraphFindings: TRANSLATION.map(() => []),
      otherFindings: [],
    },
  ]);
  fs.writeFileSync(path.join(dir, 'gpi.bilingual.json'), JSON.stringify(doc, null, 2));
  fs.mkdirSync(path.join(dir, 'reports'));
  return dir;
}

/** Every file under `dir`, relative to it. */
const filesIn = (dir: string): string[] => (fs.readdirSync(dir, { recursive: true }) as string[]).sort();

const COMMANDS: [string, string[]][] = [
  ['check', ['check', 'gpi.vi.txt', 'gpi.en.txt']],
  ['compare', ['compare', 'gpi.vi.txt', 'gpi.en.txt']],
  ['export tmx', ['export', 'tmx', 'gpi.bilingual.json']],
  ['glossary export', ['glossary', 'export', '--format', 'deepl-tsv']],
  ['clean', ['clean', 'gpi.vi.txt']],
];

describe('-o to a path that cannot be a file', () => {
  for (const [name, args] of COMMANDS) {
    it(`${name}: a folder of that name, or a file on the way, is one line and exit 2`, async () => {
      const dir = project();
      const before = filesIn(dir);
      const onFolder = await runVitrans([...args, '-o', 'reports'], { cwd: dir, env: {} });
      expect(onFolder.stderr).toBe('vitrans: reports: error: cannot write: a folder stands where the file should be (EISDIR) (write to another place)\n');
      expect(onFolder.code).toBe(2);
      const underFile = await runVitrans([...args, '-o', 'gpi.vi.txt/report.txt'], { cwd: dir, env: {} });
      expect(underFile.stderr).toMatch(/^vitrans: gpi\.vi\.txt\/report\.txt: error: cannot write: a file stands where a folder should be \((EEXIST|ENOTDIR)\) \(write to another place\)\n$/);
      expect(underFile.code).toBe(2);
      // Nothing beside them: no temporary file, the source untouched (the compiled glossary aside).
      expect(filesIn(dir).filter((f) => !f.startsWith('.vitrans-cache'))).toEqual(before);
      expect(fs.readFileSync(path.join(dir, 'gpi.vi.txt'), 'utf8')).toBe(SOURCE.join('\n\n') + '\n');
    });
  }
});
