import type { SpanRecord } from '../memory/traces/span-record.js';
import { buildSpanTree, flattenSpanTree } from '../memory/traces/span-tree.js';
import { ATTR } from './gen-ai-attributes.js';

/** One line of `outro trace`: what the plain renderer and the Ink view both draw. */
export interface SpanRow {
  depth: number;
  spanId: string;
  name: string;
  kind: string;
  offsetMs: number;
  durationMs: number;
  status: 'ok' | 'error';
  error: string | null;
  /** The attributes worth a glance: model, tokens, cache hit, degraded, drops. */
  facts: string[];
  attributes: SpanRecord['attributes'];
}

export interface TraceView {
  traceIds: string[];
  runId: string | null;
  startedAt: string | null;
  totalMs: number;
  spans: number;
  errors: number;
  rows: SpanRow[];
}

/** The rows of one or more traces (a run may span several), depth-first with timings. */
export function traceView(spans: readonly SpanRecord[]): TraceView {
  const rows = flattenSpanTree(buildSpanTree(spans)).map(({ node, depth }) => ({
    depth,
    spanId: node.span.spanId,
    name: node.span.name,
    kind: node.span.kind,
    offsetMs: node.offsetMs,
    durationMs: node.durationMs,
    status: node.span.status,
    error: node.span.error,
    facts: facts(node.span),
    attributes: node.span.attributes,
  }));
  const start = Math.min(...spans.map((span) => span.startMs));
  const end = Math.max(...spans.map((span) => span.endMs));
  return {
    traceIds: [...new Set(spans.map((span) => span.traceId))],
    runId: spans.find((span) => span.runId)?.runId ?? null,
    startedAt: spans.length > 0 ? new Date(start).toISOString() : null,
    totalMs: spans.length > 0 ? end - start : 0,
    spans: spans.length,
    errors: spans.filter((span) => span.status === 'error').length,
    rows,
  };
}

function facts(span: SpanRecord): string[] {
  const a = span.attributes;
  const out: string[] = [];
  if (span.kind === 'model') {
    if (a[ATTR.requestModel] !== undefined) out.push(String(a[ATTR.requestModel]));
    if (a[ATTR.inputTokens] !== undefined || a[ATTR.outputTokens] !== undefined)
      out.push(`${a[ATTR.inputTokens] ?? '?'}→${a[ATTR.outputTokens] ?? '?'} tok`);
  }
  if (span.kind === 'stage') {
    if (a[ATTR.strategy] !== undefined) out.push(String(a[ATTR.strategy]));
    if (a[ATTR.cacheHit] === true) out.push('cached');
    if (a[ATTR.degraded] === true) out.push('DEGRADED');
    const drops = a[ATTR.groundingDrops];
    if (typeof drops === 'number' && drops > 0) out.push(`${drops} dropped`);
  }
  if (a[ATTR.attempt] !== undefined && a[ATTR.attempt] !== 1) out.push(`attempt ${a[ATTR.attempt]}`);
  if (a['outro.replayed'] === true) out.push('replayed');
  const score = a['outro.eval.score'];
  if (typeof score === 'number') out.push(`score ${(score * 100).toFixed(1)}%`);
  return out;
}

export function formatMs(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 1_000) return `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(2)} s`;
  return `${Math.floor(ms / 60_000)} m ${Math.round((ms % 60_000) / 1_000)} s`;
}

/** Plain text: an indented tree with start offset and duration per span. */
export function traceLines(view: TraceView): string[] {
  const head = `trace ${view.traceIds.join(', ')}${view.runId ? `  run ${view.runId}` : ''}  ${view.startedAt ?? ''}  ${formatMs(view.totalMs)}, ${view.spans} spans, ${view.errors} errors`;
  const lines = [head, ''];
  for (const row of view.rows) {
    const label = `${'  '.repeat(row.depth)}${row.status === 'error' ? '✗ ' : ''}${row.name}`;
    lines.push(
      `${label.padEnd(48)} +${formatMs(row.offsetMs).padEnd(9)} ${formatMs(row.durationMs).padStart(9)}${row.facts.length ? `  ${row.facts.join(', ')}` : ''}`,
    );
    if (row.error) lines.push(`${'  '.repeat(row.depth + 1)}${row.error}`);
  }
  return lines;
}
