import type { IngestRecord } from './ingest-queue.js';

/** What `outro daemon status --json` prints while the daemon runs. */
export interface DaemonStatus {
  running: true;
  pid: number;
  startedAt: string;
  uptimeSeconds: number;
  socket: string;
  log: string;
  database: string;
  watched: string[];
  missingWatchFolders: string[];
  ingesting: boolean;
  lastIngest: IngestRecord | null;
  digest: {
    schedule: string;
    /** The zone the schedule is read in (config timezone; undefined: the system's). */
    timezone?: string;
    dir: string;
    /** False when this build has no digest writer (fires are recorded and skipped). */
    available: boolean;
    nextFire: string | null;
    lastFire: string | null;
    /** The last fire handled: the file written (or already there), or why it failed. */
    lastResult: {
      fireTime: string;
      ok: boolean;
      missed: boolean;
      file?: string;
      written?: boolean;
      error?: string;
    } | null;
  };
  /** Whether agents run after each ingest in this build. */
  agents: boolean;
}
