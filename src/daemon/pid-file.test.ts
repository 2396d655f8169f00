import { spawn, spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir.js';
import { claimPidFile, readPid, releasePidFile } from './pid-file.js';

describe('the daemon pid file', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir('od-pid-');
  });
  afterEach(() => temp.cleanup());

  it('is claimed once; a live owner makes the next claim fail with DAEMON_RUNNING', () => {
    const file = join(temp.dir, 'run', 'd.pid');
    claimPidFile(file);
    expect(readPid(file)).toBe(process.pid);
    // Another live daemon owns it.
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)', 'daemon', 'run'], {
      stdio: 'ignore',
    });
    try {
      writeFileSync(file, `${other.pid}\n`);
      expect(() => claimPidFile(file)).toThrow(expect.objectContaining({ code: 'DAEMON_RUNNING' }));
    } finally {
      other.kill('SIGKILL');
    }
  });

  it.runIf(process.platform === 'linux')('treats a pid reused by an unrelated process as stale', () => {
    const file = join(temp.dir, 'd.pid');
    const unrelated = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      writeFileSync(file, `${unrelated.pid}\n`); // alive, but not an outro daemon
      claimPidFile(file);
      expect(readPid(file)).toBe(process.pid);
    } finally {
      unrelated.kill('SIGKILL');
    }
  });

  it('replaces a stale one (dead pid) and removes the socket it left behind', () => {
    const file = join(temp.dir, 'd.pid');
    const socket = join(temp.dir, 'd.sock');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    writeFileSync(file, `${dead.stdout}\n`);
    writeFileSync(socket, '');
    claimPidFile(file, [socket]);
    expect(readPid(file)).toBe(process.pid);
    expect(existsSync(socket)).toBe(false);
    releasePidFile(file);
    expect(existsSync(file)).toBe(false);
  });
});
