import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/** A lease owner id: host, pid and a nonce, so a holder on this host can be checked for life. */
export function makeOwnerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/**
 * True when the owner is a process on this host that no longer exists: its lease need not be
 * waited out. Owners on other hosts, or that we cannot check, are presumed alive.
 */
export function ownerIsGone(owner: string): boolean {
  const parts = owner.split(':');
  if (parts.length < 3 || parts[0] !== hostname()) return false;
  const pid = Number(parts[1]);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
