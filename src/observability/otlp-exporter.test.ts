import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { OtlpHttpExporter, otlpFromEnv } from './otlp-exporter.js';
import { testTracer } from './test-support/test-tracer.js';

let server: Server | undefined;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

async function collector(status = 200): Promise<{ url: string; bodies: any[]; paths: string[] }> {
  const bodies: any[] = [];
  const paths: string[] = [];
  server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      paths.push(request.url ?? '');
      bodies.push(JSON.parse(raw));
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, bodies, paths };
}

describe('OtlpHttpExporter', () => {
  it('is off unless OUTRO_OTLP_ENDPOINT is set', () => {
    expect(otlpFromEnv({})).toBeUndefined();
    expect(otlpFromEnv({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://x' })).toBeUndefined();
    expect(otlpFromEnv({ OUTRO_OTLP_ENDPOINT: 'http://127.0.0.1:4318' })).toBeInstanceOf(OtlpHttpExporter);
  });

  it('posts spans as OTLP JSON to /v1/traces', async () => {
    const { url, bodies, paths } = await collector();
    const exporter = new OtlpHttpExporter({ endpoint: url });
    const { tracer, sink } = testTracer();
    await tracer.withSpan('stage annotate', { kind: 'stage', runId: 'r1' }, async () => {
      await tracer.withSpan(
        'chat qwen3',
        {
          kind: 'model',
          attributes: { 'gen_ai.usage.input_tokens': 12, 'outro.cache_hit': false, score: 0.5 },
        },
        async () => undefined,
      );
    });
    sink.spans.forEach((span) => exporter.export(span));
    await exporter.flush();
    expect(paths).toEqual(['/v1/traces']);
    const spans = bodies[0].resourceSpans[0].scopeSpans[0].spans;
    expect(bodies[0].resourceSpans[0].resource.attributes[0]).toEqual({
      key: 'service.name',
      value: { stringValue: 'outro' },
    });
    const chat = spans.find((span: any) => span.name === 'chat qwen3');
    const stage = spans.find((span: any) => span.name === 'stage annotate');
    expect(chat.parentSpanId).toBe(stage.spanId);
    expect(chat.traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(chat.kind).toBe(3);
    expect(chat.startTimeUnixNano).toMatch(/^\d{19}$/);
    expect(chat.attributes).toEqual(
      expect.arrayContaining([
        { key: 'gen_ai.usage.input_tokens', value: { intValue: '12' } },
        { key: 'outro.cache_hit', value: { boolValue: false } },
        { key: 'score', value: { doubleValue: 0.5 } },
        { key: 'outro.run_id', value: { stringValue: 'r1' } },
      ]),
    );
    expect(exporter.sent).toBe(2);
  });

  it('counts spans as dropped when the collector refuses or is down', async () => {
    const { url } = await collector(503);
    const { tracer, sink } = testTracer();
    await tracer.withSpan('x', {}, async () => undefined);
    const refused = new OtlpHttpExporter({ endpoint: url });
    refused.export(sink.spans[0]);
    await refused.flush();
    expect(refused.dropped).toBe(1);
    const down = new OtlpHttpExporter({ endpoint: 'http://127.0.0.1:9', timeoutMs: 2_000 });
    down.export(sink.spans[0]);
    await down.flush();
    expect(down.dropped).toBe(1);
  });
});
