import {
  cpSync,
  openSync,
  readdirSync,
  statSync,
  truncateSync,
  writeSync,
  closeSync,
  rmSync,
  existsSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discordExport, longToken } from './support/inputs.js';
import { outro, scratch, tree } from './support/run-outro.js';
import { writeFileSync } from 'node:fs';

/**
 * Issue 16, damaged stores: `outro.db` truncated to half made every command exit 1 with a stack
 * trace; 16 KB of random bytes inside it went unnoticed (doctor said "ok"). Now each damage exits
 * 6 with what to do, doctor finds it, and `outro restore` brings the store back from a backup.
 */
describe('hostile: damaged stores', { timeout: 600_000 }, () => {
  let dirs: ReturnType<typeof scratch>;
  let events = 0;
  let pristine: string;

  beforeAll(() => {
    dirs = scratch();
    const file = join(dirs.work, 'general.json');
    writeFileSync(file, discordExport({ messages: 400 }));
    expect(outro(dirs.home, ['ingest', file]).status).toBe(0);
    const backup = outro(dirs.home, ['backup', '--json']);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    const snapshots = readdirSync(join(dirs.home, 'backups'));
    expect(snapshots).toHaveLength(1);
    expect(statSync(join(dirs.home, 'backups', snapshots[0])).mode & 0o777).toBe(0o600);
    events = (JSON.parse(outro(dirs.home, ['status', '--json']).stdout) as { stats: { events: number } })
      .stats.events;
    expect(events).toBeGreaterThan(400);
    pristine = join(dirs.root, 'pristine');
    cpSync(dirs.home, pristine, { recursive: true });
  });
  afterAll(() => dirs.cleanup());

  /** A fresh copy of the ingested home, damaged by `damage`. */
  function damaged(name: string, damage: (home: string) => void): string {
    const home = join(dirs.root, name);
    cpSync(pristine, home, { recursive: true });
    damage(home);
    return home;
  }

  function expectCorrupt(run: ReturnType<typeof outro>, fix: RegExp): void {
    expect(run.status).toBe(6);
    expect(run.stderr).toMatch(fix);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  }

  it('a store truncated to half: exit 6 naming outro restore, doctor fails, restore brings it back', () => {
    const home = damaged('truncated', (at) => {
      const db = join(at, 'outro.db');
      truncateSync(db, Math.floor(statSync(db).size / 2));
    });
    expectCorrupt(outro(home, ['status']), /outro restore/);
    expectCorrupt(outro(home, ['brief', '--me', 'user0', '--peek']), /outro restore/);
    const doctor = outro(home, ['doctor', '--json']);
    expect(doctor.status).toBe(6);
    expect(doctor.stdout).toContain('store.integrity');

    const restore = outro(home, ['restore']);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    expect(restore.stdout).toContain('moved aside');
    const status = outro(home, ['status', '--json']);
    expect(status.status).toBe(0);
    expect((JSON.parse(status.stdout) as { stats: { events: number } }).stats.events).toBe(events);
    expect(outro(home, ['doctor']).status).toBe(0);
  });

  it('16 KB of random bytes inside the store: doctor exit 6 with the fix, --full too', () => {
    const home = damaged('random', (at) => {
      const fd = openSync(join(at, 'outro.db'), 'r+');
      writeSync(fd, Buffer.from(longToken(16 * 1024)), 0, 16 * 1024, 64 * 1024);
      closeSync(fd);
    });
    const doctor = outro(home, ['doctor']);
    expect(doctor.status).toBe(6);
    expect(doctor.stdout).toMatch(/damaged/);
    expect(doctor.stdout).toMatch(/outro restore/);
    expect(outro(home, ['doctor', '--full']).status).toBe(6);
    expect(outro(home, ['restore']).status).toBe(0);
    expect(outro(home, ['doctor', '--full']).status).toBe(0);
  });

  it('not a database at all: exit 6', () => {
    const home = damaged('notadb', (at) => writeFileSync(join(at, 'outro.db'), longToken(40_000)));
    expectCorrupt(outro(home, ['status']), /damaged/);
  });

  it('a deleted WAL: the store opens as of its last checkpoint, no stack trace', () => {
    const home = damaged('nowal', (at) => rmSync(join(at, 'outro.db-wal'), { force: true }));
    const run = outro(home, ['status', '--json']);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect([0, 6]).toContain(run.status);
  });

  it('a graph folder from another version: ask answers from the copy in the store, read from Kùzu it exits 6 naming replay, doctor fails, restore rebuilds it', () => {
    const home = damaged('graph', (at) => {
      const graph = join(at, 'graph');
      for (const name of readdirSync(graph)) rmSync(join(graph, name), { recursive: true, force: true });
      writeFileSync(join(graph, 'graph.kuzu'), longToken(100_000));
    });
    const fromCopy = outro(home, ['ask', 'who owns billing?']);
    expect(fromCopy.status).toBe(0);
    expect(fromCopy.stderr).toBe('');
    expectCorrupt(
      outro(home, ['ask', 'who owns billing?'], { env: { OUTRO_GRAPH_READS: 'kuzu' } }),
      /outro replay/,
    );
    const doctor = outro(home, ['doctor', '--json']);
    expect(doctor.status).toBe(6);
    expect(outro(home, ['restore']).status).toBe(0);
    expect(outro(home, ['ask', 'who owns billing?']).status).toBe(0);
    expect(existsSync(join(home, 'graph', 'graph.kuzu'))).toBe(true);
  });

  it('wrote nothing outside the homes', () => {
    expect(tree(dirs.work)).toEqual(['general.json']);
  });
});
