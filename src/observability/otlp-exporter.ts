import type { AttributeValue, SpanRecord } from '../memory/traces/span-record.js';
import type { SpanSink } from './tracer.js';

/**
 * Sends spans to an OpenTelemetry collector as OTLP/HTTP JSON (POST <endpoint>/v1/traces).
 * Off by default: it exists only when OUTRO_OTLP_ENDPOINT is set (see otlpFromEnv). Batched;
 * a collector that is down costs a dropped batch and a counter, never the work being traced.
 */
export interface OtlpExporterOptions {
  /** e.g. http://127.0.0.1:4318 (the path /v1/traces is added unless present). */
  endpoint: string;
  serviceName?: string;
  headers?: Record<string, string>;
  batchSize?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export class OtlpHttpExporter implements SpanSink {
  private pending: SpanRecord[] = [];
  private inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  /** Spans the collector did not accept (down, 4xx/5xx, timeout). */
  dropped = 0;
  sent = 0;
  private readonly url: string;

  constructor(private readonly options: OtlpExporterOptions) {
    this.url = /\/v1\/traces\/?$/.test(options.endpoint)
      ? options.endpoint
      : `${options.endpoint.replace(/\/+$/, '')}/v1/traces`;
  }

  export(span: SpanRecord): void {
    this.pending.push(span);
    if (this.pending.length >= (this.options.batchSize ?? 128)) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), 1_000).unref();
  }

  /** Sends what is pending and waits for every request in flight. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      const request = this.send(batch).finally(() => this.inFlight.delete(request));
      this.inFlight.add(request);
    }
    await Promise.all([...this.inFlight]);
  }

  private async send(batch: SpanRecord[]): Promise<void> {
    try {
      const response = await (this.options.fetch ?? fetch)(this.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(this.options.headers ?? {}) },
        body: JSON.stringify(toOtlpJson(batch, this.options.serviceName ?? 'outro')),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.ok) this.sent += batch.length;
      else this.dropped += batch.length;
    } catch {
      this.dropped += batch.length;
    }
  }
}

/** The exporter when OUTRO_OTLP_ENDPOINT is set (OUTRO_OTLP_HEADERS: `k=v,k2=v2`), else undefined. */
export function otlpFromEnv(env: Readonly<Record<string, string | undefined>>): OtlpHttpExporter | undefined {
  const endpoint = env.OUTRO_OTLP_ENDPOINT?.trim();
  if (!endpoint) return undefined;
  const headers = Object.fromEntries(
    (env.OUTRO_OTLP_HEADERS ?? '')
      .split(',')
      .map((pair) => pair.split('=').map((part) => part.trim()))
      .filter((pair): pair is [string, string] => pair.length === 2 && pair[0] !== ''),
  );
  return new OtlpHttpExporter({ endpoint, headers });
}

/** ExportTraceServiceRequest in the OTLP JSON encoding (hex ids, nanosecond times as strings). */
export function toOtlpJson(spans: readonly SpanRecord[], serviceName: string): unknown {
  return {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: serviceName } }] },
        scopeSpans: [
          {
            scope: { name: 'outro' },
            spans: spans.map((span) => ({
              traceId: span.traceId,
              spanId: span.spanId,
              ...(span.parentId ? { parentSpanId: span.parentId } : {}),
              name: span.name,
              // SPAN_KIND_CLIENT for model requests, INTERNAL otherwise.
              kind: span.kind === 'model' ? 3 : 1,
              startTimeUnixNano: toNanos(span.startMs),
              endTimeUnixNano: toNanos(span.endMs),
              attributes: Object.entries({
                ...span.attributes,
                ...(span.runId ? { 'outro.run_id': span.runId } : {}),
                'outro.span_kind': span.kind,
              }).map(([key, value]) => ({ key, value: anyValue(value) })),
              status: span.status === 'error' ? { code: 2, message: span.error ?? '' } : { code: 1 },
            })),
          },
        ],
      },
    ],
  };
}

function toNanos(ms: number): string {
  return (BigInt(Math.floor(ms)) * 1_000_000n + BigInt(Math.round((ms % 1) * 1_000_000))).toString();
}

function anyValue(value: AttributeValue): Record<string, unknown> {
  if (Array.isArray(value))
    return { arrayValue: { values: value.map((item) => anyValue(item as AttributeValue)) } };
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value === 'number')
    return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
  return { stringValue: String(value) };
}
