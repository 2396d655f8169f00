import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import { randomHexId } from './random-id.js';
import type {
  AttributeValue,
  SpanAttributes,
  SpanKind,
  SpanRecord,
  SpanStatus,
} from '../memory/traces/span-record.js';

/** Where finished spans go: the SQLite store, an OTLP exporter, a test array. */
export interface SpanSink {
  export(span: SpanRecord): void;
}

export interface TracerOptions {
  sinks: readonly SpanSink[];
  /** Record prompt and response text (config `trace.content`); default false. */
  content?: boolean;
  /** Epoch ms, fractional (default: performance.timeOrigin + performance.now()). */
  clock?: () => number;
  /** Random id of `bytes` bytes as hex (default: crypto). */
  randomId?: (bytes: number) => string;
}

export interface StartSpanOptions {
  kind?: SpanKind;
  attributes?: SpanAttributes;
  /** The parent: default the active span of this async context; null starts a new trace. */
  parent?: SpanHandle | { traceId: string; spanId: string } | null;
  /** The run this trace belongs to; inherited from the parent when not given. */
  runId?: string;
  /** For a span without a parent: join this trace instead of starting a new one. */
  traceId?: string;
}

/** A started span; end it exactly once. */
export interface SpanHandle {
  readonly traceId: string;
  readonly spanId: string;
  readonly runId: string | null;
  setAttribute(key: string, value: AttributeValue | undefined): void;
  setAttributes(attributes: Record<string, AttributeValue | undefined>): void;
  /** Marks the span failed with this error's code and message. */
  fail(error: unknown): void;
  end(status?: SpanStatus): void;
}

interface Active {
  tracer: Tracer;
  span?: SpanHandle;
}

const storage = new AsyncLocalStorage<Active>();

/**
 * Records spans of workflow steps, stage calls and model calls. A tracer is made active for an
 * async call tree with `runWithTracer`; code deep in the pipeline finds it with `activeTracer()`
 * and records nothing when there is none (tests and one-off calls pay nothing).
 */
export class Tracer {
  readonly content: boolean;
  private readonly clock: () => number;
  private readonly randomId: (bytes: number) => string;

  constructor(private readonly options: TracerOptions) {
    this.content = options.content ?? false;
    this.clock = options.clock ?? (() => performance.timeOrigin + performance.now());
    this.randomId = options.randomId ?? randomHexId;
  }

  startSpan(name: string, options: StartSpanOptions = {}): SpanHandle {
    const parent = options.parent === undefined ? activeSpan() : options.parent;
    const traceId = parent?.traceId ?? options.traceId ?? this.randomId(16);
    const runId = options.runId ?? (parent && 'runId' in parent ? parent.runId : null) ?? null;
    const spanId = this.randomId(8);
    const startMs = this.clock();
    const attributes: SpanAttributes = { ...(options.attributes ?? {}) };
    let status: SpanStatus = 'ok';
    let error: string | null = null;
    let ended = false;
    const set = (key: string, value: AttributeValue | undefined): void => {
      if (value !== undefined) attributes[key] = value;
    };
    return {
      traceId,
      spanId,
      runId,
      setAttribute: set,
      setAttributes: (values) => Object.entries(values).forEach(([key, value]) => set(key, value)),
      fail: (problem) => {
        status = 'error';
        error = describeError(problem);
      },
      end: (final) => {
        if (ended) return;
        ended = true;
        const record: SpanRecord = {
          spanId,
          traceId,
          parentId: parent?.spanId ?? null,
          runId,
          name,
          kind: options.kind ?? 'internal',
          startMs,
          endMs: this.clock(),
          status: final ?? status,
          error,
          attributes,
        };
        for (const sink of this.options.sinks) {
          try {
            sink.export(record);
          } catch {
            // A trace sink must never break the work it observes.
          }
        }
      },
    };
  }

  /** Runs `work` with `span` as the active span (for spans started elsewhere, e.g. by an observer). */
  runInSpan<T>(span: SpanHandle, work: () => T): T {
    return storage.run({ tracer: this, span }, work);
  }

  /** Runs `work` inside a new span (the active span for everything it awaits); errors fail the span and rethrow. */
  async withSpan<T>(
    name: string,
    options: StartSpanOptions,
    work: (span: SpanHandle) => Promise<T> | T,
  ): Promise<T> {
    const span = this.startSpan(name, options);
    try {
      return await storage.run({ tracer: this, span }, () => work(span));
    } catch (error) {
      span.fail(error);
      throw error;
    } finally {
      span.end();
    }
  }
}

/** Makes `tracer` the active tracer for `work` and everything it awaits. */
export function runWithTracer<T>(tracer: Tracer, work: () => T): T {
  return storage.run({ tracer }, work);
}

export function activeTracer(): Tracer | undefined {
  return storage.getStore()?.tracer;
}

export function activeSpan(): SpanHandle | undefined {
  return storage.getStore()?.span;
}

/**
 * `withSpan` on the active tracer, or plain `work` with a no-op span when there is none: what
 * instrumented pipeline code calls.
 */
export async function traced<T>(
  name: string,
  options: StartSpanOptions,
  work: (span: SpanHandle) => Promise<T> | T,
): Promise<T> {
  const tracer = activeTracer();
  return tracer ? tracer.withSpan(name, options, work) : work(NOOP_SPAN);
}

export const NOOP_SPAN: SpanHandle = {
  traceId: '',
  spanId: '',
  runId: null,
  setAttribute: () => {},
  setAttributes: () => {},
  fail: () => {},
  end: () => {},
};

function describeError(error: unknown): string {
  if (
    error &&
    typeof error === 'object' &&
    'code' in error &&
    typeof (error as { code: unknown }).code === 'string'
  ) {
    return `${(error as { code: string }).code}: ${(error as unknown as Error).message}`;
  }
  return error instanceof Error ? error.message : String(error);
}
