import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** What the daemon remembers across restarts (a small JSON file, written atomically). */
export interface DaemonState {
  /** The latest digest fire time handled (ISO); fires at or before it never run again. */
  lastDigestFire?: string;
  /** Fingerprints of watched exports already ingested, by absolute path. */
  ingested: Record<string, string>;
}

export function readState(file: string): DaemonState {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<DaemonState>;
    return {
      lastDigestFire: typeof raw.lastDigestFire === 'string' ? raw.lastDigestFire : undefined,
      ingested: raw.ingested && typeof raw.ingested === 'object' ? raw.ingested : {},
    };
  } catch {
    return { ingested: {} };
  }
}

export function writeState(file: string, state: DaemonState): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  renameSync(temp, file);
}
