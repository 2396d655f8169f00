/**
 * Time-zone names as calendars write them, and wall-clock → UTC conversion through Intl, for TZIDs
 * that name a real zone but come without a VTIMEZONE block (and for floating times).
 */

/** Windows zone names Outlook and Exchange write as TZID, to their IANA equivalents (CLDR). */
const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  'UTC': 'UTC',
  'Coordinated Universal Time': 'UTC',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Kiev',
  'GTB Standard Time': 'Europe/Bucharest',
  'Russian Standard Time': 'Europe/Moscow',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Israel Standard Time': 'Asia/Jerusalem',
  'Arabian Standard Time': 'Asia/Dubai',
  'India Standard Time': 'Asia/Kolkata',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'Korea Standard Time': 'Asia/Seoul',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'New Zealand Standard Time': 'Pacific/Auckland',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'US Mountain Standard Time': 'America/Phoenix',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Alaskan Standard Time': 'America/Anchorage',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'Atlantic Standard Time': 'America/Halifax',
  'SA Pacific Standard Time': 'America/Bogota',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'South Africa Standard Time': 'Africa/Johannesburg',
};

const validity = new Map<string, boolean>();
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Is this a zone name Intl knows (an IANA name such as Europe/Berlin, or UTC)? */
export function isIanaZone(name: string): boolean {
  let known = validity.get(name);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: name });
      known = true;
    } catch {
      known = false;
    }
    validity.set(name, known);
  }
  return known;
}

/**
 * The IANA zone a TZID means, where one can be told: the name itself, a Windows name, or a path
 * such as `/mozilla.org/20050126_1/Europe/Berlin` or `/citadel.org/.../Europe/Berlin`.
 */
export function ianaZoneOf(tzid: string | undefined): string | undefined {
  if (!tzid) return undefined;
  const name = tzid.trim().replace(/^"|"$/g, '');
  if (name === '') return undefined;
  const windows = WINDOWS_ZONES[name];
  if (windows) return windows;
  if (!name.startsWith('/') && isIanaZone(name)) return name;
  const segments = name.split('/').filter((segment) => segment !== '');
  for (let take = Math.min(3, segments.length); take >= 1; take -= 1) {
    const candidate = segments.slice(-take).join('/');
    if (/^[A-Za-z]/.test(candidate) && candidate.includes('/') && isIanaZone(candidate)) return candidate;
  }
  return undefined;
}

function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
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
    formatters.set(zone, format);
  }
  return format;
}

function exactOffsetMs(zone: string, utcMs: number): number {
  const parts = formatter(zone).formatToParts(new Date(utcMs));
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((part) => part.type === type)?.value ?? 0);
  const asUtc = Date.UTC(field('year'), field('month') - 1, field('day'), field('hour') % 24, field('minute'), field('second'));
  return asUtc - Math.floor(utcMs / 1000) * 1000;
}

const DAY_MS = 86_400_000;
/** `zone|UTC day` -> the offset all day, or null on a day with a transition. Intl is slow; calendars repeat days. */
const dayOffsets = new Map<string, number | null>();

/** The zone's offset from UTC (ms) at the instant `utcMs`. */
export function zoneOffsetMs(zone: string, utcMs: number): number {
  const day = Math.floor(utcMs / DAY_MS);
  const key = `${zone}|${day}`;
  let allDay = dayOffsets.get(key);
  if (allDay === undefined) {
    const first = exactOffsetMs(zone, day * DAY_MS);
    allDay = first === exactOffsetMs(zone, day * DAY_MS + DAY_MS - 1000) ? first : null;
    if (dayOffsets.size >= 100_000) dayOffsets.clear();
    dayOffsets.set(key, allDay);
  }
  return allDay ?? exactOffsetMs(zone, utcMs);
}

export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * The UTC instant of a wall-clock time in `zone`. A time skipped by a spring-forward gap moves
 * forward by the gap; a time repeated by a fall-back overlap takes its first (daylight) instance.
 */
export function wallTimeToUtcMs(wall: WallTime, zone: string): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  if (zone === 'UTC') return asUtc;
  const before = zoneOffsetMs(zone, asUtc - 86_400_000);
  const after = zoneOffsetMs(zone, asUtc + 86_400_000);
  // Try the offsets in force around that day; keep a candidate whose wall time reads back as given.
  for (const offset of before === after ? [before] : [before, after]) {
    const candidate = asUtc - offset;
    if (zoneOffsetMs(zone, candidate) === offset) return candidate;
  }
  return asUtc - before;
}
