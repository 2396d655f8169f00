import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isOutroError } from '../domain/errors.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { callDaemon, daemonAnswers, sendRequest } from './daemon-client.js';

describe('talking to a socket', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir('od-client-');
  });
  afterEach(() => temp.cleanup());

  it('treats a missing socket and a socket file nobody listens on as "no daemon"', async () => {
    const socket = join(temp.dir, 'none.sock');
    expect(await daemonAnswers(socket)).toBe(false);
    expect(await callDaemon(socket, 'status', {}, { configFile: '/c.yaml' })).toEqual({ answered: false });
    await expect(sendRequest(socket, { op: 'ping' })).rejects.toMatchObject({ code: 'DAEMON_NOT_RUNNING' });
  });

  it('sends a typed call as newline-delimited JSON, and throws an error reply again as the same OutroError', async () => {
    const socket = join(temp.dir, 'fake.sock');
    const received: unknown[] = [];
    const server = createServer((connection) => {
      connection.on('data', (chunk) => {
        const request = JSON.parse(chunk.toString().trim()) as { id: number; name: string };
        received.push(request);
        const reply =
          request.name === 'ask'
            ? { id: request.id, ok: true, result: { answer: { text: 'Marco owns billing.' } } }
            : {
                id: request.id,
                ok: false,
                error: {
                  code: 'NOT_FOUND',
                  message: 'No workflow run x.',
                  details: { run: 'x' },
                  cause: 'because',
                },
              };
        connection.write(`${JSON.stringify(reply)}\n`);
      });
    });
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      const context = { configFile: '/home/dana/.config/outro/config.yaml', now: '2026-03-01T12:00:00.000Z' };
      expect(await callDaemon(socket, 'ask', { question: 'who owns billing', model: true }, context)).toEqual(
        { answered: true, result: { answer: { text: 'Marco owns billing.' } } },
      );
      expect(received).toEqual([
        {
          op: 'call',
          name: 'ask',
          input: { question: 'who owns billing', model: true },
          context,
          id: expect.any(Number),
        },
      ]);
      const error = await callDaemon(socket, 'runs.show', { run: 'x' }, context).catch(
        (caught: unknown) => caught,
      );
      expect(isOutroError(error, 'NOT_FOUND')).toBe(true);
      expect((error as Error).message).toBe('No workflow run x.');
      expect((error as { toJSON(): unknown }).toJSON()).toEqual({
        code: 'NOT_FOUND',
        message: 'No workflow run x.',
        details: { run: 'x' },
        cause: 'because',
      });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
