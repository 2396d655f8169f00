import { describe, expect, it } from 'vitest';
import { timeSpans } from './typed-spans.js';

const WRITTEN = '2026-10-20T09:00:00.000Z';
const texts = (sentence: string) => timeSpans(sentence, WRITTEN).map((span) => span.text);

describe('timeSpans', () => {
  it('reads dates and day ranges', () => {
    expect(texts('they offered Dec 2–4 or Dec 14 for the audit')).toEqual(['Dec 2–4', 'Dec 14']);
    expect(texts('went live today, Tue Oct 20')).toEqual(['Tue Oct 20']);
  });

  it('does not give a duration as a date', () => {
    expect(texts("let's wait until it has been live for 2 weeks")).toEqual([]);
    expect(texts('the pilot ran for a few days')).toEqual([]);
  });
});
