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

  it('translate page.html --html also writes the translation as a clean HTML page, the engine’s text escaped', async () => {
    const dir = make({ 'page.html': PAGE });
    // One answer carries markup of its own, as engines sometimes do: it must come out as text.
    answeringEngine((source) => (source.startsWith('Cuối cùng') ? `[en] <script>alert("x")</script> & ${source}` : `[en] ${source}`));
    const r = await runVitrans(['translate', 'page.html', '-e', 'openai', '--no-cache', '--html'], { cwd: dir, env: ENV });
    expect(r.code).toBe(0);
    expect(tree(path.join(dir, 'out'))).toEqual(['page.bilingual.json', 'page.openai.en.html', 'page.openai.en.md']);
    const html = fs.readFileSync(path.join(dir, 'out/page.openai.en.html'), 'utf8');
    expect(html.startsWith('<!doctype html>\n<html lang="en">\n')).toBe(true);
    expect(html).toMatch(/<title>\[en\] Tận dụng tối đa hợp tác công nghiệp quốc phòng Nhật-Mỹ<\/title>/);
    expect(html).toMatch(/<h1>\[en\] Tận dụng/);
    expect(html).toContain('<a href="https://www.whitehouse.gov/briefing-room/">Nhà Trắng</a> công bố');
    expect(html).toMatch(/<h2>\[en\] Hợp/);
    expect(html).toMatch(/<blockquote>\n<p>\[en\] <em>Ngoài/);
    expect(html).toMatch(/<ul>\n<li>\[en\] Thiết/);
    expect(html).toContain('<p>[en] &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Cuối cùng,');
    expect(html).not.toMatch(/<script|Quảng cáo|Chia sẻ/);
    // The Markdown stays, and is what the bilingual JSON and findings name.
    expect(fs.readFileSync(path.join(dir, 'out/page.openai.en.md'), 'utf8')).toContain('# [en] Tận dụng');

    fs.writeFileSync(path.join(dir, 'bai.vi.txt'), 'Nhật Bản và Mỹ tăng cường hợp tác quốc phòng.\n');
    const text = await runVitrans(['translate', 'bai.vi.txt', '-e', 'openai', '--no-cache', '--html'], { cwd: dir, env: ENV });
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/^vitrans: error: --html writes the translations of web pages and Markdown articles as HTML, and bai\.vi\.txt is neither \(/);
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

describe('a web page translated, then checked through its bilingual JSON', () => {
  // A defence news page whose article ends with a list: translate sends each item alone, and the
  // JSON keeps one paragraph per item, while the page, read as its article, has the list as one.
  const NEWS = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Tin quốc phòng</title></head>
<body><nav><a href="/">Trang chủ</a></nav>
<article>
<h1>Việt Nam và Nhật Bản tăng cường hợp tác quốc phòng</h1>
<p>Bộ trưởng Quốc phòng hai nước đã hội đàm tại Hà Nội hôm thứ Ba và nhất trí đẩy mạnh hợp tác trong lĩnh vực an ninh hàng hải, đào tạo và công nghiệp quốc phòng.</p>
<p>Hai bên cũng trao đổi về tình hình khu vực và khẳng định tầm quan trọng của việc giải quyết tranh chấp bằng biện pháp hòa bình, phù hợp với luật pháp quốc tế.</p>
<ul><li>Tăng cường trao đổi đoàn cấp cao giữa hai bộ.</li><li>Hợp tác trong lĩnh vực khắc phục hậu quả chiến tranh.</li></ul>
</article></body></html>
`;
  const ENGLISH: Record<string, string> = {
    'Việt Nam và Nhật Bản tăng cường hợp tác quốc phòng': 'Vietnam and Japan step up defence cooperation',
    'Bộ trưởng Quốc phòng hai nước đã hội đàm tại Hà Nội hôm thứ Ba và nhất trí đẩy mạnh hợp tác trong lĩnh vực an ninh hàng hải, đào tạo và công nghiệp quốc phòng.':
      'The two defence ministers held talks in Hanoi on Tuesday and agreed to expand cooperation in maritime security, training and the defence industry.',
    'Hai bên cũng trao đổi về tình hình khu vực và khẳng định tầm quan trọng của việc giải quyết tranh chấp bằng biện pháp hòa bình, phù hợp với luật pháp quốc tế.':
      'The two sides also discussed the regional situation and affirmed the importance of settling disputes by peaceful means, in accordance with international law.',
    'Tăng cường trao đổi đoàn cấp cao giữa hai bộ.': 'More exchanges of high-level delegations between the two ministries.',
    'Hợp tác trong lĩnh vực khắc phục hậu quả chiến tranh.': 'Cooperation in overcoming the consequences of war.',
  };

  it('checks the untouched Markdown output the JSON names, aligned as translate checked it; an edited one inside the JSON, aligned too', async () => {
    const dir = make({ 'page.html': NEWS });
    answeringEngine((source) => ENGLISH[source] ?? `[untranslated] ${source}`);
    const t = await runVitrans(['translate', 'page.html', '-e', 'openai', '--no-cache'], { cwd: dir, env: ENV });
    expect(t.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'out/page.bilingual.json'), 'utf8')) as { paragraphs: unknown[] };
    expect(json.paragraphs).toHaveLength(5);
    const md = fs.readFileSync(path.join(dir, 'out/page.openai.en.md'), 'utf8');
    expect(md).toContain('\n- More exchanges of high-level delegations between the two ministries.\n- Cooperation in overcoming the consequences of war.\n');

    const viaJson = await runVitrans(['check', 'out/page.bilingual.json', '-f', 'json'], { cwd: dir, env: ENV });
    expect(viaJson.stderr).toBe('');
    expect(viaJson.code).not.toBe(2);
    const report = JSON.parse(viaJson.stdout) as { files: { source: string; translations: string[] }[]; findings: { file: string; ruleId: string }[] };
    expect(report.files).toEqual([{ source: 'page.html', translations: ['out/page.openai.en.md'] }]);
    // The same findings as checking the page against its output by hand.
    const direct = await runVitrans(['check', 'page.html', 'out/page.openai.en.md', '-f', 'json'], { cwd: dir, env: ENV });
    expect(JSON.parse(direct.stdout).findings).toEqual(report.findings);

    // An output edited since is no longer what the engine returned: the JSON's targets are checked, as translate wrote them.
    fs.appendFileSync(path.join(dir, 'out/page.openai.en.md'), '\nA line the editor added.\n');
    const edited = await runVitrans(['check', 'out/page.bilingual.json', '-f', 'json'], { cwd: dir, env: ENV });
    expect(edited.stderr).toBe('');
    expect(edited.code).not.toBe(2);
    const inside = JSON.parse(edited.stdout) as { files: { translations: string[] }[]; findings: { file: string; ruleId: string }[] };
    expect(inside.files[0]!.translations).toEqual(['out/page.bilingual.json#openai']);
    expect(inside.findings.map((f) => f.ruleId)).toEqual(report.findings.map((f) => f.ruleId));
  });
});
