import { describe, expect, it } from 'vitest';
import { OutroError } from '../domain/errors.js';
import { errorFromWire, errorToWire, lineReader, RequestSchema } from './protocol.js';

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

  it('reads control requests by op, and calls with a name, an input and the call context', () => {
    expect(RequestSchema.parse({ id: 'a', op: 'stop' })).toEqual({ id: 'a', op: 'stop' });
    const call = {
      id: 1,
      op: 'call',
      name: 'status',
      input: {},
      context: { configFile: '/c.yaml', now: '2026-03-01T12:00:00.000Z' },
    };
    expect(RequestSchema.parse(call)).toEqual(call);
    expect(
      RequestSchema.safeParse({
        id: 2,
        op: 'call',
        name: 'status',
        input: {},
        context: { configFile: '/c.yaml', now: 'yesterday-ish' },
      }).success,
    ).toBe(false);
    expect(RequestSchema.safeParse({ id: 3, argv: ['status'], cwd: '/tmp' }).success).toBe(false);
  });

  it('carries an OutroError across as the same error: code, message, details, cause', () => {
    const error = new OutroError('PARTIAL', '1 item skipped.', {
      details: { skipped: 1 },
      cause: new Error('bad json'),
    });
    const again = errorFromWire(JSON.parse(JSON.stringify(errorToWire(error))));
    expect(again).toBeInstanceOf(OutroError);
    expect(again.toJSON()).toEqual(error.toJSON());
    const bug = errorFromWire(errorToWire(new TypeError('x is undefined')));
    expect(bug.toJSON()).toEqual({ code: 'INTERNAL', message: 'x is undefined', cause: 'x is undefined' });
    expect(bug.stack).toContain('TypeError: x is undefined');
  });
});
