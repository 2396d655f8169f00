import { chmodSync, lstatSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discordExport } from './support/inputs.js';
import { outro, scratch } from './support/run-outro.js';

/** Every file and folder under `dir` with its permission bits. */
function modes(dir: string): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  const walk = (at: string, prefix: string): void => {
    for (const name of readdirSync(at)) {
      const info = lstatSync(join(at, name));
      if (info.isSymbolicLink() || info.isSocket()) continue;
      out.push([prefix + name, info.mode & 0o777]);
      if (info.isDirectory()) walk(join(at, name), `${prefix}${name}/`);
    }
  };
  walk(dir, '');
  return out;
}

/**
 * Issue 16, a shared machine: with umask 022 the home was 0755 and outro.db, its WAL, the graph,
 * logs and digests 0644. Now outro sets umask 077 itself: folders 0700, files 0600, and a home
 * left wider by an older outro is named in status and doctor with the chmod that fixes it.
 */
describe('hostile: other users on the machine', { timeout: 300_000 }, () => {
  let dirs: ReturnType<typeof scratch>;
  beforeEach(() => (dirs = scratch()));
  afterEach(() => dirs.cleanup());

  it('creates every folder 0700 and every file 0600 under umask 022', () => {
    const home = join(dirs.root, 'fresh-home');
    const file = join(dirs.work, 'general.json');
    writeFileSync(file, discordExport({ messages: 30 }));
    expect(outro(home, ['ingest', file]).status).toBe(0);
    expect(outro(home, ['ask', 'who owns billing?']).status).toBe(0);
    expect(outro(home, ['digest', '--me', 'user0']).status).toBe(0);
    expect(outro(home, ['backup']).status).toBe(0);
    expect(lstatSync(home).mode & 0o777).toBe(0o700);
    const found = modes(home);
    const names = found.map(([name]) => name);
    expect(names).toContain('outro.db');
    expect(names).toContain('graph');
    expect(names.some((name) => name.startsWith('digests/'))).toBe(true);
    expect(names.some((name) => name.startsWith('backups/'))).toBe(true);
    const wide = found.filter(([, mode]) => (mode & 0o077) !== 0);
    expect(wide).toEqual([]);

    const status = outro(home, ['status']);
    expect(status.stdout).not.toContain('other users can read');
  });

  it('warns in status and doctor about a home others can read, with the chmod', () => {
    const home = join(dirs.root, 'old-home');
    const file = join(dirs.work, 'general.json');
    writeFileSync(file, discordExport({ messages: 10 }));
    expect(outro(home, ['ingest', file]).status).toBe(0);
    chmodSync(home, 0o755);
    chmodSync(join(home, 'outro.db'), 0o644);

    const status = outro(home, ['status']);
    expect(status.status).toBe(0);
    expect(status.stdout).toContain('other users can read');
    expect(status.stdout).toContain(`chmod 700 '${home}'`);
    expect(status.stdout).toContain(`chmod 600 '${join(home, 'outro.db')}'`);
    const doctor = outro(home, ['doctor']);
    expect(doctor.stdout).toContain(`chmod 600 '${join(home, 'outro.db')}'`);
  });
});
