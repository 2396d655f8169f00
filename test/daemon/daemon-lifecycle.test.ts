import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import {
  baseExport,
  slackMessage,
  writeExport,
} from '../../src/connectors/slack/test-support/slack-export-fixture.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  cli,
  daemonStatus,
  makeHome,
  spawnDaemon,
  stopQuietly,
  waitFor,
  type Home,
} from './daemon-harness.js';

/** The Acme sample workspace (`npm run fixtures:build`). */
const SAMPLE = resolve('fixtures/workspace');

describe('outro daemon as a real child process', { timeout: 300_000 }, () => {
  let home: Home;
  beforeEach(() => {
    home = makeHome();
  });
  afterEach(() => {
    stopQuietly(home);
    home.cleanup();
  });

  it('starts, answers status over an owner-only socket, refuses a second start, and stops removing the socket', () => {
    const started = cli(home, ['daemon', 'start', '--json']);
    expect(started.stderr).toBe('');
    expect(started.status).toBe(0);
    const info = JSON.parse(started.stdout) as { pid: number; socket: string };
    expect(info.socket).toBe(home.socket);
    expect(statSync(home.socket).isSocket()).toBe(true);
    expect(statSync(home.socket).mode & 0o777).toBe(0o600);

    const status = daemonStatus(home);
    expect(status.running).toBe(true);
    expect(status.pid).toBe(info.pid);
    expect(status).toMatchObject({ watched: [], digest: { schedule: '0 8 * * 1-5' } });

    const again = cli(home, ['daemon', 'start']);
    expect(again.status).toBe(7);
    expect(again.stderr).toMatch(/already running \(pid \d+\)/);

    const stopped = cli(home, ['daemon', 'stop', '--json']);
    expect(stopped.status).toBe(0);
    expect(JSON.parse(stopped.stdout)).toEqual({ stopped: true, pid: info.pid });
    expect(existsSync(home.socket)).toBe(false);
    expect(existsSync(home.pidFile)).toBe(false);
    const after = cli(home, ['daemon', 'status', '--json']);
    expect(after.status).toBe(7);
    expect(JSON.parse(after.stdout)).toEqual({ running: false });
  });

  it('runs a forwarded `status --json` in the daemon with the same output as running it locally', async () => {
    const env = { OUTRO_NOW: '2026-03-01T12:00:00Z' };
    expect(cli(home, ['daemon', 'start']).status).toBe(0);
    // The daemon's start-up agent run registers the agents' subscriptions; compare after it.
    await waitFor(() => {
      const status = daemonStatus(home);
      return status.running && !status.ingesting;
    }, 'the daemon to be idle');
    const forwarded = cli(home, ['status', '--json'], env);
    expect(forwarded.status).toBe(0);
    // It really went through the daemon (its log records the command)…
    expect(readFileSync(join(home.dir, 'log', 'daemon.log'), 'utf8')).toContain(
      '"message":"forwarded command","command":"status"',
    );
    // …and says what the CLI says on its own: bypassing the daemon, and with the daemon stopped.
    expect(cli(home, ['status', '--json'], { ...env, OUTRO_NO_DAEMON: '1' }).stdout).toBe(forwarded.stdout);
    expect(cli(home, ['daemon', 'stop']).status).toBe(0);
    const local = cli(home, ['status', '--json'], env);
    expect(local.status).toBe(0);
    expect(local.stdout).toBe(forwarded.stdout);
    expect(cli(home, ['daemon', 'start']).status).toBe(0);
    // Relative paths resolve against the client's working directory, not the daemon's.
    const exported = await writeExport(
      join(home.dir, 'work'),
      baseExport({ 'general/2026-02-27.json': [slackMessage('1772193600.000100')] }),
    );
    const ingested = cli(home, ['ingest', relative(home.dir, exported), '--json'], env, home.dir);
    expect(ingested.stderr).toBe('');
    expect(JSON.parse(ingested.stdout)).toMatchObject({ status: 'ok', paths: ['work/export'] });
    expect(readFileSync(join(home.dir, 'log', 'daemon.log'), 'utf8')).toContain('"command":"ingest"');
    // A usage error inside the daemon comes back with the same exit status and message.
    const bad = cli(home, ['status', '--no-such-flag']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/unknown option/);
  });

  it.runIf(existsSync(SAMPLE))(
    'answers `ask` and `brief --json` through the daemon with the same output, errors and exit status as without it',
    async () => {
      const config = readFileSync(join(SAMPLE, 'outro.yaml'), 'utf8');
      const env = {
        OUTRO_NOW: (JSON.parse(readFileSync(join(SAMPLE, 'truth.json'), 'utf8')) as { now: string }).now,
      };
      const sampleHome = makeHome(config, env);
      try {
        expect(cli(sampleHome, ['daemon', 'start']).status).toBe(0);
        // Ingested through the daemon too (its agents fill the graph it holds open).
        const ingested = cli(sampleHome, [
          'ingest',
          ...['slack', 'discord', 'teams', 'calendar.ics'].map((name) => join(SAMPLE, name)),
          '--json',
        ]);
        expect(ingested).toMatchObject({ status: 0, stderr: '' });
        await waitFor(() => {
          const status = daemonStatus(sampleHome);
          return status.running && !status.ingesting;
        }, 'the daemon to be idle');
        const commands = [
          ['ask', 'who owns billing', '--json'],
          ['ask', 'what did we decide about search'],
          ['ask', 'who owned billing', '--as-of', 'not-a-date'],
          ['brief', '--json', '--peek'],
          ['brief', '--peek', '--since', '3d'],
          ['history', 'no such thing'],
        ];
        const run = (): Array<{ status: number | null; stdout: string; stderr: string }> =>
          commands.map((args) => cli(sampleHome, args));
        const through = run();
        const log = readFileSync(join(sampleHome.dir, 'log', 'daemon.log'), 'utf8');
        for (const name of ['ask', 'brief', 'history'])
          expect(log).toContain(`"message":"forwarded command","command":"${name}"`);
        expect(JSON.parse(through[0].stdout)).toMatchObject({
          known: true,
          text: expect.stringContaining('Marco'),
        });
        expect(JSON.parse(through[3].stdout)).toMatchObject({ reader: { name: 'Dana Whitfield' } });
        expect(through[2]).toMatchObject({
          status: 2,
          stderr: expect.stringContaining('--as-of not-a-date is not a date'),
        });
        expect(through[5].stderr).toContain('Nothing named "no such thing" is known');
        // Alone: the daemon is stopped (it holds the graph), and the CLI does the same work itself.
        expect(cli(sampleHome, ['daemon', 'stop']).status).toBe(0);
        expect(run()).toEqual(through);
      } finally {
        stopQuietly(sampleHome);
        sampleHome.cleanup();
      }
    },
  );

  it('cleans a stale socket and pid file left by SIGKILL and starts again', async () => {
    const child = spawnDaemon(home);
    const first = await waitFor(
      () => daemonStatus(home).running && daemonStatus(home),
      'the daemon to answer',
    );
    expect(first.pid).toBe(child.pid);
    child.kill('SIGKILL');
    await waitFor(() => child.exitCode !== null || child.signalCode !== null, 'the daemon to die');
    expect(existsSync(home.socket)).toBe(true); // the crash left it behind
    expect(existsSync(home.pidFile)).toBe(true);
    const status = cli(home, ['daemon', 'status']);
    expect(status.status).toBe(7);
    expect(status.stderr).toMatch(/stale pid file/);

    const restarted = cli(home, ['daemon', 'start', '--json']);
    expect(restarted.stderr).toBe('');
    expect(restarted.status).toBe(0);
    const pid = (JSON.parse(restarted.stdout) as { pid: number }).pid;
    expect(pid).not.toBe(child.pid);
    expect(daemonStatus(home).pid).toBe(pid);
  });

  it('shuts down cleanly on SIGTERM: socket and pid file removed, exit status 0', async () => {
    const child = spawnDaemon(home);
    await waitFor(() => daemonStatus(home).running, 'the daemon to answer');
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(home.socket)).toBe(false);
    expect(existsSync(home.pidFile)).toBe(false);
    expect(child.output()).toMatch(/stopping \(SIGTERM\)/);
  });
});
