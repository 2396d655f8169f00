import { describe, expect, it } from 'vitest';
import { mapIcsCalendar } from './ics-calendar.js';

const SECONDLY = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//hostile//EN',
  'BEGIN:VEVENT',
  'UID:secondly@hostile',
  'DTSTAMP:20260301T090000Z',
  'DTSTART:20260301T090000Z',
  'DURATION:PT1S',
  'RRULE:FREQ=SECONDLY',
  'SUMMARY:Tick',
  'ORGANIZER:mailto:lena@example.com',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

describe('occurrences per series (issue 16)', () => {
  const options = { now: new Date('2026-03-01T12:00:00Z'), calendarPastDays: 30, calendarFutureDays: 90 };

  it('keeps the first calendar.maxOccurrences of a series and warns once', () => {
    const mapped = mapIcsCalendar(SECONDLY, 'tick.ics', { ...options, calendarMaxOccurrences: 120 });
    const meetings = (mapped.events ?? []).filter((event) => event.type === 'meeting.scheduled');
    expect(meetings).toHaveLength(120);
    const warnings = mapped.problems.filter((problem) => problem.reason.includes('calendar.maxOccurrences'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning' });
    expect(warnings[0].reason).toContain('the first 120 were kept');
  });

  it('caps at 5,000 by default', () => {
    const mapped = mapIcsCalendar(SECONDLY, 'tick.ics', options);
    expect((mapped.events ?? []).filter((event) => event.type === 'meeting.scheduled')).toHaveLength(5_000);
  });
});
