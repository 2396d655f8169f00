import type { SpanAttributes } from '../memory/traces/span-record.js';

/**
 * Span attribute names: the OpenTelemetry GenAI semantic conventions for model calls, and
 * outro's own for stage calls. One place, so the store, `outro trace`, the status summary and
 * the OTLP exporter agree.
 */
export const ATTR = {
  operation: 'gen_ai.operation.name',
  provider: 'gen_ai.provider.name',
  requestModel: 'gen_ai.request.model',
  responseModel: 'gen_ai.response.model',
  finishReasons: 'gen_ai.response.finish_reasons',
  inputTokens: 'gen_ai.usage.input_tokens',
  outputTokens: 'gen_ai.usage.output_tokens',
  inputMessages: 'gen_ai.input.messages',
  outputMessages: 'gen_ai.output.messages',
  stage: 'outro.stage',
  stageVersion: 'outro.stage_version',
  strategy: 'outro.strategy',
  cacheHit: 'outro.cache_hit',
  degraded: 'outro.degraded',
  degradedReason: 'outro.degraded_reason',
  groundingDrops: 'outro.grounding_drops',
  modelCalls: 'outro.model_calls',
  repaired: 'outro.repaired',
  attempt: 'outro.attempt',
  workflow: 'outro.workflow',
  step: 'outro.step',
} as const;

/** Longest prompt or reply text kept in a span (only with trace.content: true). */
export const MAX_CONTENT_CHARS = 32_000;

export function clipContent(text: string): string {
  return text.length > MAX_CONTENT_CHARS
    ? `${text.slice(0, MAX_CONTENT_CHARS)}… [${text.length - MAX_CONTENT_CHARS} more chars]`
    : text;
}

export function numberAttr(attributes: SpanAttributes, key: string): number {
  const value = attributes[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

export function boolAttr(attributes: SpanAttributes, key: string): boolean {
  return attributes[key] === true;
}
