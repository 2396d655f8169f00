import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir.js';
import { commandName, daemonAnswers, forwardToDaemon, sendRequest, shouldForward } from './daemon-client.js';

describe('which invocations go to the daemon', () => {
  it('finds the command after global options, skipping option values', () => {
    expect(commandName(['--config', 'my.yaml', 'status', '--json'])).toBe('status');
    expect(commandName(['--json'])).toBeUndefined();
  });

  it('forwards store commands and keeps daemon management, doctor, help and version local', () => {
    expect(shouldForward(['status', '--json'], {})).toBe(true);
    expect(shouldForward(['--config', 'daemon', 'ask', 'who owns billing'], {})).toBe(true);
    for (const argv of [['daemon', 'status'], ['doctor'], ['help', 'status'], ['status', '--help'], ['--version'], []]) {
      expect(shouldForward(argv, {})).toBe(false);
    }
    expect(shouldForward(['status'], { OUTRO_NO_DAEMON: '1' })).toBe(false);
  });
});

describe('talking to a socket', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir('od-client-');
  });
  afterEach(() => temp.cleanup());

  it('treats a missing socket and a socket file nobody listens on as "no daemon"', async () => {
    const socket = join(temp.dir, 'none.sock');
    expect(await daemonAnswers(socket)).toBe(false);
    const out: string[] = [];
    const sink = { write: (text: string) => out.push(text) } as unknown as NodeJS.WritableStream;
    expect(await forwardToDaemon(socket, ['status'], {}, { stdout: sink, stderr: sink })).toBeUndefined();
    await expect(sendRequest(socket, { op: 'ping' })).rejects.toMatchObject({ code: 'DAEMON_NOT_RUNNING' });
  });

  it('sends newline-delimited JSON with OUTRO_NOW and OUTRO_CONFIG only, and writes the reply to the streams', async () => {
    const socket = join(temp.dir, 'fake.sock');
    const received: unknown[] = [];
    const server = createServer((connection) => {
      connection.on('data', (chunk) => {
        const request = JSON.parse(chunk.toString().trim()) as { id: number };
        received.push(request);
        connection.write(`${JSON.stringify({ id: request.id, exitCode: 1, code: 'NOT_FOUND', stdout: 'out\n', stderr: 'err\n' })}\n`);
      });
    });
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      const out: string[] = [];
      const err: string[] = [];
      const result = await forwardToDaemon(socket, ['ask', 'x'], { OUTRO_NOW: '2026-03-01T12:00:00Z', SECRET: 'no', OUTRO_CONFIG: '' }, {
        stdout: { write: (text: string) => out.push(text) } as unknown as NodeJS.WritableStream,
        stderr: { write: (text: string) => err.push(text) } as unknown as NodeJS.WritableStream,
      });
      expect(result).toEqual({ code: 'NOT_FOUND' });
      expect(out.join('')).toBe('out\n');
      expect(err.join('')).toBe('err\n');
      expect(received).toEqual([{ op: 'run', argv: ['ask', 'x'], cwd: process.cwd(), env: { OUTRO_NOW: '2026-03-01T12:00:00Z' }, stdoutIsTTY: false, id: expect.any(Number) }]);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
