import { Ollama, type ModelResponse } from 'ollama';
import { OutroError } from '../domain/errors.js';
import { CircuitBreaker } from './circuit-breaker.js';
import {
  identityOf,
  type ChatCall,
  type ChatReply,
  type ModelClient,
  type ModelIdentity,
} from './model-client.js';
import { describeHostSource, type ModelSettings } from './model-settings.js';
import { ModelStats } from './model-stats.js';
import { cachedIdentity } from './ollama-identity-cache.js';
import { fetchWithSignal, startDeadline } from './ollama-deadline.js';
import { failureDetails, isRetryableModelError, isUnreachable, toModelError } from './ollama-errors.js';
import { findModel } from './ollama-models.js';
import { withRetries } from './retry.js';
import { Semaphore } from './semaphore.js';

export type OllamaClientSettings = Pick<
  ModelSettings,
  'name' | 'host' | 'hostSource' | 'timeoutMs' | 'concurrency' | 'retries' | 'seed'
> & { numCtx?: number };

export interface OllamaClientOptions {
  stats?: ModelStats;
  /** The fetch under the client (tests pass one that counts; default: global fetch). */
  fetch?: typeof fetch;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  random?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Unreachable failures in a row before calls fail fast, and for how long. */
  breaker?: { threshold: number; cooldownMs: number; now?: () => number };
}

interface RequestOptions {
  signal?: AbortSignal;
  /** Override settings.retries (doctor asks once). */
  retries?: number;
}

/**
 * The Ollama adapter on the npm `ollama` client: structured-output chat at temperature 0 with a
 * fixed seed, a per-attempt timeout (an AbortSignal through a custom fetch), retries with backoff
 * and jitter on 429/5xx/connection errors, a concurrency limit, a circuit breaker, and counters.
 */
export class OllamaModelClient implements ModelClient {
  readonly stats: ModelStats;
  private readonly semaphore: Semaphore;
  private readonly breaker: CircuitBreaker;
  private readonly baseFetch: typeof fetch;

  constructor(
    readonly settings: OllamaClientSettings,
    private readonly options: OllamaClientOptions = {},
  ) {
    this.stats = options.stats ?? new ModelStats();
    this.semaphore = new Semaphore(settings.concurrency);
    this.breaker = new CircuitBreaker(options.breaker ?? { threshold: 3, cooldownMs: 30_000 });
    this.baseFetch = options.fetch ?? ((input, init) => fetch(input, init));
  }

  get model(): string {
    return this.settings.name;
  }

  get optionsKey(): string {
    return `temperature=0;seed=${this.settings.seed};num_ctx=${this.settings.numCtx ?? 'default'}`;
  }

  /** Name and digest from /api/tags, looked up once per process. */
  identity(signal?: AbortSignal): Promise<ModelIdentity> {
    return cachedIdentity(this.settings.host, this.settings.name, async () => {
      const models = await this.listModels({ signal });
      const found = findModel(models, this.settings.name);
      if (!found) throw this.notPulled(this.settings.name, models);
      return identityOf(this.settings.name, found.digest);
    });
  }

  async chat(call: ChatCall): Promise<ChatReply> {
    return this.request('chat', { signal: call.signal }, async (client, inStream) => {
      const stream = await client.chat({
        model: this.settings.name,
        messages: call.messages,
        format: call.format,
        stream: true,
        options: {
          temperature: 0,
          seed: this.settings.seed,
          ...(this.settings.numCtx ? { num_ctx: this.settings.numCtx } : {}),
        },
      });
      let content = '';
      inStream.value = true;
      for await (const part of stream) {
        content += part.message?.content ?? '';
        if (part.done) {
          this.stats.add('promptTokens', part.prompt_eval_count ?? 0);
          this.stats.add('outputTokens', part.eval_count ?? 0);
          return {
            content,
            model: part.model,
            doneReason: part.done_reason,
            promptEvalCount: part.prompt_eval_count,
            evalCount: part.eval_count,
            totalDurationNs: part.total_duration,
          };
        }
      }
      throw new Error('the stream ended before its final chunk');
    });
  }

  /** POST /api/embed; vectors as the server returns them. */
  async embed(texts: string[], model: string, options: RequestOptions = {}): Promise<number[][]> {
    return this.request(
      'embed',
      options,
      async (client) => {
        const response = await client.embed({ model, input: texts });
        if (!Array.isArray(response.embeddings) || response.embeddings.length !== texts.length) {
          throw new OutroError(
            'MODEL_INVALID_OUTPUT',
            `Ollama's /api/embed returned ${response.embeddings?.length ?? 0} vectors for ${texts.length} texts; upgrade Ollama (0.3.4 or newer has /api/embed).`,
          );
        }
        return response.embeddings;
      },
      model,
    );
  }

