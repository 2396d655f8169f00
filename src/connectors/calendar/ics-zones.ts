import { isTimeZone } from '../../domain/time-zones.js';

/**
 * Time-zone names as calendars write them (IANA, Windows, vendor paths), for TZIDs that name a real
 * zone but come without a VTIMEZONE block. The arithmetic is domain/time-zones.ts.
 */

/** Windows zone names Outlook and Exchange write as TZID, to their IANA equivalents (CLDR). */
const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  UTC: 'UTC',
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
  if (!name.startsWith('/') && isTimeZone(name)) return name;
  const segments = name.split('/').filter((segment) => segment !== '');
  for (let take = Math.min(3, segments.length); take >= 1; take -= 1) {
    const candidate = segments.slice(-take).join('/');
    if (/^[A-Za-z]/.test(candidate) && candidate.includes('/') && isTimeZone(candidate)) return candidate;
  }
  return undefined;
}
