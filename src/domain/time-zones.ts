/**
 * Time-zone arithmetic, the one place it is done: offsets of IANA zones at an instant, wall clock →
 * instant, local days (23, 24 or 25 hours long across a DST change) and local times for display.
 * Built on Node's Intl, with no dependency. Instants are epoch ms or ISO strings; zones are IANA
 * names ("Europe/Berlin", "UTC"). A zone Intl does not know is read as UTC; callers that must
 * refuse one check `isTimeZone` first.
 */

/** A reading of a wall clock. */
export interface WallTime {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  /** 0–23. */
  hour: number;
  minute: number;
  second: number;
}

const DAY_MS = 86_400_000;
const known = new Map<string, boolean>();
const wallFormats = new Map<string, Intl.DateTimeFormat>();
const nameFormats = new Map<string, Intl.DateTimeFormat>();

/** Is this a zone Intl knows (an IANA name such as Europe/Berlin, or UTC)? */
export function isTimeZone(name: string): boolean {
  let valid = known.get(name);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      valid = true;
    } catch {
      valid = false;
    }
    known.set(name, valid);
  }
  return valid;
}

/** The system's zone, else UTC. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function zoneOrUtc(zone: string | undefined): string {
  return zone !== undefined && isTimeZone(zone) ? zone : 'UTC';
}

function wallFormat(zone: string): Intl.DateTimeFormat {
  let format = wallFormats.get(zone);
  if (!format) {
    // hourCycle h23, not the hour12 option, which some locales turn into h24 (midnight as 24:00).
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallFormats.set(zone, format);
  }
  return format;
}

/** What the wall clock in `zone` reads at the instant `utcMs` (to the second). */
export function wallTime(utcMs: number, zone: string): WallTime {
  const parts = wallFormat(zoneOrUtc(zone)).formatToParts(new Date(utcMs));
  const field = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value ?? 0);
  return {
    year: field('year'),
    month: field('month'),
    day: field('day'),
    hour: field('hour') % 24,
    minute: field('minute'),
    second: field('second'),
  };
}

function exactOffsetMs(utcMs: number, zone: string): number {
  const wall = wallTime(utcMs, zone);
  return (
    Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) -
    Math.floor(utcMs / 1000) * 1000
  );
}

/** `zone|UTC day` -> the offset all day, or null on a day with a transition. Intl is slow; callers repeat days. */
const dayOffsets = new Map<string, number | null>();

/** The zone's offset from UTC (ms, positive east of Greenwich) at the instant `utcMs`. */
export function zoneOffsetMs(utcMs: number, zone: string): number {
  const resolved = zoneOrUtc(zone);
  if (resolved === 'UTC') return 0;
  const day = Math.floor(utcMs / DAY_MS);
  const key = `${resolved}|${day}`;
  let allDay = dayOffsets.get(key);
  if (allDay === undefined) {
    const first = exactOffsetMs(day * DAY_MS, resolved);
    allDay = first === exactOffsetMs(day * DAY_MS + DAY_MS - 1000, resolved) ? first : null;
    if (dayOffsets.size >= 100_000) dayOffsets.clear();
    dayOffsets.set(key, allDay);
  }
  return allDay ?? exactOffsetMs(utcMs, resolved);
}

/**
 * The instant (epoch ms) the wall clock in `zone` reads `wall`. A time skipped by a spring-forward
 * gap moves forward by the gap; a time repeated by a fall-back overlap takes its first (daylight)
 * instance.
 */
export function wallTimeToUtcMs(wall: WallTime, zone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const before = zoneOffsetMs(asUtc - DAY_MS, zone);
  const after = zoneOffsetMs(asUtc + DAY_MS, zone);
  // Try the offsets in force around that day; keep a candidate whose wall time reads back as given.
  for (const offset of before === after ? [before] : [before, after]) {
    const candidate = asUtc - offset;
    if (zoneOffsetMs(candidate, zone) === offset) return candidate;
  }
  return asUtc - before;
}

/** `YYYY-MM-DD` of an instant in the zone. */
export function localDate(instant: string | number, zone: string): string {
  const wall = wallTime(toMs(instant), zone);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** `HH:mm` of an instant in the zone (00:00–23:59). */
export function localClock(instant: string | number, zone: string): string {
  const wall = wallTime(toMs(instant), zone);
  return `${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** `YYYY-MM-DD HH:mm` of an instant in the zone. */
export function localDateTime(instant: string | number, zone: string): string {
  return `${localDate(instant, zone)} ${localClock(instant, zone)}`;
}

/** The zone's short name at an instant ("UTC", "EST", "GMT+1"). */
export function zoneAbbreviation(instant: string | number, zone: string): string {
  const resolved = zoneOrUtc(zone);
  let format = nameFormats.get(resolved);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: resolved, timeZoneName: 'short' });
    nameFormats.set(resolved, format);
  }
  return (
    format.formatToParts(new Date(toMs(instant))).find((part) => part.type === 'timeZoneName')?.value ??
    resolved
  );
}

/** "2026-11-20T08:30:00.000Z" -> "2026-11-20 08:30 UTC", or in the given zone; "—" when absent, the text itself when not a time. */
export function formatTime(iso: string | null | undefined, zone = 'UTC'): string {
  if (!iso) return '—';
  if (Number.isNaN(Date.parse(iso))) return iso;
  return `${localDateTime(iso, zone)} ${zoneAbbreviation(iso, zone)}`;
}

/** The first instant of the local day `YYYY-MM-DD` in the zone (01:00 where midnight is skipped). */
export function startOfLocalDay(date: string, zone: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(wallTimeToUtcMs({ year, month, day, hour: 0, minute: 0, second: 0 }, zone));
}

/** [start, end) of the local day containing `now`: 23, 24 or 25 hours long. */
export function localDayBounds(now: Date, zone: string): { date: string; start: Date; end: Date } {
  const date = localDate(now.getTime(), zone);
  return { date, start: startOfLocalDay(date, zone), end: startOfLocalDay(addDays(date, 1), zone) };
}

/** The calendar date `days` after `YYYY-MM-DD` (calendar arithmetic, no zone). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The day after `YYYY-MM-DD`. */
export function nextDate(date: string): string {
  return addDays(date, 1);
}

/** Short English day names, Sunday first (the index `weekday` returns). */
export const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** Short English month names, January first. */
export const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** A `YYYY-MM-DD` calendar date as people write it: "Mon Oct 26 2026". */
export function readableDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${DAY_NAMES[weekday(date)]} ${MONTH_NAMES[month - 1]} ${day} ${year}`;
}

/** Day of the week (0 = Sunday) of a `YYYY-MM-DD` calendar date. */
export function weekday(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

function toMs(instant: string | number): number {
  return typeof instant === 'number' ? instant : Date.parse(instant);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
