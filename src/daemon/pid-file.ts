import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { OutroError } from '../domain/errors.js';

/** True when a process with this pid exists (and we may signal it or it belongs to someone else). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Claims the pid file for this process. A file naming a live process means another daemon runs
 * (DAEMON_RUNNING); a file naming a dead one is stale and is replaced, together with `stale`
 * (the socket it left behind). The exclusive create makes two racing starts end with one winner.
 */
export function claimPidFile(file: string, stale: readonly string[] = []): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const pid = readPid(file);
    if (pid !== undefined && pid !== process.pid && isAlive(pid) && !reusedByOther(pid)) {
      throw new OutroError(
        'DAEMON_RUNNING',
        `The outro daemon is already running (pid ${pid}). Stop it with \`outro daemon stop\`.`,
        { details: { pid } },
      );
    }
    rmSync(file, { force: true });
    for (const path of stale) rmSync(path, { force: true });
  }
  throw new OutroError(
    'DAEMON_RUNNING',
    `Could not claim ${file}: another daemon is starting. Retry, or check \`outro daemon status\`.`,
  );
}

/**
 * After a crash and a reboot the recorded pid may belong to an unrelated process. Where the
 * command line is readable (Linux /proc), a process whose command line does not mention `daemon`
 * is not ours.
 */
function reusedByOther(pid: number): boolean {
  try {
    return !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('daemon');
  } catch {
    return false;
  }
}

/** Removes the pid file if it still names this process. */
export function releasePidFile(file: string): void {
  if (readPid(file) === process.pid) rmSync(file, { force: true });
}
