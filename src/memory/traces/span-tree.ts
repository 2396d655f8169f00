import { spanDurationMs, type SpanRecord } from './span-record.js';

/** A span with its children, in start order; what `outro trace` renders. */
export interface SpanNode {
  span: SpanRecord;
  durationMs: number;
  /** Start relative to the trace's first span, in ms. */
  offsetMs: number;
  children: SpanNode[];
}

/**
 * Builds the span tree(s) of one or more traces. A span whose parent is missing (pruned, or
 * still running when the process died) becomes a root, so nothing recorded is hidden.
 */
export function buildSpanTree(spans: readonly SpanRecord[]): SpanNode[] {
  const origin = spans.reduce((min, span) => Math.min(min, span.startMs), Number.POSITIVE_INFINITY);
  const nodes = new Map<string, SpanNode>();
  for (const span of spans)
    nodes.set(span.spanId, {
      span,
      durationMs: spanDurationMs(span),
      offsetMs: span.startMs - origin,
      children: [],
    });
  const roots: SpanNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.span.parentId ? nodes.get(node.span.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const order = (list: SpanNode[]): void => {
    list.sort((a, b) => a.span.startMs - b.span.startMs || a.span.spanId.localeCompare(b.span.spanId));
    list.forEach((node) => order(node.children));
  };
  order(roots);
  return roots;
}

/** Depth-first, with the depth of each node: the rows of a tree view. */
export function flattenSpanTree(roots: readonly SpanNode[]): { node: SpanNode; depth: number }[] {
  const rows: { node: SpanNode; depth: number }[] = [];
  const visit = (node: SpanNode, depth: number): void => {
    rows.push({ node, depth });
    node.children.forEach((child) => visit(child, depth + 1));
  };
  roots.forEach((root) => visit(root, 0));
  return rows;
}
