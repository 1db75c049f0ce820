/**
 * Fixtures for the input-form tests (check, translate and clean on the inputs users have): a
 * project folder with the shipped glossary and corpus, and an OpenAI-compatible endpoint that
 * answers every corpus paragraph with its reference translation, as a good engine would.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { http, HttpResponse } from 'msw';
import { afterEach } from 'vitest';
import { server } from '../setup/server.js';
import { escapeText, unescapeText } from '../../src/engines/openai.js';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SEED_FILE = path.join(ROOT, 'tests/text/fixtures/seed-000.txt');
export const OPENAI = 'http://llm.test/v1';
export const ENV = { OPENAI_BASE_URL: OPENAI, OPENAI_MODEL: 'gpt-4o-mini', OPENAI_API_KEY: 'sk-test-inputs-0123456789' };

const paragraphs = (text: string): string[] => text.split(/\n[ \t\u00a0]*\n/).map((p) => p.trim()).filter(Boolean);

/** A temporary project: glossary.yaml and corpus/ copied from the repository, plus `files`. */
export function project(files: Record<string, string | Buffer> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitrans-inputs-'));
  fs.copyFileSync(path.join(ROOT, 'glossary.yaml'), path.join(dir, 'glossary.yaml'));
  fs.cpSync(path.join(ROOT, 'corpus'), path.join(dir, 'corpus'), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** A `project` maker for one test file: every folder it makes is removed after each test. */
export function useProjects(): (files?: Record<string, string | Buffer>) => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
  });
  return (files) => {
    const dir = project(files);
    dirs.push(dir);
    return dir;
  };
}

/**
 * Answers each tagged paragraph with the corpus reference translation of that source paragraph
 * (unknown paragraphs come back as "EN: …"), and records every user message.
 */
export function referenceEngine(): { prompts: string[] } {
  const answers = new Map<string, string>();
  for (const slug of fs.readdirSync(path.join(ROOT, 'corpus'), { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const vi = paragraphs(fs.readFileSync(path.join(ROOT, 'corpus', slug.name, 'source.vi.txt'), 'utf8'));
    const en = paragraphs(fs.readFileSync(path.join(ROOT, 'corpus', slug.name, 'reference.en.txt'), 'utf8'));
    vi.forEach((p, i) => answers.set(p.normalize('NFC'), en[i]!));
  }
  const prompts: string[] = [];
  server.use(
    http.post(`${OPENAI}/chat/completions`, async ({ request }) => {
      const body = (await request.json()) as { messages: { role: string; content: string }[] };
      const user = body.messages.find((m) => m.role === 'user')!.content;
      prompts.push(user);
      const tagged = [...user.matchAll(/<p id="(\d+)">([\s\S]*?)<\/p>/g)].map(([, id, text]) => {
        const source = unescapeText(text!).normalize('NFC');
        return `<p id="${id}">${escapeText(answers.get(source) ?? `EN: ${source}`)}</p>`;
      });
      return HttpResponse.json({ choices: [{ message: { role: 'assistant', content: tagged.join('\n') } }] });
    }),
  );
  return { prompts };
}

/** The files under `dir`, relative and sorted. */
export function tree(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)))
    .sort();
}

/**
 * An OpenAI-compatible endpoint answering each tagged paragraph with `answer(source)` (the source
 * as sent: NFC, placeholders in it); it records what was sent. A throwing `answer` fails the request.
 */
export function answeringEngine(answer: (source: string) => string): { sent: string[] } {
  const sent: string[] = [];
  server.use(
    http.post(`${OPENAI}/chat/completions`, async ({ request }) => {
      const body = (await request.json()) as { messages: { role: string; content: string }[] };
      const user = body.messages.find((m) => m.role === 'user')!.content;
      const tagged = [...user.matchAll(/<p id="(\d+)">([\s\S]*?)<\/p>/g)].map(([, id, text]) => {
        const source = unescapeText(text!).normalize('NFC');
        sent.push(source);
        return `<p id="${id}">${escapeText(answer(source))}</p>`;
      });
      return HttpResponse.json({ choices: [{ message: { role: 'assistant', content: tagged.join('\n') } }] });
    }),
  );
  return { sent };
}
