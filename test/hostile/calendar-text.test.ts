import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { longProse } from './support/inputs.js';
import { outro, report, scratch, tree } from './support/run-outro.js';
import { storedPayloads } from './support/stored-events.js';

/**
 * Found by `npm run fuzz` (seed 449906722): an 8 MB LOCATION on a weekly series peaked at 1.8 GB,
 * since every occurrence carried it. Text properties are now cut (1,000 characters; descriptions
 * 64 KB). Measured after, 2 shared cores: 4.8 s / 444 MB. The memory ceiling is the fuzzer's 1 GB,
 * not 10×: 10× would let the 1.8 GB regression through.
 */
describe('hostile: a calendar with huge text on a recurring event', { timeout: 300_000 }, () => {
  let dirs: ReturnType<typeof scratch>;
  beforeEach(() => (dirs = scratch()));
  afterEach(() => dirs.cleanup());

  it('an 8 MB LOCATION and DESCRIPTION on a weekly series: stored cut, under 1 GB', () => {
    const huge = longProse(8_000_000);
    const file = join(dirs.work, 'calendar.ics');
    writeFileSync(
      file,
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//hostile//EN',
        'BEGIN:VEVENT',
        'UID:weekly@hostile',
        'DTSTAMP:20260201T090000Z',
        'DTSTART:20260202T090000Z',
        'DURATION:PT30M',
        'RRULE:FREQ=WEEKLY',
        `SUMMARY:${huge}`,
        `LOCATION:${huge}`,
        `DESCRIPTION:${huge}`,
        'ORGANIZER:mailto:lena@example.com',
        'ATTENDEE:mailto:tom@example.com',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    const before = tree(dirs.root).filter((path) => !path.startsWith('home'));

    const run = outro(dirs.home, ['ingest', file]);
    report('8 MB calendar text', run);
    expect(run.status).toBe(0);
    expect(run.maxRssMb).toBeLessThan(1_024);
    expect(run.ms).toBeLessThan(120_000);

    const payloads = storedPayloads(dirs.home, 'meeting.%');
    expect(payloads.length).toBeGreaterThan(0);
    for (const payload of payloads) {
      expect(payload.length).toBeLessThan(80_000);
    }
    expect(payloads.some((payload) => payload.includes(huge.slice(0, 500)))).toBe(true);
    expect(tree(dirs.root).filter((path) => !path.startsWith('home'))).toEqual(before);
  });
});
