import { realpathSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { renderDaemonStatus, runInProcess } from './daemon.js';

describe('running a forwarded command in the daemon process', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir('od-run-');
  });
  afterEach(() => temp.cleanup());

  it("captures the output, uses the client's cwd, and restores the daemon's cwd", async () => {
    const before = process.cwd();
    const env = { OUTRO_HOME: temp.dir };
    const reply = await runInProcess({ op: 'run', id: 1, argv: ['ingest', 'missing-export', '--json'], cwd: realpathSync(temp.dir), env: {}, stdoutIsTTY: false }, env);
    expect(process.cwd()).toBe(before);
    expect(reply.exitCode).toBe(1);
    expect(reply.code).toBe('INPUT_UNREADABLE');
    // The relative path was resolved against the client's cwd.
    expect(reply.stdout).toContain(`missing-export`);
    const ok = await runInProcess({ op: 'run', id: 2, argv: ['status', '--json'], cwd: before, env: {}, stdoutIsTTY: false }, env);
    expect(ok).toMatchObject({ exitCode: 0, stderr: '' });
    expect(JSON.parse(ok.stdout)).toMatchObject({ home: temp.dir });
  });

  it("uses the client's OUTRO_NOW, never the daemon's", async () => {
    const daemonEnv = { OUTRO_HOME: temp.dir, OUTRO_NOW: 'not a time' };
    const withoutClientNow = await runInProcess({ op: 'run', id: 4, argv: ['status', '--json'], cwd: process.cwd(), env: {}, stdoutIsTTY: false }, daemonEnv);
    expect(withoutClientNow.exitCode).toBe(0);
    const badClientNow = await runInProcess({ op: 'run', id: 5, argv: ['status', '--json'], cwd: process.cwd(), env: { OUTRO_NOW: 'yesterday-ish' }, stdoutIsTTY: false }, { OUTRO_HOME: temp.dir });
    expect(badClientNow).toMatchObject({ exitCode: 1, code: 'USAGE' });
    expect(badClientNow.stderr).toContain('OUTRO_NOW=yesterday-ish');
  });

  it('answers a usage error with USAGE and its message (the daemon goes on)', async () => {
    const reply = await runInProcess({ op: 'run', id: 3, argv: ['status', '--no-such-flag'], cwd: process.cwd(), env: {}, stdoutIsTTY: false }, { OUTRO_HOME: temp.dir });
    expect(reply).toMatchObject({ exitCode: 1, code: 'USAGE' });
    expect(reply.stderr).toMatch(/unknown option/);
  });
});

describe('renderDaemonStatus', () => {
  it('names the pid, uptime, folders, last ingest and next digest', () => {
    const lines = renderDaemonStatus({
      running: true,
      pid: 42,
      startedAt: '2026-03-01T12:00:00.000Z',
      uptimeSeconds: 3_725,
      socket: '/run/outro/outro.sock',
      log: '/state/daemon.log',
      database: '/data/outro.db',
      watched: ['/exports/a', '/exports/b'],
      missingWatchFolders: ['/nope'],
      ingesting: false,
      lastIngest: { at: '2026-03-01T12:30:00.000Z', paths: ['/exports/a/x'], status: 'ok', appended: 12, problems: 0 },
      digest: { schedule: '0 8 * * 1-5', dir: '/notes', available: true, nextFire: '2026-03-02T08:00:00.000Z', lastFire: null, lastResult: null },
      agents: false,
    });
    expect(lines.join('\n')).toBe(
      [
        'outro daemon running (pid 42), up 1h 2m',
        '  socket       /run/outro/outro.sock',
        '  log          /state/daemon.log',
        '  watching     /exports/a',
        '               /exports/b',
        '  missing      /nope (does not exist; not watched)',
        '  last ingest  2026-03-01 12:30 UTC: ok, 12 new events',
        '  next digest  2026-03-02 08:00 UTC (schedule "0 8 * * 1-5", into /notes)',
      ].join('\n'),
    );
  });
});
