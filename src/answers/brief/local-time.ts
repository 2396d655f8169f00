/** Wall-clock helpers in an IANA zone, safe across DST changes (days of 23 or 25 hours). */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wall(ms: number, timeZone: string): WallClock {
  const parts = formatter(timeZone).formatToParts(new Date(ms));
  const get = (type: string): number => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

/** True when `timeZone` is a zone Intl knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The system's zone, else UTC. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Offset of the zone from UTC at an instant, in ms (positive east of Greenwich). */
function offsetMs(ms: number, timeZone: string): number {
  const w = wall(ms, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

/** The instant the wall clock in `timeZone` reads `date` 00:00 (or the first instant after, in a gap). */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d);
  let instant = guess - offsetMs(guess, timeZone);
  instant = guess - offsetMs(instant, timeZone);
  // A zone that skips midnight (DST at 00:00) lands on the previous day: step to the first local instant of `date`.
  if (localDate(new Date(instant).toISOString(), timeZone) < date) instant += 3_600_000;
  return new Date(instant);
}

/** `YYYY-MM-DD` of an instant in the zone. */
export function localDate(iso: string, timeZone: string): string {
  const w = wall(Date.parse(iso), timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** `HH:mm` of an instant in the zone. */
export function localClock(iso: string, timeZone: string): string {
  const w = wall(Date.parse(iso), timeZone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** `YYYY-MM-DD HH:mm` of an instant in the zone. */
export function localDateTime(iso: string, timeZone: string): string {
  return `${localDate(iso, timeZone)} ${localClock(iso, timeZone)}`;
}

/** The day after `YYYY-MM-DD` (calendar arithmetic, no zone). */
export function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** [start, end) of the local day containing `now`: 23, 24 or 25 hours long. */
export function localDayBounds(now: Date, timeZone: string): { date: string; start: Date; end: Date } {
  const date = localDate(now.toISOString(), timeZone);
  return { date, start: startOfLocalDay(date, timeZone), end: startOfLocalDay(nextDate(date), timeZone) };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
