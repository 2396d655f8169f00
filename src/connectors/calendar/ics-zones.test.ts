import { describe, expect, it } from 'vitest';
import { ianaZoneOf, wallTimeToUtcMs, zoneOffsetMs } from './ics-zones.js';

const wall = (iso: string) => {
  const [date, time] = iso.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return { year, month, day, hour, minute, second: 0 };
};
const utc = (ms: number) => new Date(ms).toISOString();

describe('ianaZoneOf', () => {
  it('takes IANA names, Windows names and vendor-prefixed paths', () => {
    expect(ianaZoneOf('Europe/Berlin')).toBe('Europe/Berlin');
    expect(ianaZoneOf('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(ianaZoneOf('Eastern Standard Time')).toBe('America/New_York');
    expect(ianaZoneOf('/mozilla.org/20050126_1/America/Argentina/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
    expect(ianaZoneOf('/citadel.org/20190914_1/Europe/Paris')).toBe('Europe/Paris');
    expect(ianaZoneOf('Customized Time Zone')).toBeUndefined();
    expect(ianaZoneOf(undefined)).toBeUndefined();
  });
});

describe('wallTimeToUtcMs', () => {
  it('converts on both sides of a DST change', () => {
    expect(utc(wallTimeToUtcMs(wall('2026-10-24T10:00'), 'Europe/Berlin'))).toBe('2026-10-24T08:00:00.000Z');
    expect(utc(wallTimeToUtcMs(wall('2026-10-26T10:00'), 'Europe/Berlin'))).toBe('2026-10-26T09:00:00.000Z');
    expect(utc(wallTimeToUtcMs(wall('2026-11-03T09:00'), 'America/New_York'))).toBe('2026-11-03T14:00:00.000Z');
    expect(utc(wallTimeToUtcMs(wall('2026-11-03T09:00'), 'UTC'))).toBe('2026-11-03T09:00:00.000Z');
  });

  it('moves a time in the spring-forward gap forward, and takes the first of a repeated hour', () => {
    // 29 Mar 2026 02:30 does not exist in Berlin (02:00 -> 03:00): read as 03:30 CEST.
    expect(utc(wallTimeToUtcMs(wall('2026-03-29T02:30'), 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
    // 25 Oct 2026 02:30 happens twice: the first (CEST, +2) is taken.
    expect(utc(wallTimeToUtcMs(wall('2026-10-25T02:30'), 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('gives exact offsets on the day of a transition', () => {
    expect(zoneOffsetMs('Europe/Berlin', Date.parse('2026-10-25T00:59:59Z'))).toBe(7_200_000);
    expect(zoneOffsetMs('Europe/Berlin', Date.parse('2026-10-25T01:00:00Z'))).toBe(3_600_000);
  });
});
