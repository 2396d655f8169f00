import { describe, expect, it } from 'vitest';
import {
  formatTime,
  isTimeZone,
  localClock,
  readableDate,
  localDate,
  localDayBounds,
  startOfLocalDay,
  wallTimeToUtcMs,
  zoneOffsetMs,
} from './time-zones.js';

const wall = (iso: string) => {
  const [date, time] = iso.split('T');
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return { year, month, day, hour, minute, second: 0 };
};
const utc = (ms: number) => new Date(ms).toISOString();

describe('wallTimeToUtcMs', () => {
  it('converts on both sides of a DST change', () => {
    expect(utc(wallTimeToUtcMs(wall('2026-10-24T10:00'), 'Europe/Berlin'))).toBe('2026-10-24T08:00:00.000Z');
    expect(utc(wallTimeToUtcMs(wall('2026-10-26T10:00'), 'Europe/Berlin'))).toBe('2026-10-26T09:00:00.000Z');
    expect(utc(wallTimeToUtcMs(wall('2026-11-03T09:00'), 'America/New_York'))).toBe(
      '2026-11-03T14:00:00.000Z',
    );
    expect(utc(wallTimeToUtcMs(wall('2026-11-03T09:00'), 'UTC'))).toBe('2026-11-03T09:00:00.000Z');
  });

  it('moves a time in the spring-forward gap forward, and takes the first of a repeated hour', () => {
    // 29 Mar 2026 02:30 does not exist in Berlin (02:00 -> 03:00): read as 03:30 CEST.
    expect(utc(wallTimeToUtcMs(wall('2026-03-29T02:30'), 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
    // 25 Oct 2026 02:30 happens twice: the first (CEST, +2) is taken.
    expect(utc(wallTimeToUtcMs(wall('2026-10-25T02:30'), 'Europe/Berlin'))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('gives exact offsets on the day of a transition', () => {
    expect(zoneOffsetMs(Date.parse('2026-10-25T00:59:59Z'), 'Europe/Berlin')).toBe(7_200_000);
    expect(zoneOffsetMs(Date.parse('2026-10-25T01:00:00Z'), 'Europe/Berlin')).toBe(3_600_000);
  });
});

describe('local days', () => {
  it('is 23 or 25 hours long across a DST change', () => {
    const spring = localDayBounds(new Date('2026-03-29T12:00:00Z'), 'Europe/Berlin');
    expect(spring).toEqual({
      date: '2026-03-29',
      start: new Date('2026-03-28T23:00:00Z'),
      end: new Date('2026-03-29T22:00:00Z'),
    });
    const autumn = localDayBounds(new Date('2026-10-25T12:00:00Z'), 'Europe/Berlin');
    expect(autumn.end.getTime() - autumn.start.getTime()).toBe(25 * 3_600_000);
  });

  it('starts at local midnight even when the change falls between local and UTC midnight', () => {
    // Auckland leaves daylight time at 03:00 on 5 Apr 2026 (14:00Z on the 4th): midnight is still +13.
    expect(startOfLocalDay('2026-04-05', 'Pacific/Auckland').toISOString()).toBe('2026-04-04T11:00:00.000Z');
  });

  it('starts at the first instant of a day whose midnight is skipped', () => {
    // Santiago springs forward at 00:00 on 6 Sep 2026: the day starts at 01:00 (-03).
    expect(startOfLocalDay('2026-09-06', 'America/Santiago').toISOString()).toBe('2026-09-06T04:00:00.000Z');
  });

  it('gives the local date and clock of an instant', () => {
    expect(localDate('2026-11-09T03:00:00Z', 'America/New_York')).toBe('2026-11-08');
    expect(localClock('2026-11-09T03:00:00Z', 'America/New_York')).toBe('22:00');
  });
});

describe('formatTime', () => {
  it('writes the first hour after midnight as 00, not 24', () => {
    expect(formatTime('2026-11-20T00:30:00.000Z')).toBe('2026-11-20 00:30 UTC');
    expect(formatTime('2026-11-19T23:05:00.000Z', 'Europe/Berlin')).toBe('2026-11-20 00:05 GMT+1');
    expect(localClock('2026-11-20T00:00:00.000Z', 'UTC')).toBe('00:00');
  });

  it('says when there is no time, and leaves text that is not one alone', () => {
    expect(formatTime(null)).toBe('—');
    expect(formatTime('soon')).toBe('soon');
  });
});

describe('unknown zones', () => {
  it('are told apart from real ones, and read as UTC', () => {
    expect(isTimeZone('Europe/Berlin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(localDate('2026-11-09T23:30:00Z', 'Mars/Olympus')).toBe('2026-11-09');
  });
});

describe('readableDate', () => {
  it('writes a calendar date as people do, with its weekday', () => {
    expect(readableDate('2026-10-26')).toBe('Mon Oct 26 2026');
    expect(readableDate('2027-01-01')).toBe('Fri Jan 1 2027');
  });
});
