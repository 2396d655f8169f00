import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discordExport } from './support/inputs.js';
import { outro, scratch } from './support/run-outro.js';

/** Issue 16, found by `npm run fuzz`: a brief for a reader the store does not know, and Discord content of the wrong type. */
describe('hostile: fuzz findings', { timeout: 300_000 }, () => {
  let dirs: ReturnType<typeof scratch>;
  beforeEach(() => (dirs = scratch()));
  afterEach(() => dirs.cleanup());

  it('briefs a store of calendar data alone when `me` is a Slack handle, with one line on setting `me`', () => {
    writeFileSync(join(dirs.home, 'config.yaml'), 'me: lena_slack\ntimezone: UTC\n');
    const calendar = join(dirs.work, 'team.ics');
    writeFileSync(
      calendar,
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//hostile//EN',
        'BEGIN:VEVENT',
        'UID:planning@hostile',
        'DTSTAMP:20260201T090000Z',
        'DTSTART:20260301T140000Z',
        'DTEND:20260301T150000Z',
        'SUMMARY:Planning',
        'ORGANIZER:mailto:lena@example.com',
        'ATTENDEE:mailto:tom@example.com',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    expect(outro(dirs.home, ['ingest', calendar]).status).toBe(0);
    const brief = outro(dirs.home, ['brief']);
    expect(brief.stderr).toBe('');
    expect(brief.status).toBe(0);
    expect(brief.stdout).toContain('Planning');
    const notes = brief.stdout.split('\n').filter((line) => line.includes('`me`'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/"lena_slack"\) matches no one.*Set `me:` in the config/);
    const json = outro(dirs.home, ['brief', '--json']);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ reader: { name: 'everyone', keys: [] } });
    // The counter of messages the per-message work budget cut short.
    const status = outro(dirs.home, ['status']);
    expect(status.status).toBe(0);
    expect(status.stdout).toMatch(/Analysis +0 messages analysed only partly/);
  });

  it('skips a Discord message whose content is an array, counts and reports it, and stores the rest', () => {
    const file = join(dirs.work, 'general.json');
    const text = discordExport({ messages: 5 }).replace(/"content":"[^"]*"/, '"content":["hello","world"]');
    writeFileSync(file, text);
    const run = outro(dirs.home, ['ingest', file, '--json', '--no-agents']);
    expect(run.status).toBe(3);
    const summary = JSON.parse(run.stdout) as { problems: Array<{ severity: string; reason: string }> };
    expect(summary.problems).toEqual([
      expect.objectContaining({
        severity: 'skipped-record',
        reason: expect.stringMatching(/content that is an array, not text/),
      }),
    ]);
    expect(summary).toMatchObject({ status: 'partial', files: 1 });
  });
});
