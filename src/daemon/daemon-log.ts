import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';
export type DaemonLogger = (level: LogLevel, message: string, fields?: Record<string, unknown>) => void;

const MAX_BYTES = 5 * 1024 ** 2;

/**
 * One JSON line per entry, appended to `file`; past 5 MB the file is rotated to `file.1` (one
 * generation kept). Also echoed to `echo` (stderr for `daemon run` under a service manager).
 */
export function fileLogger(
  file: string,
  now: () => Date,
  echo?: NodeJS.WritableStream,
  maxBytes = MAX_BYTES,
): DaemonLogger {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  let written = 0;
  try {
    written = statSync(file).size;
  } catch {
    written = 0;
  }
  return (level, message, fields) => {
    const line = `${JSON.stringify({ time: now().toISOString(), level, message, ...fields })}\n`;
    if (written + line.length > maxBytes) {
      try {
        renameSync(file, `${file}.1`);
      } catch {
        // nothing to rotate
      }
      written = 0;
    }
    try {
      appendFileSync(file, line, { mode: 0o600 });
      written += line.length;
    } catch {
      // a full disk must not stop the daemon
    }
    echo?.write(`${level === 'info' ? '' : `${level}: `}${message}\n`);
  };
}
