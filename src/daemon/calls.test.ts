import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolvePaths } from '../app/paths.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { answerCall } from './calls.js';
import type { CallRequest } from './protocol.js';

describe('answering a call from the CLI in the daemon process', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let host: { env: NodeJS.ProcessEnv; paths: ReturnType<typeof resolvePaths> };
  beforeEach(() => {
    temp = makeTempDir('od-call-');
    host = { env: { OUTRO_HOME: temp.dir }, paths: resolvePaths({ OUTRO_HOME: temp.dir }) };
  });
  afterEach(() => temp.cleanup());

  const request = (
    name: string,
    input: unknown,
    context: CallRequest['context'] = { configFile: join(temp.dir, 'config.yaml') },
  ): CallRequest => ({ id: 1, op: 'call', name, input, context });

  it('runs the use case and answers its result as data', async () => {
    const reply = await answerCall(host, request('status', {}));
    expect(reply).toMatchObject({
      id: 1,
      ok: true,
      result: { home: temp.dir, database: join(temp.dir, 'outro.db') },
    });
  });

  it("reads inputs at their absolute paths and names them as the client typed them, never using the daemon's cwd", async () => {
    const before = process.cwd();
    const reply = await answerCall(
      host,
      request('ingest', {
        inputs: [{ path: join(temp.dir, 'missing-export'), shown: 'missing-export' }],
        agents: false,
      }),
    );
    expect(process.cwd()).toBe(before);
    expect(reply.ok).toBe(true);
    const { summary } = (
      reply as {
        result: {
          summary: { status: string; paths: string[]; problems: Array<{ path: string; reason: string }> };
        };
      }
    ).result;
    expect(summary).toMatchObject({
      status: 'failed',
      paths: ['missing-export'],
      problems: [
        {
          path: 'missing-export',
          reason: 'missing-export does not exist or cannot be read. Check the path.',
        },
      ],
    });
  });

  it("uses the client's fixed now, never the daemon's", async () => {
    const daemonHost = { ...host, env: { ...host.env, OUTRO_NOW: 'not a time' } };
    const withoutClientNow = await answerCall(daemonHost, request('status', {}));
    expect(withoutClientNow.ok).toBe(true);
    const withClientNow = await answerCall(
      host,
      request('status', {}, { configFile: join(temp.dir, 'config.yaml'), now: '2026-03-01T12:00:00.000Z' }),
    );
    expect(withClientNow).toMatchObject({
      ok: true,
      result: { lastDay: { since: '2026-02-28T12:00:00.000Z' } },
    });
  });

  it('answers an unknown operation or an input its schema refuses with USAGE (the daemon goes on)', async () => {
    expect(await answerCall(host, request('frobnicate', {}))).toMatchObject({
      ok: false,
      error: { code: 'USAGE', message: expect.stringContaining('no operation "frobnicate"') },
    });
    expect(await answerCall(host, request('runs', { limit: -1 }))).toMatchObject({
      ok: false,
      error: { code: 'USAGE', message: expect.stringContaining('limit') },
    });
    expect(
      await answerCall(
        host,
        request('ingest', { inputs: [{ path: 'relative/path', shown: 'relative/path' }], agents: false }),
      ),
    ).toMatchObject({ ok: false, error: { code: 'USAGE', message: expect.stringContaining('absolute') } });
  });

  it('answers an error a use case throws with its code, message and details', async () => {
    const reply = await answerCall(host, request('runs.show', { run: 'run_nope' }));
    expect(reply).toEqual({
      id: 1,
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No workflow run run_nope. `outro runs` lists the recent ones.' },
    });
  });
});
