import { describe, expect, it } from 'vitest';
import { renderDaemonStatus } from './daemon-run.js';

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
      lastIngest: {
        at: '2026-03-01T12:30:00.000Z',
        paths: ['/exports/a/x'],
        status: 'ok',
        appended: 12,
        problems: 0,
      },
      digest: {
        schedule: '0 8 * * 1-5',
        dir: '/notes',
        available: true,
        nextFire: '2026-03-02T08:00:00.000Z',
        lastFire: null,
        lastResult: null,
      },
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
