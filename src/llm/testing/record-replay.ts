import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { OutroError } from '../../domain/errors.js';
import { contentHash } from '../../domain/ids.js';
import type { ChatCall, ChatReply, ModelClient, ModelIdentity } from '../model-client.js';
import { ModelStats } from '../model-stats.js';
import type { FakeReply, RecordedRequest } from './fake-ollama.js';

/**
 * Record real model sessions once (request -> response, one JSON line each), replay them in tests
 * with no model: either as a ModelClient, or over HTTP through the fake Ollama server so the whole
 * client stack runs.
 */
export type Exchange =
  | { kind: 'identity'; model: string; identity: ModelIdentity }
  | {
      kind: 'chat';
      model: string;
      key: string;
      request: { messages: ChatCall['messages']; format?: ChatCall['format'] };
      reply: ChatReply;
    };

export function exchangeKey(
  model: string,
  messages: ChatCall['messages'],
  format: ChatCall['format'],
): string {
  return contentHash({
    model,
    messages: messages.map((message) => ({ role: message.role, content: message.content })),
    format: format ?? null,
  });
}

/** Decorates a client: every identity and chat it answers is appended to `file`. */
export class RecordingModelClient implements ModelClient {
  constructor(
    private readonly inner: ModelClient,
    readonly file: string,
  ) {
    mkdirSync(dirname(file), { recursive: true });
  }

  get model(): string {
    return this.inner.model;
  }

  get stats(): ModelStats {
    return this.inner.stats;
  }

  get optionsKey(): string | undefined {
    return this.inner.optionsKey;
  }

  async identity(signal?: AbortSignal): Promise<ModelIdentity> {
    const identity = await this.inner.identity(signal);
    this.append({ kind: 'identity', model: this.model, identity });
    return identity;
  }

  async chat(call: ChatCall): Promise<ChatReply> {
    const reply = await this.inner.chat(call);
    this.append({
      kind: 'chat',
      model: this.model,
      key: exchangeKey(this.model, call.messages, call.format),
      request: { messages: call.messages, format: call.format },
      reply,
    });
    return reply;
  }

  private append(exchange: Exchange): void {
    appendFileSync(this.file, `${JSON.stringify(exchange)}\n`);
  }
}

export function readExchanges(file: string): Exchange[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Exchange);
}

/** Serves recorded exchanges; a request that was never recorded is MODEL_UNAVAILABLE, not a guess. */
export class ReplayModelClient implements ModelClient {
  readonly stats = new ModelStats();
  private readonly chats = new Map<string, ChatReply>();
  private readonly recordedIdentity: ModelIdentity | undefined;

  constructor(
    exchanges: readonly Exchange[],
    readonly model: string,
  ) {
    for (const exchange of exchanges) {
      if (exchange.model !== model) continue;
      if (exchange.kind === 'chat') this.chats.set(exchange.key, exchange.reply);
    }
    this.recordedIdentity = exchanges.find(
      (exchange): exchange is Extract<Exchange, { kind: 'identity' }> =>
        exchange.kind === 'identity' && exchange.model === model,
    )?.identity;
  }

  static fromFile(file: string, model: string): ReplayModelClient {
    return new ReplayModelClient(readExchanges(file), model);
  }

  async identity(): Promise<ModelIdentity> {
    if (!this.recordedIdentity)
      throw new OutroError(
        'MODEL_UNAVAILABLE',
        `The recording holds no identity for ${this.model}; record a session with RecordingModelClient first.`,
      );
    return this.recordedIdentity;
  }

  async chat(call: ChatCall): Promise<ChatReply> {
    this.stats.add('calls');
    const reply = this.chats.get(exchangeKey(this.model, call.messages, call.format));
    if (!reply) {
      this.stats.add('failures');
      throw new OutroError(
        'MODEL_UNAVAILABLE',
        `No recorded reply for this ${this.model} request (did the prompt, schema or input change?). Record the session again.`,
      );
    }
    return reply;
  }
}

/** A fake-Ollama responder that answers /api/chat from recordings, matching model, messages and format. */
export function replayResponder(exchanges: readonly Exchange[]): (request: RecordedRequest) => FakeReply {
  const replies = new Map(
    exchanges
      .filter((exchange) => exchange.kind === 'chat')
      .map((exchange) => [exchange.key, exchange.reply.content]),
  );
  return (request) => {
    const content = replies.get(
      exchangeKey(request.body?.model, request.body?.messages ?? [], request.body?.format),
    );
    return content === undefined
      ? { status: 400, error: 'fake-ollama replay: no recorded reply for this request' }
      : { content };
  };
}
