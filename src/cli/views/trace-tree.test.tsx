import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { SpanRecord } from '../../memory/traces/span-record.js';
import { traceLines, traceView } from '../../observability/span-rows.js';
import { TraceTree } from './trace-tree.js';

const span = (
  id: string,
  parentId: string | null,
  name: string,
  start: number,
  end: number,
  over: Partial<SpanRecord> = {},
): SpanRecord => ({
  spanId: id.padStart(16, '0'),
  traceId: 'f'.repeat(32),
  parentId: parentId ? parentId.padStart(16, '0') : null,
  runId: 'digest-1',
  name,
  kind: 'internal',
  startMs: 1_700_000_000_000 + start,
  endMs: 1_700_000_000_000 + end,
  status: 'ok',
  error: null,
  attributes: {},
  ...over,
});

const spans = [
  span('1', null, 'workflow digest', 0, 1_000, { kind: 'workflow' }),
  span('2', '1', 'step annotate', 10, 900, { kind: 'step' }),
  span('3', '2', 'stage annotate', 20, 880, {
    kind: 'stage',
    attributes: { 'outro.strategy': 'heuristic', 'outro.degraded': true, 'outro.grounding_drops': 2 },
  }),
  span('4', '3', 'chat qwen3:4b', 30, 500, {
    kind: 'model',
    status: 'error',
    error: 'TIMEOUT: no answer in 30 s',
    attributes: { 'gen_ai.request.model': 'qwen3:4b' },
  }),
];

describe('trace views', () => {
  it('renders the tree with nesting, timings, facts and errors as plain text', () => {
    const lines = traceLines(traceView(spans));
    expect(lines[0]).toContain('run digest-1');
    expect(lines[0]).toContain('4 spans, 1 errors');
    expect(lines[2]).toMatch(/^workflow digest\s+\+0\.00 ms\s+1\.00 s$/);
    expect(lines[3]).toMatch(/^ {2}step annotate\s+\+10 ms\s+890 ms$/);
    expect(lines[4]).toMatch(/^ {4}stage annotate .*heuristic, DEGRADED, 2 dropped$/);
    expect(lines[5]).toMatch(/^ {6}✗ chat qwen3:4b .*qwen3:4b$/);
    expect(lines[6]).toBe('        TIMEOUT: no answer in 30 s');
  });

  it('draws the same tree in Ink with a waterfall bar', () => {
    const { lastFrame } = render(<TraceTree view={traceView(spans)} />);
    const frame = lastFrame() ?? '';
    expect(frame).toContain('trace ffff');
    expect(frame).toContain('    stage annotate');
    expect(frame).toContain('✗ chat qwen3:4b');
    expect(frame).toContain('█'.repeat(24)); // the workflow spans the whole bar
    expect(frame).toContain('TIMEOUT: no answer in 30 s');
  });
});
