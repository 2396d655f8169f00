import { readFileSync } from 'node:fs';
import { OutroError } from '../domain/errors.js';
import { parseTolerantTime } from '../domain/time.js';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The daemon's clock. Normally the wall clock. OUTRO_NOW fixes it (as for every command).
 * OUTRO_DAEMON_CLOCK_FILE (for tests) reads the time from a file holding an ISO time, re-read at
 * most every 50 ms, so a test can move the clock of a running daemon — e.g. jump it forward to
 * simulate a laptop waking from sleep.
 */
export function daemonClock(env: Env): () => Date {
  const file = env.OUTRO_DAEMON_CLOCK_FILE;
  if (file) {
    let cached: { at: number; time: Date } | undefined;
    return () => {
      if (cached && Date.now() - cached.at < 50) return new Date(cached.time);
      const text = readFileSync(file, 'utf8').trim();
      const parsed = parseTolerantTime(text);
      if (!parsed)
        throw new OutroError('USAGE', `OUTRO_DAEMON_CLOCK_FILE ${file} holds "${text}", not an ISO time.`);
      cached = { at: Date.now(), time: new Date(parsed) };
      return new Date(cached.time);
    };
  }
  if (env.OUTRO_NOW) {
    const fixed = parseTolerantTime(env.OUTRO_NOW);
    if (!fixed)
      throw new OutroError(
        'USAGE',
        `OUTRO_NOW=${env.OUTRO_NOW} is not a time; use ISO 8601, e.g. 2026-11-20T08:30:00+01:00.`,
      );
    return () => new Date(fixed);
  }
  return () => new Date();
}
