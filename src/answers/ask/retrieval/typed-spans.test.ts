import { describe, expect, it } from 'vitest';
import { isTentative, timeSpans } from './typed-spans.js';

const WRITTEN = '2026-10-20T09:00:00.000Z';
const texts = (sentence: string) => timeSpans(sentence, WRITTEN).map((span) => span.text);

describe('timeSpans', () => {
  it('reads dates and day ranges', () => {
    expect(texts('they offered Dec 2–4 or Dec 14 for the audit')).toEqual(['Dec 2–4', 'Dec 14']);
    expect(texts('went live today, Tue Oct 20')).toEqual(['Tue Oct 20']);
  });

  it('reads a length of time as no date', () => {
    expect(texts('rebuilding the index gets us < 1 min lag')).toEqual([]);
    expect(texts('the import takes 2 hours on a good day')).toEqual([]);
  });

  it('gives the new date of a move, not a range', () => {
    expect(texts('so the go-live moves from Nov 3 to Nov 10')).toEqual(['Nov 10']);
    expect(texts('the auditors are free Nov 3 to Nov 10')).toEqual(['Nov 3 to Nov 10']);
  });

  it('keeps the day of the month a weekday names', () => {
    expect(texts('we move the launch to Thursday 29th instead')).toEqual(['Thursday 29th']);
    expect(texts('the review is on Monday the 2nd at 10')).toEqual(['on Monday the 2nd']);
  });

  it('says which day a weekday or a relative day meant when it was written', () => {
    // Written on Tuesday 2026-10-20.
    expect(texts('cutover plan for Thu (5am)')).toEqual(['Thu (Oct 22)']);
    expect(texts("let's do it tomorrow at 9")).toEqual(['tomorrow at 9 (Oct 21)']);
    expect(texts('we shipped it last Friday')).toEqual(['last Friday (Oct 16)']);
  });

  it('reads a release, a version and a quarter as when, not a duration or a percentage', () => {
    expect(texts('the new nav ships in 2.14 behind a flag')).toEqual(['in 2.14']);
    expect(texts('fixed in v4.2.1')).toEqual(['in v4.2.1']);
    expect(texts('the queue can come back in Q1')).toEqual(['in Q1']);
    expect(texts('errors stay in 0.3% of runs with 1.5x the load')).toEqual([]);
  });

  it('does not give a duration as a date', () => {
    expect(texts("let's wait until it has been live for 2 weeks")).toEqual([]);
    expect(texts('the pilot ran for a few days')).toEqual([]);
  });
});

describe('isTentative', () => {
  it('reads plans and aims as tentative, and a stated date as not', () => {
    expect(isTentative('planning to move the launch to Thursday 29th')).toBe(true);
    expect(isTentative('we are aiming for Dec 3, tentatively')).toBe(true);
    expect(isTentative('launch moved to Thursday 29th, confirmed with the vendor')).toBe(false);
  });
});
