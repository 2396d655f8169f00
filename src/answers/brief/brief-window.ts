import { OutroError } from '../../domain/errors.js';
import { parseDuration, parseTolerantTime } from '../../domain/time.js';

/**
 * A window bound: an ISO time (any offset), or a duration back from now ("24h", "3d", "90m").
 * Undefined input gives undefined.
 */
export function parseBound(value: string | undefined, now: Date, flag: string): string | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const duration = parseDuration(value);
  if (duration !== undefined) return new Date(now.getTime() - duration).toISOString();
  const iso = parseTolerantTime(value);
  if (iso) return iso;
  throw new OutroError(
    'USAGE',
    `${flag} ${value} is neither a time nor a duration; use ISO 8601 (2026-11-20T08:00:00+01:00, 2026-11-20) or a duration back from now (24h, 3d, 90m).`,
  );
}

export const DEFAULT_WINDOW_MS = 24 * 3_600_000;
