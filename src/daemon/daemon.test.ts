import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolvePaths } from '../app/paths.js';
import {
  baseExport,
  slackMessage,
  writeExport,
} from '../connectors/slack/test-support/slack-export-fixture.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { startDaemon, type RunningDaemon } from './daemon.js';
import { EVENT } from '../domain/events.js';
import type { Agent } from '../runtime/agents/agent.js';
import type { DigestRequest } from './write-digest-adapter.js';

/** An agent that only counts the messages it is given. */
function countingAgent(seen: number[]): Agent {
  return {
    name: 'counter',
    version: '1',
    consumes: [EVENT.messagePosted],
    produces: [],
    async handle(batch) {
      seen.push(batch.length);
      return [];
    },
  };
}

async function waitUntil<T>(probe: () => T | undefined | false, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('startDaemon (in-process, with injected agents and digest writer)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let daemon: RunningDaemon | undefined;
  beforeEach(() => {
    temp = makeTempDir('od-inproc-');
  });
  afterEach(async () => {
    await daemon?.stop('test over');
    daemon = undefined;
    temp.cleanup();
  });

  it('runs the agents at start and after each ingest, writes the digest through the writer, and closes the agents on stop', async () => {
    const paths = resolvePaths({ OUTRO_HOME: temp.dir });
    mkdirSync(join(temp.dir, 'exports'));
    writeFileSync(
      paths.configFile,
      'watch: [exports]\ndigest:\n  schedule: "0 8 * * *"\n  dir: notes\ntimezone: UTC\n',
    );
    let now = new Date('2026-03-02T07:00:00Z');
    const seen: number[] = [];
    const logged: string[] = [];
    let closed = 0;
    const digests: Array<{ request: DigestRequest; schedule: string }> = [];
    daemon = await startDaemon({
      paths,
      now: () => new Date(now),
      log: (_level, message) => void logged.push(message),
      debounceMs: 100,
      stableMs: 100,
      tickMs: 100,
      agents: {
        agents: () => [countingAgent(seen)],
        close: async () => {
          closed++;
        },
      },
      digestWriter: (ctx, request) => {
        digests.push({ request, schedule: ctx.config().digest.schedule });
      },
    });
    await waitUntil(() => logged.some((message) => message.startsWith('agents: ')));
    expect(seen).toEqual([]); // the catch-up run at start: nothing to handle yet

    await writeExport(
      join(temp.dir, 'exports', 'acme'),
      baseExport({ 'general/2026-02-27.json': [slackMessage('1772193600.000100')] }),
    );
    const ingest = await waitUntil(() => daemon?.status().lastIngest ?? undefined);
    expect(ingest).toMatchObject({ status: 'ok', paths: [join(temp.dir, 'exports', 'acme')] });
    expect(seen).toEqual([1]); // the agents ran over what was new
    expect(ingest.agents).toMatch(/^agents: 1 batches, 1 events handled, 0 produced, 0 failed/);

    now = new Date('2026-03-02T08:00:30Z');
    await waitUntil(() => digests.length === 1);
    expect(digests[0].request.fireTime.toISOString()).toBe('2026-03-02T08:00:00.000Z');
    expect(digests[0].request.dir).toBe(join(temp.dir, 'notes'));
    expect(digests[0].schedule).toBe('0 8 * * *');
    expect(daemon.status().digest).toMatchObject({
      available: true,
      lastFire: '2026-03-02T08:00:00.000Z',
      nextFire: '2026-03-03T08:00:00.000Z',
    });

    await daemon.stop('test');
    expect(closed).toBe(1);
    expect(existsSync(join(temp.dir, 'run', 'outro.sock'))).toBe(false);
  });

  it('refuses to start while another daemon answers on the socket, even without a pid file', async () => {
    const paths = resolvePaths({ OUTRO_HOME: temp.dir });
    const options = { paths, now: () => new Date(), log: () => undefined, agents: null, digestWriter: null };
    daemon = await startDaemon(options);
    rmSync(join(temp.dir, 'run', 'outro-daemon.pid'));
    await expect(startDaemon(options)).rejects.toMatchObject({ code: 'DAEMON_RUNNING' });
    expect(daemon.status().running).toBe(true);
  });
});
