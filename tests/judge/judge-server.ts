/**
 * A real OpenAI-compatible chat-completions server on 127.0.0.1 (a free port) acting as an MQM
 * judge: it reads the translation out of vitrans's prompt and answers, as a model would, with the
 * errors a test script gives for it. It can refuse JSON mode as older llama.cpp builds do, and
 * records every request.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { translationOf } from './fixtures.js';

/** One request as the server saw it. */
export interface JudgeRequest {
  model: string;
  jsonMode: boolean;
  system: string;
  user: string;
  /** The translation the prompt asks about. */
  translation: string;
  authorization: string | null;
}

/** How the server answers one request: a message content, or an HTTP failure. */
export type JudgeReply = { content: string; refusal?: string } | { status: number; body: string; headers?: Record<string, string> };

/** The running server. */
export interface JudgeServer {
  /** Base URL, as OPENAI_BASE_URL takes it (…/v1). */
  url: string;
  requests: JudgeRequest[];
  close(): Promise<void>;
}

export interface JudgeServerOptions {
  /** The answer to a request (0-based index among all requests). */
  reply: (request: JudgeRequest, index: number) => JudgeReply;
  /** Answer 400 to `response_format`, as servers without JSON mode do. */
  noJsonMode?: boolean;
  /** Each answer waits for this promise (requests stay in flight until a test lets them go). */
  gate?: Promise<void>;
}


export async function startJudgeServer(opts: JudgeServerOptions): Promise<JudgeServer> {
  const requests: JudgeRequest[] = [];
  const sockets = new Set<Socket>();
  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d: string) => (body += d));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      const parsed = JSON.parse(body) as { model: string; messages: { role: string; content: string }[]; response_format?: { type: string } };
      if (parsed.response_format && opts.noJsonMode) {
        // llama.cpp before JSON-mode support: an OpenAI-style error naming the field.
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 400, message: "Unsupported param: response_format", type: 'invalid_request_error' } }));
        return;
      }
      const user = parsed.messages.find((m) => m.role === 'user')?.content ?? '';
      const seen: JudgeRequest = {
        model: parsed.model,
        jsonMode: parsed.response_format?.type === 'json_object',
        system: parsed.messages.find((m) => m.role === 'system')?.content ?? '',
        user,
        translation: translationOf(user),
        authorization: req.headers.authorization ?? null,
      };
      const index = requests.push(seen) - 1;
      void (opts.gate ?? Promise.resolve()).then(() => answer(index));
    });
    const answer = (index: number): void => {
      const seen = requests[index]!;
      if (res.destroyed) return;
      const reply = opts.reply(seen, index);
      if ('status' in reply) {
        res.writeHead(reply.status, reply.headers ?? {}).end(reply.body);
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: `chatcmpl-${index}`,
          object: 'chat.completion',
          created: 1764662400,
          model: seen.model,
          choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: reply.refusal ? null : reply.content, ...(reply.refusal ? { refusal: reply.refusal } : {}) } }],
          usage: { prompt_tokens: 412, completion_tokens: 58, total_tokens: 470 },
        }),
      );
    };
  });
  http.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        http.close(() => r());
      }),
  };
}
