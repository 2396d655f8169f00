import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discordExport, writeDiscordExport } from './support/inputs.js';
import { outro, scratch } from './support/run-outro.js';

/** Issue 16, the small ones: a truncated JSON export alone, and an ingest killed half way. */
describe('hostile: small ones', { timeout: 300_000 }, () => {
  let dirs: ReturnType<typeof scratch>;
  beforeEach(() => (dirs = scratch()));
  afterEach(() => dirs.cleanup());

  it('a truncated JSON export alone exits 4 (nothing was stored), not 3', () => {
    const whole = discordExport({ messages: 20 });
    const file = join(dirs.work, 'general.json');
    writeFileSync(file, whole.slice(0, Math.floor(whole.length / 2)));
    const run = outro(dirs.home, ['ingest', file]);
    expect(run.status).toBe(4);
    expect(run.stderr + run.stdout).toMatch(/general\.json/);

    // Beside a sound file, the same truncated one makes the run partial (3): the other was stored.
    const sound = join(dirs.work, 'random.json');
    writeFileSync(sound, discordExport({ messages: 5, channel: '1200000000000000002' }));
    expect(outro(dirs.home, ['ingest', file, sound]).status).toBe(3);
  });

  it('status shows an ingest whose process was SIGKILLed as interrupted, not running forever', async () => {
    const file = join(dirs.work, 'big.json');
    await writeDiscordExport(file, { messages: 60_000 });
    const child = spawn(process.execPath, [resolve('bin/outro'), 'ingest', file], {
      env: { PATH: process.env.PATH ?? '', HOME: dirs.home, OUTRO_HOME: dirs.home },
      stdio: 'ignore',
    });
    const database = join(dirs.home, 'outro.db');
    let running = false;
    for (let tries = 0; tries < 600 && !running && child.exitCode === null; tries++) {
      await new Promise((done) => setTimeout(done, 100));
      if (!existsSync(database)) continue;
      try {
        const db = new Database(database, { readonly: true, fileMustExist: true });
        try {
          running =
            (
              db.prepare("SELECT count(*) AS n FROM ingest_runs WHERE status = 'running'").get() as {
                n: number;
              }
            ).n > 0;
        } finally {
          db.close();
        }
      } catch {
        // not migrated yet
      }
    }
    expect(running).toBe(true);
    child.kill('SIGKILL');
    await once(child, 'exit');

    const status = outro(dirs.home, ['status', '--json']);
    expect(status.status).toBe(0);
    expect((JSON.parse(status.stdout) as { lastIngest: { status: string } }).lastIngest.status).toBe(
      'interrupted',
    );
    expect(outro(dirs.home, ['status']).stdout).toContain('its process is gone');
  });
});
