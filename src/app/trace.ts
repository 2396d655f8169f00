import { OutroError } from '../domain/errors.js';
import { SqliteSpanStore, type PruneResult, type TraceSummary } from '../memory/traces/sqlite-span-store.js';
import { hasTraceTables } from '../memory/traces/trace-tables.js';
import { traceView, type TraceView } from '../observability/span-rows.js';
import type { AppContext } from './app-context.js';
import type { TraceListInput, TraceShowInput } from './operation-inputs.js';
import { pruneSpans } from './tracing.js';

/** The store's spans, checked to have their tables (migration 7). */
function spanStore(ctx: AppContext): SqliteSpanStore {
  const db = ctx.store().db;
  if (!hasTraceTables(db))
    throw new OutroError(
      'INTERNAL',
      'This build has no trace tables (migration 7 is not registered in src/memory/migrations/index.ts). Rebuild outro.',
    );
  return new SqliteSpanStore(db);
}

/** `outro trace`: recent traces, newest first. */
export async function traceList(ctx: AppContext, input: TraceListInput): Promise<TraceSummary[]> {
  return spanStore(ctx).recent(input.limit);
}

/** `outro trace RUN`: the spans of a workflow or eval run, or a trace (id or unique prefix), as rows of a tree with timings. */
export async function traceShow(ctx: AppContext, input: TraceShowInput): Promise<TraceView> {
  const spans = spanStore(ctx);
  const traceIds = spans.resolve(input.run);
  if (traceIds.length === 0)
    throw new OutroError('NOT_FOUND', `No trace or run "${input.run}". List recent ones with: outro trace`);
  return traceView(traceIds.flatMap((id) => spans.trace(id)));
}

export interface TracePruneResult extends PruneResult {
  /** Spans left afterwards. */
  left: number;
}

/** `outro trace --prune`: spans older than trace.maxAgeDays, and the oldest traces beyond the size cap, deleted. */
export async function tracePrune(ctx: AppContext): Promise<TracePruneResult> {
  const spans = spanStore(ctx);
  const result = await pruneSpans(ctx);
  return { ...result, left: spans.count() };
}

export type { TraceSummary, TraceView };
