import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { STRUCTURED_OUTPUTS_SINCE, versionAtLeast } from '../ollama-models.js';
import {
  DEFAULT_FAKE_MODELS,
  fakeEmbedding,
  findFakeModel,
  notFound,
  replyChunk,
  showBody,
  streamPieces,
  tagsBody,
  type FakeModel,
} from './fake-ollama-protocol.js';
import { foreignInstance } from './schema-instance.js';

/**
 * A protocol-faithful fake Ollama server on 127.0.0.1 (port 0) for tests: GET /, /api/version,
 * /api/tags, POST /api/show, /api/chat and /api/generate (NDJSON streams or stream:false),
 * /api/embed; `{"error"}` bodies with 400/404/429/500; an error line after a 200; latency, hangs
 * and cut connections; scripted replies; and a record of every request it received.
 */

/** How to answer one request. Every field is optional: `{}` is a normal answer. */
export interface FakeReply {
  /** The model's text for /api/chat and /api/generate. */
  content?: string;
  /** Answer with this status and `{"error": error}`. */
  status?: number;
  error?: string;
  /** Stream part of `content`, then an `{"error"}` line (a 200 that fails). */
  midStreamError?: string;
  /** Send the 200 head and one chunk, then destroy the socket. */
  cutConnection?: boolean;
  /** Accept the request and never answer. */
  hang?: boolean;
  /** Send the 200 head and one chunk, then nothing more (the socket stays open). */
  stallMidStream?: boolean;
  latencyMs?: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  /** Parsed JSON body (undefined for GET or when the body is not JSON). */
  body: any;
  rawBody: string;
}

export type Responder = (request: RecordedRequest) => FakeReply | undefined;

export interface FakeOllamaOptions {
  models?: FakeModel[];
  version?: string;
  /** Whether /api/show lists capabilities (Ollama 0.6.4 and newer do). */
  capabilities?: boolean;
}

const GENERATION = new Set(['/api/chat', '/api/generate']);