  /** GET / — "Ollama is running" when the server is up. */
  async ping(options: RequestOptions = {}): Promise<string> {
    return this.request('GET /', options, async (_client, _stream, signal) => {
      const response = await this.baseFetch(`${this.settings.host}/`, { signal });
      const text = await response.text();
      if (!response.ok)
        throw Object.assign(new Error(text || response.statusText), { status_code: response.status });
      return text;
    });
  }

  async version(options: RequestOptions = {}): Promise<string> {
    return this.request('GET /api/version', options, async (client) => (await client.version()).version);
  }

  async listModels(options: RequestOptions = {}): Promise<ModelResponse[]> {
    return this.request('GET /api/tags', options, async (client) => (await client.list()).models ?? []);
  }

  /** POST /api/show: capabilities ('completion', 'embedding', 'tools'…) on Ollama 0.6.4 and newer. */
  async show(
    name: string,
    options: RequestOptions = {},
  ): Promise<{ capabilities?: string[]; details?: Record<string, unknown> }> {
    return this.request(
      'POST /api/show',
      options,
      async (client) => {
        const shown = (await client.show({ model: name })) as unknown as {
          capabilities?: string[];
          details?: Record<string, unknown>;
        };
        return { capabilities: shown.capabilities, details: shown.details };
      },
      name,
    );
  }

  private async request<T>(
    operation: string,
    options: RequestOptions,
    work: (client: Ollama, inStream: { value: boolean }, signal: AbortSignal) => Promise<T>,
    model: string = this.settings.name,
  ): Promise<T> {
    const context = {
      host: this.settings.host,
      hostSource: this.settings.hostSource,
      model,
      timeoutMs: this.settings.timeoutMs,
      operation,
    };
    const wait = this.breaker.waitMs();
    if (wait > 0) {
      this.stats.add('shortCircuits');
      throw new OutroError(
        'MODEL_UNAVAILABLE',
        `Skipped ${operation}: the model server at ${this.settings.host} (from ${describeHostSource(this.settings.hostSource)}) failed ${this.breaker.consecutiveFailures} times in a row; outro tries again in ${Math.ceil(wait / 1000)} s. Run \`outro doctor\` to see why.`,
        {
          details: { kind: 'refused', retryable: false, host: this.settings.host, shortCircuit: true },
        },
      );
    }
    this.stats.add('calls');
    try {
      const result = await withRetries(
        (attempt) =>
          this.semaphore.run(async () => {
            if (attempt > 0) this.stats.add('retries');
            this.stats.add('attempts');
            const deadline = startDeadline(this.settings.timeoutMs, options.signal);
            const inStream = { value: false };
            try {
              const client = new Ollama({
                host: this.settings.host,
                fetch: fetchWithSignal(deadline.signal, this.baseFetch),
              });
              return await work(client, inStream, deadline.signal);
            } catch (error) {
              throw toModelError(error, context, {
                timedOut: deadline.timedOut(),
                aborted: options.signal?.aborted === true,
                inStream: inStream.value,
              });
            } finally {
              deadline.dispose();
            }
          }),
        {
          retries: options.retries ?? this.settings.retries,
          baseDelayMs: this.options.retryBaseDelayMs ?? 500,
          maxDelayMs: this.options.retryMaxDelayMs ?? 8_000,
          shouldRetry: isRetryableModelError,
          random: this.options.random,
          sleep: this.options.sleep,
          signal: options.signal,
        },
      );
      this.breaker.succeeded();
      return result;
    } catch (error) {
      const outro =
        error instanceof OutroError
          ? error
          : toModelError(error, context, { aborted: options.signal?.aborted === true });
      if (outro.code === 'ABORTED') throw outro;
      this.stats.add('failures');
      if (failureDetails(outro)?.kind === 'timeout') this.stats.add('timeouts');
      if (isUnreachable(outro)) this.breaker.failed();
      else if (failureDetails(outro)) this.breaker.succeeded();
      this.stats.recordError(outro.code, outro.message);
      throw outro;
    }
  }

  private notPulled(name: string, models: ModelResponse[]): OutroError {
    const pulled = models.map((model) => model.name).join(', ') || 'none';
    return new OutroError(
      'MODEL_UNAVAILABLE',
      `The model ${name} is not pulled on ${this.settings.host} (pulled: ${pulled}). Run \`ollama pull ${name}\`, or set model.name to one of those.`,
      {
        details: { kind: 'http', status: 404, retryable: false, host: this.settings.host },
      },
    );
  }
}
