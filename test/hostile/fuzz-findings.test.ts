import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discordExport } from './support/inputs.js';
import { outro, report, scratch } from './support/run-outro.js';
import { storedPayloads } from './support/stored-events.js';

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

  it('reads a Discord nickname of 8 MB as a name of at most 256 characters, quickly', () => {
    // Fuzz seed 2141163362 (huge-string): "a\n\n" × 2.7M as one author's nickname. Resolving people
    // parsed the whole name on every comparison: 52 s and 1,089 MB with --no-agents (a hang past
    // the fuzzer's 30 s). Names, handles and emails are now capped where person events are made.
    // Measured after: 1.0 s, 100 MB. Ceilings: the fuzzer's 30 s hang limit, 10× the memory.
    const file = join(dirs.work, 'general.json');
    const huge = 'a\n\n'.repeat(2_700_000);
    const text = discordExport({ messages: 5 }).replace(
      /"nickname":"[^"]*"/,
      () => `"nickname":${JSON.stringify(huge)}`,
    );
    writeFileSync(file, text);
    const run = outro(dirs.home, ['ingest', file, '--json', '--no-agents'], { timeoutMs: 40_000 });
    report('discord 8 MB nickname', run);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.ms).toBeLessThan(30_000);
    expect(run.maxRssMb).toBeLessThan(1_000);
    const names = storedPayloads(dirs.home, 'person.updated').flatMap(
      (payload) => (JSON.parse(payload) as { names: string[] }).names,
    );
    expect(names.length).toBeGreaterThan(0);
    expect(Math.max(...names.map((name) => name.length))).toBeLessThanOrEqual(256);
    expect(names.some((name) => name.startsWith('a a a') && name.endsWith('…'))).toBe(true);
    expect(storedPayloads(dirs.home, 'message.posted')).toHaveLength(5);
  });
});
