import type { ModelSettings } from '../model-settings.js';
import { OllamaModelClient } from '../ollama-client.js';
import type { Embedder } from './embedder.js';
import { HashedEmbedder } from './hashed-embedder.js';
import { OllamaEmbedder } from './ollama-embedder.js';
import { TransformersEmbedder } from './transformers-embedder.js';

/** The embedder the settings ask for; the built-in hashed one when no model is configured. */
export async function createEmbedder(
  settings: ModelSettings | undefined,
  client?: OllamaModelClient,
): Promise<Embedder> {
  const embed = settings?.embed ?? { kind: 'hashed' };
  if (embed.kind === 'hashed' || !settings) return new HashedEmbedder();
  if (embed.kind === 'local') return TransformersEmbedder.load(embed.dir);
  return new OllamaEmbedder(client ?? new OllamaModelClient(settings), embed.name);
}
