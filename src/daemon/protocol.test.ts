import { describe, expect, it } from 'vitest';
import { lineReader, RequestSchema } from './protocol.js';

describe('the daemon protocol', () => {
  it('splits a stream into lines however the chunks fall', () => {
    const lines: string[] = [];
    const feed = lineReader((line) => lines.push(line));
    feed('{"a":1}\n{"b"');
    feed(':2}\n\n');
    feed('{"c":3}');
    expect(lines).toEqual(['{"a":1}', '{"b":2}']);
    feed('\n');
    expect(lines).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });

  it('reads a request without op as a command to run, and control requests by op', () => {
    expect(RequestSchema.parse({ id: 1, argv: ['status'], cwd: '/tmp' })).toEqual({ id: 1, op: 'run', argv: ['status'], cwd: '/tmp', env: {}, stdoutIsTTY: false });
    expect(RequestSchema.parse({ id: 'a', op: 'stop' })).toEqual({ id: 'a', op: 'stop' });
    expect(RequestSchema.safeParse({ id: 2, op: 'run' }).success).toBe(false);
  });
});
