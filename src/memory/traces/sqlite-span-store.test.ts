import { afterEach, describe, expect, it } from 'vitest';
import type { SpanRecord } from './span-record.js';
import { buildSpanTree, flattenSpanTree } from './span-tree.js';
import { SqliteSpanStore } from './sqlite-span-store.js';
import { openTraceDatabase } from './test-support/trace-database.js';

const trace = (n: number) => n.toString(16).padStart(32, '0');
const span = (id: number, traceN: number, over: Partial<SpanRecord> = {}): SpanRecord => ({
  spanId: id.toString(16).padStart(16, '0'),
  traceId: trace(traceN),
  parentId: null,
  runId: null,
  name: `span-${id}`,
  kind: 'internal',
  startMs: 1_000 * id,
  endMs: 1_000 * id + 500,
  status: 'ok',
  error: null,
  attributes: {},
  ...over,
});

describe('SqliteSpanStore', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());
  const open = () => {
    const opened = openTraceDatabase();
    cleanup = opened.cleanup;
    return new SqliteSpanStore(opened.db);
  };

  it('stores spans with their attributes and returns a trace in start order', () => {
    const store = open();
    store.insertAll([
      span(2, 1, {
        parentId: '0000000000000001',
        attributes: {
          'gen_ai.request.model': 'qwen3:4b',
          'gen_ai.usage.input_tokens': 12,
          'outro.cache_hit': false,
        },
      }),
      span(1, 1, { runId: 'run-a', kind: 'workflow' }),
      span(3, 2),
    ]);
    const spans = store.trace(trace(1));
    expect(spans.map((s) => s.name)).toEqual(['span-1', 'span-2']);
    expect(spans[1].attributes).toEqual({
      'gen_ai.request.model': 'qwen3:4b',
      'gen_ai.usage.input_tokens': 12,
      'outro.cache_hit': false,
    });
    expect(spans[0].kind).toBe('workflow');
  });

  it('resolves a run id, a full trace id and a unique prefix', () => {
    const store = open();
    store.insertAll([span(1, 0xabc001, { runId: 'digest-2026-11-20' }), span(2, 0xabc002)]);
    expect(store.resolve('digest-2026-11-20')).toEqual([trace(0xabc001)]);
    expect(store.resolve(trace(0xabc002))).toEqual([trace(0xabc002)]);
    expect(store.resolve(trace(0xabc002).slice(0, 31))).toEqual([]); // a prefix two traces share
    expect(store.resolve('0000000000')).toEqual([]); // ambiguous prefix
    expect(store.resolve('nope')).toEqual([]);
  });

  it('prunes by age, then whole oldest traces by size', () => {
    const store = open();
    store.insertAll([
      span(1, 1),
      span(2, 1),
      span(3, 2),
      span(4, 3, { attributes: { text: 'x'.repeat(1_000) } }),
      span(5, 4),
    ]);
    expect(store.prune({ olderThanMs: 1_500 })).toEqual({ spans: 1, traces: 1 });
    expect(store.count()).toBe(4);
    const before = store.totalBytes();
    const result = store.prune({ maxBytes: before - 1 });
    expect(result).toEqual({ spans: 1, traces: 1 }); // the rest of trace 1 (oldest) goes
    expect(store.trace(trace(1))).toEqual([]);
    expect(store.prune({ maxBytes: 100 }).traces).toBe(2); // trace 2, then the big trace 3
    expect(store.trace(trace(4))).toHaveLength(1);
  });

  it('lists recent traces with their root name, span and error counts', () => {
    const store = open();
    store.insertAll([
      span(1, 1, { name: 'workflow digest', runId: 'r1' }),
      span(2, 1, { parentId: '0000000000000001', status: 'error', error: 'boom' }),
      span(3, 2, { name: 'eval run' }),
    ]);
    const recent = store.recent();
    expect(recent.map((t) => [t.name, t.spans, t.errors, t.runId])).toEqual([
      ['eval run', 1, 0, null],
      ['workflow digest', 2, 1, 'r1'],
    ]);
  });
});

describe('buildSpanTree', () => {
  it('nests children under parents and keeps orphans as roots', () => {
    const roots = buildSpanTree([
      span(1, 1),
      span(3, 1, { parentId: '0000000000000001' }),
      span(2, 1, { parentId: '0000000000000001' }),
      span(4, 1, { parentId: '00000000000000ff' }),
    ]);
    const rows = flattenSpanTree(roots).map(
      ({ node, depth }) => `${depth}:${node.span.name}:${node.offsetMs}`,
    );
    expect(rows).toEqual(['0:span-1:0', '1:span-2:1000', '1:span-3:2000', '0:span-4:3000']);
  });
});
