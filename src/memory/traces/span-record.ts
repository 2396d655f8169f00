/** What a span is once finished: the row shape of trace_spans, as plain data. */
export type SpanStatus = 'ok' | 'error';

/** workflow / step (engine), stage (pipeline stage call), model (one model request), eval, internal. */
export type SpanKind = 'workflow' | 'step' | 'stage' | 'model' | 'eval' | 'internal';

export type AttributeValue = string | number | boolean | readonly string[] | readonly number[];
export type SpanAttributes = Record<string, AttributeValue>;

export interface SpanRecord {
  /** 16 lowercase hex digits (OTLP span id). */
  spanId: string;
  /** 32 lowercase hex digits (OTLP trace id). */
  traceId: string;
  parentId: string | null;
  runId: string | null;
  name: string;
  kind: SpanKind;
  /** Epoch milliseconds, fractional. */
  startMs: number;
  endMs: number;
  status: SpanStatus;
  error: string | null;
  attributes: SpanAttributes;
}

export function spanDurationMs(span: Pick<SpanRecord, 'startMs' | 'endMs'>): number {
  return Math.max(0, span.endMs - span.startMs);
}
