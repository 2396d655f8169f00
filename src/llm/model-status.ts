import { describeHostSource, type ModelSettings } from './model-settings.js';
import type { ModelStats, ModelStatsSnapshot } from './model-stats.js';

/** The model path's state as plain data, for `outro status` and `--json`. */
export interface ModelStatus {
  mode: 'model' | 'heuristic';
  model: string | null;
  host: string | null;
  hostFrom: string | null;
  embeddings: string;
  stats: ModelStatsSnapshot | null;
}

export function modelStatus(settings: ModelSettings | undefined, stats?: ModelStats): ModelStatus {
  if (!settings)
    return {
      mode: 'heuristic',
      model: null,
      host: null,
      hostFrom: null,
      embeddings: 'hashed',
      stats: stats?.snapshot() ?? null,
    };
  const embed = settings.embed;
  return {
    mode: 'model',
    model: settings.name,
    host: settings.host,
    hostFrom: describeHostSource(settings.hostSource),
    embeddings:
      embed.kind === 'hashed'
        ? 'hashed'
        : embed.kind === 'local'
          ? `local:${embed.dir}`
          : `ollama:${embed.name}`,
    stats: stats?.snapshot() ?? null,
  };
}
