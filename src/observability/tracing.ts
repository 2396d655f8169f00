import type { SqliteDatabase } from '../memory/sqlite.js';
import { SqliteSpanStore, type PruneResult } from '../memory/traces/sqlite-span-store.js';
import { otlpFromEnv, type OtlpHttpExporter } from './otlp-exporter.js';
import { StoreSpanSink } from './store-sink.js';
import { Tracer, type SpanSink } from './tracer.js';

export interface TracingSettings {
  /** config `trace.content`: keep prompt and reply text in model spans. */
  content?: boolean;
  /** config `trace.maxAgeDays`: spans older than this are pruned. */
  maxAgeDays?: number;
  /** Prune whole oldest traces until the spans hold at most this many bytes (default 64 MiB; OUTRO_TRACE_MAX_MB). */
  maxBytes?: number;
}

export interface Tracing {
  tracer: Tracer;
  store: SqliteSpanStore;
  otlp?: OtlpHttpExporter;
  /** Writes pending spans to SQLite and the collector (call before closing the database). */
  flush(): Promise<void>;
  prune(nowMs?: number): PruneResult;
}

export const DEFAULT_TRACE_MAX_BYTES = 64 * 1024 * 1024;

/** The tracer a process uses: spans into the store's trace_spans table, and to OTLP when configured. */
export function createTracing(
  db: SqliteDatabase,
  settings: TracingSettings = {},
  env: Readonly<Record<string, string | undefined>> = process.env,
): Tracing {
  const store = new SqliteSpanStore(db);
  const sink = new StoreSpanSink(store);
  const otlp = otlpFromEnv(env);
  const sinks: SpanSink[] = otlp ? [sink, otlp] : [sink];
  const envMb = Number(env.OUTRO_TRACE_MAX_MB);
  const maxBytes =
    settings.maxBytes ??
    (Number.isFinite(envMb) && envMb > 0 ? envMb * 1024 * 1024 : DEFAULT_TRACE_MAX_BYTES);
  return {
    tracer: new Tracer({ sinks, content: settings.content ?? false }),
    store,
    otlp,
    async flush() {
      sink.flush();
      await otlp?.flush();
    },
    prune(nowMs = Date.now()) {
      sink.flush();
      return store.prune({ olderThanMs: nowMs - (settings.maxAgeDays ?? 30) * 86_400_000, maxBytes });
    },
  };
}
