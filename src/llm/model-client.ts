import type { ModelStats } from './model-stats.js';

/** Which model answered: its name and the digest of its weights, part of every cache key. */
export interface ModelIdentity {
  name: string;
  digest: string;
  /** `name@digest-prefix`, for provenance and strategy ids. */
  id: string;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatCall {
  messages: ChatMessage[];
  /** A JSON Schema the reply must follow (Ollama structured outputs), or 'json'. */
  format?: Record<string, unknown> | 'json';
  signal?: AbortSignal;
}

export interface ChatReply {
  content: string;
  model: string;
  doneReason?: string;
  promptEvalCount?: number;
  evalCount?: number;
  totalDurationNs?: number;
}

/** The port the model strategies use; OllamaModelClient is the adapter, record/replay decorate it. */
export interface ModelClient {
  /** The configured model name. */
  readonly model: string;
  readonly stats: ModelStats;
  /** Generation options that change replies (temperature, seed, context size), for cache keys. */
  readonly optionsKey?: string;
  identity(signal?: AbortSignal): Promise<ModelIdentity>;
  chat(call: ChatCall): Promise<ChatReply>;
}

export function identityOf(name: string, digest: string): ModelIdentity {
  const short = digest.replace(/^sha256:/, '').slice(0, 12);
  return { name, digest, id: `${name}@${short}` };
}
