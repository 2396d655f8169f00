/** Time helpers shared by every layer. All stored times are ISO-8601 UTC strings with milliseconds. */

export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export function toIso(date: Date | number): string {
  return (typeof date === 'number' ? new Date(date) : date).toISOString();
}

/**
 * Times compared as strings (projections, occurrence keys) are first normalized to
 * `Date.toISOString()` form (UTC, milliseconds). A value that is not a time is kept as it is.
 */
export function normalizeIso(value: string): string {
  if (value.length === 24 && value.endsWith('Z') && value[10] === 'T') return value;
  const time = Date.parse(value);
  return Number.isNaN(time) ? value : new Date(time).toISOString();
}

/** Slack `ts` ("1479823429.000012") to an ISO time; undefined when it is not a timestamp. */
export function slackTsToIso(ts: unknown): string | undefined {
  if (typeof ts !== 'string' && typeof ts !== 'number') return undefined;
  const seconds = Number(ts);
  if (!Number.isFinite(seconds) || seconds <= 0) return undefined;
  return new Date(Math.round(seconds * 1000)).toISOString();
}

/**
 * Parses the timestamps real exports contain: ISO with any offset, with or without fractional
 * seconds of any length, a space instead of `T`, a missing zone (taken as UTC), or epoch
 * seconds/milliseconds. Returns undefined when the value is not a time.
 */
export function parseTolerantTime(value: unknown): string | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return undefined;
    return new Date(value > 1e11 ? value : value * 1000).toISOString();
  }
  if (typeof value !== 'string') return undefined;
  let text = value.trim();
  if (text === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return parseTolerantTime(Number(text));
  text = text.replace(' ', 'T');
  // JavaScript's parser accepts at most millisecond precision reliably: trim longer fractions.
  text = text.replace(/(\.\d{3})\d+/, '$1');
  const match = /^(\d{4})-(\d{2})-(\d{2})(T(\d{2}):(\d{2})(:(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(
    text,
  );
  if (!match) return undefined;
  const [, y, mo, d, timePart, h, mi, , s, frac, zone] = match;
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60)
    return undefined;
  const normalizedZone = zone
    ? zone.toUpperCase() === 'Z'
      ? 'Z'
      : zone.length === 5
        ? `${zone.slice(0, 3)}:${zone.slice(3)}`
        : zone
    : 'Z';
  const iso = `${y}-${mo}-${d}T${timePart ? `${h}:${mi}:${s ?? '00'}${frac ?? ''}` : '00:00:00'}${normalizedZone}`;
  const parsed = new Date(iso);
  if (Number.isNaN(parsed.getTime())) return undefined;
  // Reject dates JavaScript silently rolls over (2021-02-31 -> March 3).
  if (!zone || normalizedZone === 'Z') {
    if (parsed.getUTCDate() !== day && timePart === undefined) return undefined;
  }
  return parsed.toISOString();
}

const DURATION_UNITS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

/** "90s", "15m", "24h", "7d", "2w" to milliseconds; undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)\s*$/i.exec(text);
  if (!match) return undefined;
  return Number(match[1]) * DURATION_UNITS[match[2].toLowerCase()];
}