export class FakeOllama {
  readonly requests: RecordedRequest[] = [];
  models: FakeModel[];
  version: string;
  capabilities: boolean;
  /** Added before every answer. */
  latencyMs = 0;
  inFlight = 0;
  maxInFlight = 0;
  private readonly queues = new Map<string, FakeReply[]>();
  private responder: Responder | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
    options: FakeOllamaOptions,
  ) {
    this.models = options.models ?? DEFAULT_FAKE_MODELS.map((model) => ({ ...model }));
    this.version = options.version ?? '0.6.8';
    this.capabilities = options.capabilities ?? true;
  }

  static async start(options: FakeOllamaOptions = {}): Promise<FakeOllama> {
    // eslint-disable-next-line prefer-const -- assigned once the server exists; the handler closes over it.
    let fake: FakeOllama | undefined;
    const server = createServer((request, response) => void fake!.handle(request, response));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    fake = new FakeOllama(server, (server.address() as AddressInfo).port, options);
    return fake;
  }

  /** `http://127.0.0.1:<port>` */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** `127.0.0.1:<port>`, as people write OLLAMA_HOST. */
  get hostPort(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Replies for /api/chat and /api/generate, used in order before the responder. */
  enqueue(...replies: FakeReply[]): this {
    return this.enqueueFor('/api/chat', ...replies);
  }

  /** Replies for one path ('/api/tags', '/api/embed', …), used in order. */
  enqueueFor(path: string, ...replies: FakeReply[]): this {
    const queue = this.queues.get(path) ?? [];
    queue.push(...replies);
    this.queues.set(path, queue);
    return this;
  }

  /** Answers generation requests when the queue is empty (return undefined for the default). */
  respondWith(responder: Responder | undefined): this {
    this.responder = responder;
    return this;
  }

  /** Answers every `format` schema with a valid instance full of names that are in no input. */
  hallucinate(): this {
    return this.respondWith((request) => {
      const format = request.body?.format;
      return {
        content: JSON.stringify(
          typeof format === 'object' && format ? foreignInstance(format) : { answer: 'Zebulon Quince' },
        ),
      };
    });
  }

  count(path: string): number {
    return this.requests.filter((request) => request.path === path).length;
  }

  /** Bodies of the /api/chat requests received, oldest first. */
  chatRequests(): any[] {
    return this.requests.filter((request) => request.path === '/api/chat').map((request) => request.body);
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const rawBody = await readBody(request);
    const path = (request.url ?? '/').split('?')[0];
    let body: any;
    try {
      body = rawBody ? JSON.parse(rawBody) : undefined;
    } catch {
      body = undefined;
    }
    const recorded: RecordedRequest = { method: request.method ?? 'GET', path, body, rawBody };
    this.requests.push(recorded);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    // In flight until the server starts its last write (a client cannot see the answer before
    // that) or the connection closes, so maxInFlight never counts a request the client is done with.
    let counted = true;
    const release = (): void => {
      if (counted) this.inFlight--;
      counted = false;
    };
    const end = response.end.bind(response);
    response.end = ((...args: Parameters<typeof end>) => {
      release();
      return end(...args);
    }) as typeof response.end;
    response.on('close', release);
    const scripted =
      this.queues.get(GENERATION.has(path) ? '/api/chat' : path)?.shift() ??
      (GENERATION.has(path) ? this.responder?.(recorded) : undefined) ??
      {};
    if (scripted.hang) return;
    const delay = (scripted.latencyMs ?? 0) + this.latencyMs;
    if (delay > 0) await this.sleep(delay);
    if (response.destroyed) return;
    if (scripted.status !== undefined && scripted.status >= 400) {
      sendJson(response, scripted.status, { error: scripted.error ?? 'fake error' });
      return;
    }
    this.route(recorded, scripted, response);
  }

  private route(request: RecordedRequest, scripted: FakeReply, response: ServerResponse): void {
    const key = `${request.method} ${request.path}`;
    if (key === 'GET /' || key === 'HEAD /') {
      response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('Ollama is running');
    } else if (key === 'GET /api/version') sendJson(response, 200, { version: this.version });
    else if (key === 'GET /api/tags') sendJson(response, 200, tagsBody(this.models));
    else if (key === 'POST /api/show') this.show(request, response);
    else if (key === 'POST /api/embed') this.embed(request, response);
    else if (key === 'POST /api/chat' || key === 'POST /api/generate')
      this.generate(request, scripted, response);
    else {
      response.writeHead(404, { 'Content-Type': 'text/plain' });
      response.end('404 page not found');
    }
  }

  private show(request: RecordedRequest, response: ServerResponse): void {
    const model = findFakeModel(this.models, request.body?.model ?? request.body?.name);
    if (!model) sendJson(response, 404, { error: `model '${String(request.body?.model)}' not found` });
    else sendJson(response, 200, showBody(model, this.capabilities));
  }

  private embed(request: RecordedRequest, response: ServerResponse): void {
    const model = findFakeModel(this.models, request.body?.model);
    if (!model) return sendJson(response, 404, notFound(request.body?.model));
    if (!(model.capabilities ?? ['completion']).includes('embedding'))
      return sendJson(response, 400, { error: `"${model.name}" does not support embeddings` });
    const input: unknown = request.body?.input;
    const texts = Array.isArray(input) ? input.map(String) : [String(input ?? '')];
    sendJson(response, 200, {
      model: model.name,
      embeddings: texts.map((text) => fakeEmbedding(text, model.embeddingLength ?? 16)),
      total_duration: 14_143_917,
      load_duration: 1_019_500,
      prompt_eval_count: texts.length * 8,
    });
  }

  private generate(request: RecordedRequest, scripted: FakeReply, response: ServerResponse): void {
    const endpoint = request.path === '/api/chat' ? 'chat' : 'generate';
    const body = request.body;
    if (!body || typeof body.model !== 'string' || !body.model)
      return sendJson(response, 400, { error: 'model is required' });
    const model = findFakeModel(this.models, body.model);
    if (!model) return sendJson(response, 404, notFound(body.model));
    if (!(model.capabilities ?? ['completion']).includes('completion'))
      return sendJson(response, 400, { error: `"${model.name}" does not support ${endpoint}` });
    if (
      typeof body.format === 'object' &&
      body.format !== null &&
      !versionAtLeast(this.version, STRUCTURED_OUTPUTS_SINCE)
    ) {
      return sendJson(response, 400, { error: 'invalid format: expected "json" or a JSON schema' });
    }
    if (
      scripted.content === undefined &&
      scripted.midStreamError === undefined &&
      !scripted.cutConnection &&
      !scripted.stallMidStream
    ) {
      return sendJson(response, 500, { error: `fake-ollama: no scripted reply for POST ${request.path}` });
    }
    const content = scripted.content ?? '';
    const meta = { model: body.model as string, endpoint } as const;
    const promptChars = JSON.stringify(body.messages ?? body.prompt ?? '').length;
    if (body.stream === false) {
      if (scripted.midStreamError !== undefined)
        return sendJson(response, 500, { error: scripted.midStreamError });
      if (scripted.cutConnection) return void response.destroy();
      if (scripted.stallMidStream) return;
      return sendJson(response, 200, replyChunk(meta, content, true, promptChars));
    }
    response.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
    const pieces = streamPieces(content);
    if (scripted.cutConnection) {
      response.write(`${JSON.stringify(replyChunk(meta, pieces[0] ?? '', false, promptChars))}\n`, () =>
        response.destroy(),
      );
      return;
    }
    if (scripted.stallMidStream) {
      response.write(`${JSON.stringify(replyChunk(meta, pieces[0] ?? '', false, promptChars))}\n`);
      return;
    }
    if (scripted.midStreamError !== undefined) {
      response.write(`${JSON.stringify(replyChunk(meta, pieces[0] ?? '', false, promptChars))}\n`);
      response.end(`${JSON.stringify({ error: scripted.midStreamError })}\n`);
      return;
    }
    for (const piece of pieces)
      response.write(`${JSON.stringify(replyChunk(meta, piece, false, promptChars))}\n`);
    response.end(`${JSON.stringify(replyChunk(meta, '', true, promptChars))}\n`);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  response.end(text);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => resolve(''));
  });
}
