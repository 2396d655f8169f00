import { describe, expect, it } from 'vitest';
import { localDate } from '../../domain/time-zones.js';
import * as chrono from 'chrono-node';
import { MAY_HOLD_DATE } from '../../domain/date-words.js';
import { resolveDue } from './due-dates.js';

// Monday 2026-11-09, 09:20 in Berlin.
const MONDAY = '2026-11-09T08:20:00Z';
const due = (text: string, zone = 'Europe/Berlin') => resolveDue(text, MONDAY, zone)?.value ?? null;

describe('resolveDue', () => {
  it.each([
    ['by Wed', '2026-11-11'],
    ['EOD Friday', '2026-11-13'],
    ['tomorrow', '2026-11-10'],
    ['next week', '2026-11-16'],
    ['Tuesday next week', '2026-11-17'],
    ['by Friday next week', '2026-11-20'],
    ['gonna recount the bin after lunch', '2026-11-09'],
    ['by the 18th', '2026-11-18'],
    ['by Monday', '2026-11-16'],
    ['before EOD', '2026-11-09'],
    ['end of week', '2026-11-13'],
    ['tmrw', '2026-11-10'],
    ['by thurs', '2026-11-12'],
    ['weds', '2026-11-11'],
    ['nxt wk', '2026-11-16'],
    ['end of wk', '2026-11-13'],
    ['sometime this week', '2026-11-13'],
    ['in two weeks', '2026-11-23'],
    ['within 48 hours', '2026-11-11'],
    ['in 3 business days', '2026-11-12'],
    ['by mid-December', '2026-12-15'],
    ['end of next week', '2026-11-20'],
    ['in a couple of days', '2026-11-11'],
    ['in a few days', '2026-11-12'],
    ['by noon', '2026-11-09'],
    ['by close of business', '2026-11-09'],
    ['EOM', '2026-11-30'],
    ['over the weekend', '2026-11-15'],
  ])('%s → %s', (text, expected) => {
    expect(due(`can you send it ${text}?`)).toBe(expected);
  });

  it("reads a date on the day it was written as that day, and a bare one as the notes' date, not a due date", () => {
    // Written Monday 2026-11-09 at 18:50 in Berlin, after the day's noon.
    const evening = (text: string) =>
      resolveDue(text, '2026-11-09T17:50:00Z', 'Europe/Berlin')?.value ?? null;
    expect(evening('send it by 9 Nov')).toBe('2026-11-09');
    expect(evening('Notes 9 Nov: signed order form (Dana), still open')).toBeNull();
    expect(evening('send it by 16 Nov')).toBe('2026-11-16');
  });

  it('has no date for sentences without one', () => {
    expect(due('can you believe it')).toBeNull();
    expect(due('I will raise it in the channel now')).toBeNull();
  });

  it('resolves in the given zone: late Sunday evening in New York is still Sunday there', () => {
    expect(resolveDue('tomorrow', '2026-11-09T03:00:00Z', 'America/New_York')?.value).toBe('2026-11-09');
    expect(localDate('2026-11-09T03:00:00Z', 'America/New_York')).toBe('2026-11-08');
  });

  it('starts the due day at local midnight on a day whose clock change falls between local and UTC midnight', () => {
    // Auckland leaves daylight time at 03:00 on 5 Apr 2026: that day still starts at +13, 11:00Z on the 4th.
    expect(resolveDue('can you do it today', '2026-04-04T20:00:00Z', 'Pacific/Auckland')).toMatchObject({
      value: '2026-04-05',
      startOfDay: '2026-04-04T11:00:00.000Z',
    });
  });
});

describe('the sentences handed to chrono', () => {
  /** Every kind of date chrono's English parsers read, and sentences that hold none. */
  const DATED = [
    'by 5pm',
    'ship it on the 18th',
    'next w',
    'in a few h',
    'back in a sec',
    'a couple of d later',
    'half an h from now',
    'the m after',
    '+2d',
    'tmr works',
    'tonight or overmorrow',
    'last night',
    'this morning',
    'at noon',
    'midday',
    'end of the month',
    'first of May',
    'by Sept.',
    'thurs. is fine',
    'two weeks ago',
    'next quarter',
    'in an hour',
    'within a fortnight or a year',
    'right now',
  ];
  const PLAIN = ['can you check the build', 'looks good to me', 'what is the error you get', 'ok'];

  it('skips no sentence in which chrono finds a date', () => {
    const reference = new Date('2026-11-09T08:20:00Z');
    let dated = 0;
    for (const text of [...DATED, ...PLAIN]) {
      if (chrono.parse(text, reference, { forwardDate: true }).length === 0) continue;
      dated++;
      expect(MAY_HOLD_DATE.test(text), text).toBe(true);
    }
    expect(dated).toBeGreaterThanOrEqual(DATED.length - 2);
  });

  it('skips sentences that name no time', () => {
    for (const text of PLAIN) expect(MAY_HOLD_DATE.test(text), text).toBe(false);
  });
});
