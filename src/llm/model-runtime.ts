import { resolveModelConfig, type ModelConfigBlock, type ModelSettings } from './model-settings.js';
import { ModelStats } from './model-stats.js';
import { OllamaModelClient } from './ollama-client.js';

/** What a process needs to use the model path: settings, one shared client (one concurrency limit), counters. */
export interface ModelRuntime {
  settings: ModelSettings;
  client: OllamaModelClient;
  stats: ModelStats;
}

/** undefined in heuristic mode (no model configured, or OUTRO_MODEL=none). */
export function createModelRuntime(
  config: { model?: ModelConfigBlock },
  env: Readonly<Record<string, string | undefined>> = process.env,
): ModelRuntime | undefined {
  const settings = resolveModelConfig(config, env);
  if (!settings) return undefined;
  const stats = new ModelStats();
  return { settings, client: new OllamaModelClient(settings, { stats }), stats };
}
