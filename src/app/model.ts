import type { ModelRuntime } from '../llm/model-runtime.js';
import { resolveModelConfig, type ModelSettings } from '../llm/model-settings.js';
import type { AppContext } from './app-context.js';

const RUNTIMES = new WeakMap<AppContext, Promise<ModelRuntime | undefined>>();

/** The model settings of config `model:` and OUTRO_MODEL / OLLAMA_HOST; undefined in heuristic mode. Cheap: no client is made. */
export function modelSettings(ctx: AppContext): ModelSettings | undefined {
  return resolveModelConfig(ctx.config(), ctx.env);
}

/**
 * The model runtime of a call (settings, one shared Ollama client with one concurrency limit,
 * counters), made once per context; undefined in heuristic mode. The Ollama client loads only when
 * a model is configured.
 */
export function modelRuntime(ctx: AppContext): Promise<ModelRuntime | undefined> {
  let runtime = RUNTIMES.get(ctx);
  if (!runtime) {
    runtime = modelSettings(ctx)
      ? import('../llm/model-runtime.js').then(({ createModelRuntime }) =>
          createModelRuntime(ctx.config(), ctx.env),
        )
      : Promise.resolve(undefined);
    RUNTIMES.set(ctx, runtime);
  }
  return runtime;
}
