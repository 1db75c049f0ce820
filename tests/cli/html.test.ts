import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runVitrans } from './run-cli.js';
import { ENV, ROOT, answeringEngine, tree, useProjects } from './inputs-helpers.js';

const make = useProjects();
const PAGE = fs.readFileSync(path.join(ROOT, 'tests/formats/fixtures/zephyrnet-article.html'));

/** An engine that marks each text as translated ("[en] …"), keeping every placeholder where it was; it records what it was sent. */
const markingEngine = (): string[] => answeringEngine((source) => `[en] ${source}`).sent;

describe('web pages as articles', () => {
  it('translate page.html sends only the article and writes it as Markdown of the same structure', async () => {
    const dir = make({ 'page.html': PAGE });
    const sent = markingEngine();
    const r = await runVitrans(['translate', 'page.html', '-e', 'openai', '--no-cache'], { cwd: dir, env: ENV });
    expect(r.code).toBe(0);
    expect(tree(path.join(dir, 'out'))).toEqual(['page.bilingual.json', 'page.openai.en.md']);
    expect(sent).toHaveLength(9);
    expect(sent.join('\n')).not.toMatch(/Trang chủ|Quảng cáo|Chia sẻ|Tin tức mới nhất|Bảo lưu/);
    // Links and bold are placeholders for the engine, and come back in place.
    expect(sent.find((s) => s.startsWith('Vào ngày 25'))).toMatch(/^Vào ngày 25 tháng XNUMX, ⟦1⟧Nhà Trắng⟦2⟧ công bố/);
    const md = fs.readFileSync(path.join(dir, 'out/page.openai.en.md'), 'utf8');
    const blocks = md.trimEnd().split('\n\n');
    expect(blocks.map((b) => b.split(' ').slice(0, 3).join(' '))).toEqual(['# [en] Tận', '[en] Vào ngày', '[en] Chuyến thăm', '## [en] Hợp', '[en] Bộ trưởng', '> [en] *Ngoài', '- [en] Thiết', '[en] Cuối cùng,']);
    expect(md).toContain('[Nhà Trắng](https://www.whitehouse.gov/briefing-room/) công bố');
    expect(md).toContain('\n- [en] Tên lửa Patriot do Nhật Bản sản xuất\n');

    // The output folder checks against the page, read again as its article.
    const check = await runVitrans(['check', 'out', '-f', 'json'], { cwd: dir, env: ENV });
    expect(check.stderr).toBe('');
    const report = JSON.parse(check.stdout) as { files: { source: string; translations: string[] }[] };
    expect(report.files).toEqual([{ source: 'page.html', translations: ['out/page.openai.en.md'] }]);
    const direct = await runVitrans(['check', 'page.html', 'out/page.openai.en.md', '-f', 'json'], { cwd: dir, env: ENV });
    expect(direct.stderr).toBe('');
    expect([0, 1]).toContain(direct.code);
  });

  it('clean page.html prints the article as Markdown; --in-place is refused rather than replacing the page', async () => {
    const dir = make({ 'page.html': PAGE });
    const r = await runVitrans(['clean', 'page.html', '-o', 'article.vi.md'], { cwd: dir, env: ENV });
    expect(r.code).toBe(0);
    const md = fs.readFileSync(path.join(dir, 'article.vi.md'), 'utf8');
    expect(md.startsWith('# Tận dụng tối đa hợp tác công nghiệp quốc phòng Nhật-Mỹ\n\nVào ngày 25 tháng XNUMX, [Nhà Trắng](https://www.whitehouse.gov/briefing-room/)')).toBe(true);
    expect(md).not.toContain('Quảng cáo');
    const inPlace = await runVitrans(['clean', 'page.html', '--in-place'], { cwd: dir, env: ENV });
    expect(inPlace.code).toBe(2);
    expect(inPlace.stderr).toMatch(/--in-place would replace the web page page\.html with its article as Markdown/);
    expect(fs.readFileSync(path.join(dir, 'page.html'))).toEqual(PAGE);
  });

  it('a page without an article is one line and exit 2', async () => {
    const dir = make({ 'home.html': '<!doctype html><html><head><title>Zephyrnet</title></head><body><nav><a href="/">Trang chủ</a></nav></body></html>' });
    const r = await runVitrans(['translate', 'home.html', '-e', 'openai', '--no-cache'], { cwd: dir, env: ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vitrans: home\.html: error: no article found in this web page \(/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
