import ICAL from 'ical.js';
import { wallTimeToUtcMs } from '../../domain/time-zones.js';
import { ianaZoneOf } from './ics-zones.js';

/** A calendar time pinned to an instant. */
export interface ResolvedTime {
  /** Milliseconds since the epoch; for an all-day DATE, midnight UTC of that date. */
  ms: number;
  isDate: boolean;
  /** IANA zone the time was written in, when known. */
  zone?: string;
}

export interface TimeContext {
  /** Zone for floating times (no TZID and no `Z`), and for TZIDs nothing can resolve. */
  floatingZone: string;
}

/** The TZID parameter of a DTSTART/DTEND/EXDATE/RECURRENCE-ID property, if any. */
export function tzidOf(property: ICAL.Property | null): string | undefined {
  const value = property?.getParameter('tzid');
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' && first.trim() !== '' ? first : undefined;
}

/**
 * Pins an ical.js time to an instant. A zone registered from the file's VTIMEZONE converts
 * itself; a TZID without one is looked up as an IANA (or Windows) name and converted through
 * Intl; a floating time uses the context's zone.
 */
export function resolveTime(time: ICAL.Time, tzid: string | undefined, context: TimeContext): ResolvedTime {
  if (time.isDate) return { ms: Date.UTC(time.year, time.month - 1, time.day), isDate: true };
  const zoneName = time.zone?.tzid;
  if (zoneName === 'UTC') return { ms: time.toUnixTime() * 1000, isDate: false };
  if (zoneName && zoneName !== 'floating') {
    return { ms: time.toUnixTime() * 1000, isDate: false, ...zoneField(ianaZoneOf(tzid ?? zoneName)) };
  }
  const iana = ianaZoneOf(tzid);
  const zone = iana ?? context.floatingZone;
  const ms = wallTimeToUtcMs(
    {
      year: time.year,
      month: time.month,
      day: time.day,
      hour: time.hour,
      minute: time.minute,
      second: time.second,
    },
    zone,
  );
  return { ms, isDate: false, ...zoneField(iana ?? (zone === 'UTC' ? undefined : zone)) };
}

function zoneField(zone: string | undefined): { zone?: string } {
  return zone === undefined ? {} : { zone };
}

export function toIsoMs(ms: number): string {
  return new Date(ms).toISOString();
}
