import { describe, expect, it } from 'vitest';
import { localDate, resolveDue } from './due-dates.js';

// Monday 2026-11-09, 09:20 in Berlin.
const MONDAY = '2026-11-09T08:20:00Z';
const due = (text: string, zone = 'Europe/Berlin') => resolveDue(text, MONDAY, zone)?.value ?? null;

describe('resolveDue', () => {
  it.each([
    ['by Wed', '2026-11-11'],
    ['EOD Friday', '2026-11-13'],
    ['tomorrow', '2026-11-10'],
    ['next week', '2026-11-16'],
    ['by the 18th', '2026-11-18'],
    ['by Monday', '2026-11-16'],
    ['before EOD', '2026-11-09'],
    ['end of week', '2026-11-13'],
  ])('%s → %s', (text, expected) => {
    expect(due(`can you send it ${text}?`)).toBe(expected);
  });

  it('has no date for sentences without one', () => {
    expect(due('can you believe it')).toBeNull();
    expect(due('I will raise it in the channel now')).toBeNull();
  });

  it('resolves in the given zone: late Sunday evening in New York is still Sunday there', () => {
    expect(resolveDue('tomorrow', '2026-11-09T03:00:00Z', 'America/New_York')?.value).toBe('2026-11-09');
    expect(localDate('2026-11-09T03:00:00Z', 'America/New_York')).toBe('2026-11-08');
  });
});
