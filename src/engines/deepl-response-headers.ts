/**
 * deepl-node drops response headers, so the Retry-After of a 429 (or 503) would be lost and our
 * retry could not honour it; and it folds the status and body of a failed answer into a message
 * ("Authorization failure, check auth_key, " for DeepL's empty 403 body). Before deepl-node loads,
 * this wraps the adapter of the axios copy it uses (custom adapters are axios's own extension
 * point): failed answers note their status, body and Retry-After for the call in progress, which
 * AsyncLocalStorage ties to the answer. Import it before 'deepl-node'.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { createRequire } from 'node:module';

/** The part of axios this needs (typed here: axios is deepl-node's dependency, not ours). */
interface AxiosResponseLike {
  status: number;
  headers?: Record<string, unknown>;
  data?: unknown;
}
type AdapterLike = (config: unknown) => Promise<AxiosResponseLike>;
interface AxiosLike {
  defaults: { adapter: unknown };
  getAdapter(adapter: unknown): AdapterLike;
}

/** What a call learnt from the last failed answer it got. */
export interface ResponseNotes {
  /** HTTP status of the failed answer. */
  status?: number;
  /** Its body as text ('' when the server sent none, as DeepL does on 403, 429 and 5xx). */
  body?: string;
  retryAfter?: string;
  /**
   * The last successful (2xx) answer: its status, content type and body, for saying what came
   * back when deepl-node cannot read it (a captive portal's HTML page, truncated JSON, `{}`).
   */
  answered?: { status: number; contentType?: string; body?: string };
}

const calls = new AsyncLocalStorage<ResponseNotes>();

// Resolve axios from deepl-node's own folder: the CommonJS copy it requires, not our ESM one.
const fromDeepL = createRequire(createRequire(import.meta.url).resolve('deepl-node'));
const axios = fromDeepL('axios') as AxiosLike;
const base = axios.getAdapter(axios.defaults.adapter);
axios.defaults.adapter = async (config: unknown): Promise<AxiosResponseLike> => {
  const response = await base(config);
  const notes = calls.getStore();
  if (notes && response.status < 400) {
    const type = response.headers?.['content-type'];
    notes.answered = { status: response.status, contentType: type !== undefined && type !== null ? String(type) : undefined, body: bodyText(response.data) };
  }
  if (notes && response.status >= 400) {
    notes.status = response.status;
    // deepl-node asks for text; a stream (document downloads, which vitrans does not use) is not read here.
    notes.body = bodyText(response.data);
    const value = response.headers?.['retry-after'];
    notes.retryAfter = value !== undefined && value !== null ? String(value) : undefined;
  }
  return response;
};

function bodyText(data: unknown): string | undefined {
  return typeof data === 'string' ? data : Buffer.isBuffer(data) ? data.toString('utf8') : undefined;
}

/**
 * Runs `fn` (a deepl-node call) and returns its result; when it fails, throws a `NotedFailure`
 * holding the error and what the failed answer said (status, body, Retry-After).
 * @example
 * try {
 *   const results = await callWithNotes(() => translator.translateText(texts, 'vi', 'en-US'));
 * } catch (err) {
 *   if (err instanceof NotedFailure) console.log(err.error, err.notes.retryAfter);
 * }
 */
export async function callWithNotes<T>(fn: () => Promise<T>): Promise<T> {
  const notes: ResponseNotes = {};
  try {
    return await calls.run(notes, fn);
  } catch (err) {
    throw new NotedFailure(err, notes);
  }
}

/** A deepl-node failure and the notes taken while it happened. */
export class NotedFailure {
  constructor(
    readonly error: unknown,
    readonly notes: ResponseNotes,
  ) {}
}
