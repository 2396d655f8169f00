import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  baseExport,
  slackMessage,
  writeExport,
  type ExportFiles,
} from '../../src/connectors/slack/test-support/slack-export-fixture.js';
import { sendRequest } from '../../src/cli/daemon-client.js';
import {
  cli,
  daemonStatus,
  makeHome,
  spawnDaemon,
  stopQuietly,
  waitFor,
  type Home,
} from './daemon-harness.js';

const DAYS = 60;
const PER_DAY = 400;

/** A Slack export big enough that its ingest takes a while: DAYS day files of PER_DAY messages. */
function bigExport(): ExportFiles {
  const files: ExportFiles = {};
  const start = Date.UTC(2026, 0, 1) / 1000;
  for (let day = 0; day < DAYS; day++) {
    const date = new Date((start + day * 86_400) * 1000).toISOString().slice(0, 10);
    files[`general/${date}.json`] = Array.from({ length: PER_DAY }, (_, index) =>
      slackMessage(`${start + day * 86_400 + index * 60}.000100`, {
        user: index % 2 ? 'U1' : 'U2',
        text: `update ${day}-${index} on the billing migration`,
      }),
    );
  }
  return baseExport(files);
}

function storedMessages(home: Home): number {
  const result = cli(home, ['status', '--json']);
  if (result.status !== 0) throw new Error(`status failed (${result.status}): ${result.stderr}`);
  return (JSON.parse(result.stdout) as { stats: { messages: number } }).stats.messages;
}

async function forwardedMessages(home: Home): Promise<number> {
  const reply = await sendRequest(
    home.socket,
    { op: 'call', name: 'status', input: {}, context: { configFile: join(home.dir, 'config.yaml') } },
    0,
  );
  if (!reply.ok) throw new Error(reply.error.message);
  return (reply.result as { stats: { messages: number } }).stats.messages;
}

describe('the daemon killed mid-ingest', { timeout: 300_000 }, () => {
  let home: Home;
  beforeEach(() => {
    home = makeHome('watch:\n  - exports\n');
    mkdirSync(join(home.dir, 'exports'));
  });
  afterEach(() => {
    stopQuietly(home);
    home.cleanup();
  });

  it('answers forwarded queries while it ingests, every one without error', async () => {
    const staged = await writeExport(join(home.dir, 'staging'), bigExport());
    const child = spawnDaemon(home);
    await waitFor(() => daemonStatus(home).running, 'the daemon to answer');
    renameSync(staged, join(home.dir, 'exports', 'big-export'));
    await waitFor(() => child.output().includes('ingesting 1 changed export'), 'the ingest to begin');
    const seen: number[] = [];
    while (!child.output().includes('ingest ok') && seen.length < 500) {
      seen.push(await forwardedMessages(home));
    }
    process.stdout.write(
      `queries during ingest: ${seen.length}, distinct counts ${[...new Set(seen)].join(',')}\n`,
    );
    expect(seen.length).toBeGreaterThan(0);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen); // the count only grows
    await waitFor(() => storedMessages(home) === DAYS * PER_DAY, 'the ingest to complete');
  });

  it('after kill -9 as the ingest begins, a restart finishes it with nothing lost or doubled', async () => {
    const staged = await writeExport(join(home.dir, 'staging'), bigExport());
    const child = spawnDaemon(home);
    await waitFor(() => daemonStatus(home).running, 'the daemon to answer');
    renameSync(staged, join(home.dir, 'exports', 'big-export'));
    await waitFor(() => child.output().includes('ingesting 1 changed export'), 'the ingest to begin', 60_000);
    await waitFor(
      async () => (await forwardedMessages(home)) > 0 || child.output().includes('ingest ok'),
      'the first messages to be stored',
    );
    child.kill('SIGKILL');
    await waitFor(() => child.exitCode !== null || child.signalCode !== null, 'the daemon to die');
    // On a loaded machine the kill can land after the ingest was recorded: the restart then has
    // nothing to ingest and reports no ingest of its own.
    const finishedBeforeKill = child.output().includes('ingest ok');
    const atKill = storedMessages(home); // the stale socket is ignored: this runs locally
    expect(atKill).toBeLessThanOrEqual(DAYS * PER_DAY);

    // The restart cleans the stale socket, sees the export was never recorded as ingested, and
    // ingests it again; deterministic event ids keep what was stored before the kill from doubling.
    expect(cli(home, ['daemon', 'start']).status).toBe(0);
    await waitFor(
      () => storedMessages(home) === DAYS * PER_DAY,
      'the ingest to complete after restart',
      120_000,
    );
    let last: unknown;
    const status = await waitFor(
      () => {
        const current = daemonStatus(home);
        last = current;
        return current.running && !current.ingesting && (current.lastIngest || finishedBeforeKill)
          ? current
          : undefined;
      },
      'the daemon to report the ingest',
      150_000,
    ).catch((error: Error) => {
      // Say what the daemon last reported and logged: this wait has timed out on loaded machines.
      const log = join(home.dir, 'log', 'daemon.log');
      const tail = existsSync(log) ? readFileSync(log, 'utf8').split('\n').slice(-30).join('\n') : '(no log)';
      throw new Error(`${error.message}\nlast status: ${JSON.stringify(last)}\ndaemon log tail:\n${tail}`);
    });
    if (!finishedBeforeKill) expect(status.running && status.lastIngest?.status).toBe('ok');
    expect(storedMessages(home)).toBe(DAYS * PER_DAY);
    process.stdout.write(
      `messages stored when killed: ${atKill} of ${DAYS * PER_DAY}${finishedBeforeKill ? ' (the ingest had finished)' : ''}\n`,
    );
  });
});
