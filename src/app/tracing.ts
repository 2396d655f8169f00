import type { PruneResult } from '../memory/traces/sqlite-span-store.js';
import type { Tracer } from '../observability/tracer.js';
import { storeDatabase, type AppContext } from './app-context.js';

export interface WithTracingOptions {
  /** Also delete spans past trace.maxAgeDays and the size cap afterwards (default true). */
  prune?: boolean;
}

/**
 * Runs `work` with a tracer into the store's spans (config `trace`, OTLP from the env) made active
 * for its call tree, then flushes it: the one place a use case sets tracing up. Writing spans never
 * fails the work. The tracing code loads on first use (a plain `ask` never needs it).
 */
export async function withTracing<T>(
  ctx: AppContext,
  work: (tracer: Tracer) => Promise<T>,
  options: WithTracingOptions = {},
): Promise<T> {
  const [{ createTracing }, { runWithTracer }] = await Promise.all([
    import('../observability/tracing.js'),
    import('../observability/tracer.js'),
  ]);
  const tracing = createTracing(storeDatabase(ctx), ctx.config().trace, ctx.env);
  try {
    return await runWithTracer(tracing.tracer, () => work(tracing.tracer));
  } finally {
    await tracing.flush();
    if (options.prune !== false) tracing.prune(ctx.now().getTime());
  }
}

/** Deletes spans older than trace.maxAgeDays, and the oldest traces beyond the size cap (OUTRO_TRACE_MAX_MB). */
export async function pruneSpans(ctx: AppContext): Promise<PruneResult> {
  const { createTracing } = await import('../observability/tracing.js');
  return createTracing(ctx.store().db, { maxAgeDays: ctx.config().trace.maxAgeDays }, ctx.env).prune(
    ctx.now().getTime(),
  );
}
