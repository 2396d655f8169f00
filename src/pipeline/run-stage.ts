import type { Provenance } from '../domain/annotations.js';
import { stableId } from '../domain/ids.js';
import type { StageCache } from './stage-cache.js';
import type { StageDefinition, StageResult, StageRunContext, Strategy } from './stage.js';

export interface RunStageOptions<I, O> {
  heuristic: Strategy<I, O>;
  cache?: StageCache;
  /** Extra parts of the cache key (options that change the output). */
  keyParts?: readonly string[];
}

export function stageCacheKey(
  stage: StageDefinition<unknown, unknown>,
  strategyId: string,
  inputHash: string,
  keyParts: readonly string[] = [],
): string {
  return stableId('stage', stage.name, stage.version, strategyId, ...keyParts, inputHash);
}

/**
 * Runs a stage with its heuristic strategy, through the cache: an input whose key is cached does
 * no work. (The model strategy, with fallback to this path, is added by llm.)
 */
export async function runHeuristicStage<I, O>(
  stage: StageDefinition<I, O>,
  input: I,
  context: StageRunContext,
  options: RunStageOptions<I, O>,
): Promise<StageResult<O>> {
  const key = stageCacheKey(
    stage as StageDefinition<unknown, unknown>,
    options.heuristic.id,
    stage.inputHash(input),
    options.keyParts,
  );
  const cached = options.cache?.get(key);
  if (cached)
    return { output: stage.output.parse(cached.output), provenance: cached.provenance, cached: true };
  const output = stage.output.parse(await options.heuristic.run(input, context));
  const provenance: Provenance = { stage: stage.name, version: stage.version, strategy: 'heuristic' };
  options.cache?.put(key, {
    output,
    provenance,
    stage: stage.name,
    version: stage.version,
    strategy: options.heuristic.id,
  });
  return { output, provenance, cached: false };
}
