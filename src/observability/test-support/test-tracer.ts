import type { SpanRecord } from '../../memory/traces/span-record.js';
import { Tracer, type SpanSink } from '../tracer.js';

/** A sink that keeps spans in an array, for tests. */
export class ArraySink implements SpanSink {
  readonly spans: SpanRecord[] = [];
  export(span: SpanRecord): void {
    this.spans.push(span);
  }
  named(prefix: string): SpanRecord[] {
    return this.spans.filter((span) => span.name.startsWith(prefix));
  }
}

/** A tracer with a counting clock (1 ms a tick) and counting ids, writing into an ArraySink. */
export function testTracer(options: { content?: boolean } = {}): { tracer: Tracer; sink: ArraySink } {
  const sink = new ArraySink();
  let tick = 0;
  let id = 0;
  const tracer = new Tracer({
    sinks: [sink],
    content: options.content,
    clock: () => 1_700_000_000_000 + tick++,
    randomId: (bytes) => (++id).toString(16).padStart(bytes * 2, '0'),
  });
  return { tracer, sink };
}
