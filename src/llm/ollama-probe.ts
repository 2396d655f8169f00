import type { ModelResponse } from 'ollama';
import { toOutroError, type OutroError } from '../domain/errors.js';
import type { ModelSettings } from './model-settings.js';
import { OllamaModelClient } from './ollama-client.js';
import { failureDetails, type FailureKind } from './ollama-errors.js';
import { findModel } from './ollama-models.js';

/** What one look at an Ollama server found, for `outro doctor`. Each step runs only if the one before worked. */
export interface OllamaProbe {
  server: { ok: true; banner: string } | { ok: false; kind: FailureKind; error: OutroError };
  version?: { ok: true; version: string } | { ok: false; error: OutroError };
  models?: { ok: true; names: string[] } | { ok: false; error: OutroError };
  chat?: ModelPresence;
  embed?: ModelPresence;
}

export interface ModelPresence {
  name: string;
  pulled: boolean;
  digest?: string;
  /** From /api/show; undefined when the server does not report them (before Ollama 0.6.4). */
  capabilities?: string[];
}

export interface ProbeOptions {
  /** Per request; doctor uses a short one. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export async function probeOllama(settings: ModelSettings, options: ProbeOptions = {}): Promise<OllamaProbe> {
  const client = new OllamaModelClient(
    {
      ...settings,
      timeoutMs: options.timeoutMs ?? Math.min(settings.timeoutMs, 5_000),
      concurrency: 1,
      retries: 0,
    },
    { fetch: options.fetch, breaker: { threshold: Number.MAX_SAFE_INTEGER, cooldownMs: 0 } },
  );
  const probe: OllamaProbe = { server: { ok: true, banner: '' } };
  try {
    probe.server = { ok: true, banner: (await client.ping()).trim() };
  } catch (error) {
    const outro = toOutroError(error);
    probe.server = { ok: false, kind: failureDetails(outro)?.kind ?? 'unknown', error: outro };
    return probe;
  }
  try {
    probe.version = { ok: true, version: await client.version() };
  } catch (error) {
    probe.version = { ok: false, error: toOutroError(error) };
  }
  let models: ModelResponse[];
  try {
    models = await client.listModels();
    probe.models = { ok: true, names: models.map((model) => model.name) };
  } catch (error) {
    probe.models = { ok: false, error: toOutroError(error) };
    return probe;
  }
  probe.chat = await presence(client, models, settings.name);
  if (settings.embed.kind === 'ollama') probe.embed = await presence(client, models, settings.embed.name);
  return probe;
}

async function presence(
  client: OllamaModelClient,
  models: ModelResponse[],
  name: string,
): Promise<ModelPresence> {
  const found = findModel(models, name);
  if (!found) return { name, pulled: false };
  let capabilities: string[] | undefined;
  try {
    capabilities = (await client.show(found.name)).capabilities;
  } catch {
    capabilities = undefined;
  }
  return { name, pulled: true, digest: found.digest, capabilities };
}
