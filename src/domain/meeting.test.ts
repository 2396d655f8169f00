import { describe, expect, it } from 'vitest';
import { isMeetingCancelled, occurrenceKey } from './meeting.js';

describe('the meeting cancellation rule', () => {
  it('matches an occurrence whatever offset it is written with', () => {
    const scheduled = occurrenceKey({
      calendar: 'calendar:team',
      uid: 'standup',
      occurrence: '2026-11-20T08:00:00.000Z',
    });
    expect(
      occurrenceKey({ calendar: 'calendar:team', uid: 'standup', occurrence: '2026-11-20T09:00:00+01:00' }),
    ).toBe(scheduled);
  });

  it('is off when cancelled after its latest schedule, or when that schedule says CANCELLED', () => {
    expect(isMeetingCancelled('CONFIRMED', true)).toBe(true);
    expect(isMeetingCancelled('cancelled', false)).toBe(true);
    expect(isMeetingCancelled(undefined, false)).toBe(false);
    expect(isMeetingCancelled(null, false)).toBe(false);
  });
});
