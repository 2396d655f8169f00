import { describe, expect, it } from 'vitest';
import { timeSpans } from './typed-spans.js';

const WRITTEN = '2026-10-20T09:00:00.000Z';
const texts = (sentence: string) => timeSpans(sentence, WRITTEN).map((span) => span.text);

describe('timeSpans', () => {
  it('reads dates and day ranges', () => {
    expect(texts('we can offer Nov 9–13 or Nov 30')).toEqual(['Nov 9–13', 'Nov 30']);
    expect(texts('went live today, Tue Oct 20')).toEqual(['Tue Oct 20']);
  });

  it('does not give a duration as a date', () => {
    expect(texts("let's wait until it has been live for 2 weeks")).toEqual([]);
    expect(texts('the pilot ran for a few days')).toEqual([]);
  });
});
