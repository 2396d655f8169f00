import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutroPaths } from '../app/paths.js';

/** Where the daemon keeps its socket, pid file, log and schedule state. */
export interface DaemonPaths {
  runtimeDir: string;
  /** The Unix socket the CLI talks to (mode 0600, in a 0700 folder). */
  socket: string;
  pidFile: string;
  logFile: string;
  /** Last digest fire, watched-export fingerprints: survives restarts. */
  stateFile: string;
}

/** Unix socket paths are limited to ~104 bytes (macOS) / 108 (Linux); keep a margin. */
const MAX_SOCKET_BYTES = 100;

export function daemonPaths(paths: OutroPaths): DaemonPaths {
  let socket = join(paths.runtimeDir, 'outro.sock');
  if (Buffer.byteLength(socket) > MAX_SOCKET_BYTES) {
    // A deep OUTRO_HOME would make bind() fail; a short, stable name in the temp dir instead.
    const hash = createHash('sha256').update(paths.runtimeDir).digest('hex').slice(0, 16);
    socket = join(tmpdir(), `outro-${hash}.sock`);
  }
  return {
    runtimeDir: paths.runtimeDir,
    socket,
    pidFile: join(paths.runtimeDir, 'outro-daemon.pid'),
    logFile: join(paths.logDir, 'daemon.log'),
    stateFile: join(paths.dataDir, 'daemon-state.json'),
  };
}
