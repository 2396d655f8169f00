import type { SqliteDatabase } from '../../../memory/sqlite.js';
import { createModelRuntime } from '../../../llm/model-runtime.js';
import type { ModelConfigBlock } from '../../../llm/model-settings.js';
import { runWithTracer } from '../../../observability/tracer.js';
import { createTracing, type TracingSettings } from '../../../observability/tracing.js';
import type { BriefOptions, BriefStore } from '../build-brief.js';
import type { Brief } from '../brief-types.js';
import { buildBriefWithModel } from './brief-with-model.js';

/** The parts of the app config this reads (app/config.ts's Config fits; pipeline does not import app/). */
export interface BriefModelConfig {
  model?: ModelConfigBlock;
  trace?: TracingSettings;
}

export interface ConfiguredBriefOptions {
  env?: Readonly<Record<string, string | undefined>>;
  /** Total time for model summaries (default 60 s). */
  budgetMs?: number;
  signal?: AbortSignal;
}

/**
 * The brief as `outro brief` and `outro digest` build it: with model summaries when config `model`
 * (or OUTRO_MODEL) names one, traced into the store's spans so `outro status` counts its model
 * calls, cache hits, degraded outputs and hallucination drops; else the plain extractive brief.
 */
export async function buildConfiguredBrief(store: BriefStore & { db: SqliteDatabase }, config: BriefModelConfig, options: BriefOptions, extra: ConfiguredBriefOptions = {}): Promise<Brief> {
  const runtime = createModelRuntime({ model: config.model }, extra.env ?? process.env);
  if (!runtime) return buildBriefWithModel(store, options);
  const tracing = createTracing(store.db, config.trace ?? {}, extra.env ?? process.env);
  try {
    return await runWithTracer(tracing.tracer, () =>
      buildBriefWithModel(store, options, { client: runtime.client, budgetMs: extra.budgetMs, ...(extra.signal ? { signal: extra.signal } : {}) }),
    );
  } finally {
    await tracing.flush();
  }
}
