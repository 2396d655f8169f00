import { describe, expect, it } from 'vitest';
import { readAnnotation, writeAnnotation } from './annotation-file.js';
import { dayStartFromName, nickNames, parseIrcLog } from './irc-log.js';

const LOG = [
  '[23:58] <alice> anyone here use xorg?',
  '=== bob [~bob@host]  has joined #ubuntu',
  '[23:59] <bob> alice: yes',
  '[00:01]  * alice waves',
  '=== bob is now known as bob_away',
  '[00:01] <bob_away> brb',
  '=== ogra thinks this is fine',
  '[00:00] <carol> late line, clock went back a minute',
].join('\n');

describe('parseIrcLog', () => {
  it('reads messages, actions and system lines with 0-based line ids', () => {
    const lines = parseIrcLog(LOG);
    expect(lines.map((line) => line.id)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
    expect(lines[0]).toMatchObject({ author: 'alice', text: 'anyone here use xorg?' });
    expect(lines[1]).toMatchObject({ author: 'bob', system: true });
    expect(lines[3]).toMatchObject({ author: 'alice', text: 'waves' });
    expect(lines[6]).toMatchObject({ author: 'ogra', text: 'thinks this is fine' });
    expect(lines[6].system).toBeFalsy();
  });

  it('keeps minute timestamps monotonic across midnight and small clock steps back', () => {
    const lines = parseIrcLog(LOG, { dayStart: 0 });
    const minutes = lines.map((line) => line.ts / 60000);
    expect(minutes).toEqual([1438, 1438, 1439, 1441, 1441, 1441, 1441, 1441]);
  });

  it('keeps a renamed nick as the same author and knows both names', () => {
    const lines = parseIrcLog(LOG);
    expect(lines[5].author).toBe('bob');
    expect(lines[5].authorNames).toEqual(['bob_away', 'bob']);
    expect(nickNames('carol|work')).toEqual(['carol|work', 'carol']);
  });

  it('takes the day from a dated file name', () => {
    expect(dayStartFromName('2005-07-06_14.ascii.txt')).toBe(Date.UTC(2005, 6, 6));
    expect(dayStartFromName('no-date')).toBe(0);
  });
});

describe('annotation files', () => {
  it('reads the dataset format, trailing spaces and all, as later-to-earlier links', () => {
    expect(readAnnotation('993 1000 - \n1002 1002 -\n\n')).toEqual([
      { source: 1000, target: 993 },
      { source: 1002, target: 1002 },
    ]);
  });

  it('round-trips what it writes', () => {
    const links = [
      { source: 1001, target: 1000 },
      { source: 1000, target: 1000 },
      { source: 1003, target: 998 },
      { source: 1003, target: 1001 },
    ];
    const text = writeAnnotation(links);
    expect(text).toBe('1000 1000 -\n1000 1001 -\n998 1003 -\n1001 1003 -\n');
    expect(readAnnotation(text)).toEqual(
      [...links].sort((a, b) => a.source - b.source || a.target - b.target),
    );
  });
});
