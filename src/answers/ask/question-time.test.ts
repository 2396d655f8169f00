import { describe, expect, it } from 'vitest';
import { mayNameADay, questionTime } from './question-time.js';

describe('questionTime', () => {
  // Friday 2026-11-27, 09:00 in Toronto.
  const FRIDAY = '2026-11-27T14:00:00.000Z';

  it('reads "since monday" as the span from the last Monday up to the as-of time, not next Monday', () => {
    const time = questionTime('what changed about the xlsx plan since monday', FRIDAY, 'America/Toronto');
    expect(time?.rest).toBe('what changed about the xlsx plan');
    expect(time?.kind).toBe('relative');
    expect(time?.window).toEqual({ from: '2026-11-23T05:00:00.000Z', to: FRIDAY });
    expect(time?.at).toBe(FRIDAY);
  });

  it('reads "since Nov 20" from that day', () => {
    const time = questionTime('anything new on billing since nov 20', FRIDAY, 'UTC');
    expect(time?.window.from).toBe('2026-11-20T00:00:00.000Z');
    expect(time?.rest).toBe('anything new on billing');
  });

  it('reads "on wed the 25th" as that day, the weekday and the day of the month together', () => {
    const time = questionTime('is there standup on wed the 25th', FRIDAY, 'America/Toronto');
    expect(time?.rest).toBe('is there standup');
    expect(time?.window).toEqual({ from: '2026-11-25T05:00:00.000Z', to: '2026-11-26T05:00:00.000Z' });
  });

  it('keeps "on Oct 14" a single day', () => {
    const time = questionTime('who was on call on oct 14', FRIDAY, 'UTC');
    expect(time?.kind).toBe('date');
    expect(time?.window).toEqual({ from: '2026-10-14T00:00:00.000Z', to: '2026-10-15T00:00:00.000Z' });
  });

  it('reads chrono only for a question with a digit or a whole weekday (chrono takes ~150 ms to warm up)', () => {
    for (const text of ['on wed', 'since thursdays', 'sat morning', 'is standup on Tues', 'oct 14'])
      expect(mayNameADay(text), text).toBe(true);
    for (const text of [
      'what changed about the monitoring',
      'who told my friend',
      'the sunset of the old api',
      'showed up',
    ])
      expect(mayNameADay(text), text).toBe(false);
  });
});
