import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  baseExport,
  slackMessage,
  writeExport,
} from '../../src/connectors/slack/test-support/slack-export-fixture.js';
import { cli, daemonStatus, makeHome, stopQuietly, waitFor, type Home } from './daemon-harness.js';

function digestFires(home: Home): string[] {
  const log = readFileSync(join(home.dir, 'log', 'daemon.log'), 'utf8');
  return log
    .split('\n')
    .filter((line) => line.includes('"message":"digest fire'))
    .map((line) => (JSON.parse(line) as { fireTime: string }).fireTime);
}

describe('the daemon firing the digest schedule on an injected clock', { timeout: 300_000 }, () => {
  let home: Home;
  let clock: string;
  beforeEach(() => {
    home = makeHome('me: dana\ndigest:\n  schedule: "0 8,10 * * *"\n  dir: digests\ntimezone: UTC\n');
    clock = join(home.dir, 'clock.txt');
    home.env.OUTRO_DAEMON_CLOCK_FILE = clock;
  });
  afterEach(() => {
    stopQuietly(home);
    home.cleanup();
  });

  it('runs the latest missed fire once after a simulated sleep, and not again after a restart', async () => {
    // Something to brief about (and a reader, `me: dana`, the digest can find).
    const exported = await writeExport(
      join(home.dir, 'work'),
      baseExport({
        'general/2026-03-02.json': [
          slackMessage('1772434800.000100', {
            user: 'U2',
            text: '<@U1> can you review the billing migration plan by Friday?',
          }),
        ],
      }),
    );
    expect(cli(home, ['ingest', exported]).status).toBe(0);
    writeFileSync(clock, '2026-03-02T07:00:00Z');
    expect(cli(home, ['daemon', 'start']).status).toBe(0);
    const before = daemonStatus(home);
    expect(before.running && before.digest.nextFire).toBe('2026-03-02T08:00:00.000Z');

    // The laptop sleeps through 08:00 and 10:00 and wakes at 11:30.
    writeFileSync(clock, '2026-03-02T11:30:00Z');
    const result = await waitFor(() => {
      const status = daemonStatus(home);
      return (status.running && status.digest.lastResult) || undefined;
    }, 'the missed fire to run');
    expect(result).toMatchObject({ fireTime: '2026-03-02T10:00:00.000Z', missed: true });
    const status = daemonStatus(home);
    if (!status.running) throw new Error('daemon stopped');
    expect(status.digest.lastFire).toBe('2026-03-02T10:00:00.000Z');
    expect(status.digest.nextFire).toBe('2026-03-03T08:00:00.000Z');
    expect(result).toMatchObject({
      ok: true,
      written: true,
      file: join(home.dir, 'digests', 'digest-2026-03-02T1000Z.md'),
    });
    expect(readdirSync(join(home.dir, 'digests'))).toEqual(['digest-2026-03-02T1000Z.md']);
    expect(readFileSync(result.file as string, 'utf8')).toMatch(/^---\n[\s\S]*\n---\n/);

    // More checks on the same clock fire nothing more; nor does a restart (the fire time is stored).
    expect(cli(home, ['daemon', 'stop']).status).toBe(0);
    expect(cli(home, ['daemon', 'start']).status).toBe(0);
    await waitFor(() => daemonStatus(home).running, 'the restarted daemon');
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // several 200 ms ticks
    expect(digestFires(home)).toEqual(['2026-03-02T10:00:00.000Z']);
    expect(existsSync(join(home.dir, 'daemon-state.json'))).toBe(true);
    expect(readdirSync(join(home.dir, 'digests'))).toEqual(['digest-2026-03-02T1000Z.md']);
  });
});
