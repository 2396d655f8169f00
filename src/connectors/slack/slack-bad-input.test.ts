import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../test-support/temp-dir.js';
import {
  baseExport,
  readSlackExport,
  slackMessage,
  writeExport,
  type ExportFiles,
} from './test-support/slack-export-fixture.js';

const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));
async function readWith(files: ExportFiles) {
  const temp = makeTempDir('outro-slack-');
  cleanups.push(temp.cleanup);
  const root = await writeExport(temp.dir, baseExport(files));
  return { root, ...(await readSlackExport(root)) };
}
const good = [slackMessage('1704189600.000100'), slackMessage('1704189700.000100')];
const ids = (posted: Array<{ id: string }>) => posted.map((message) => message.id);

describe('slack connector: bad input', () => {
  it('skips a truncated day file with its path and reason, and reads the other day files', async () => {
    const text = JSON.stringify([slackMessage('1704103200.000100'), slackMessage('1704103300.000100')]);
    const { root, problems, posted } = await readWith({
      'general/2024-01-01.json': text.slice(0, text.length - 20),
      'general/2024-01-02.json': good,
    });
    expect(problems).toEqual([
      {
        path: `${root}/general/2024-01-01.json`,
        severity: 'skipped-file',
        reason: expect.stringMatching(/not valid JSON.*truncated/),
      },
    ]);
    expect(ids(posted)).toEqual(['1704189600.000100', '1704189700.000100']);
  });

  it('skips a day file that holds something other than an array', async () => {
    const { root, problems, posted } = await readWith({
      'general/2024-01-01.json': { messages: [] },
      'general/2024-01-02.json': good,
    });
    expect(problems).toEqual([
      {
        path: `${root}/general/2024-01-01.json`,
        severity: 'skipped-file',
        reason: expect.stringMatching(/holds an object.*JSON array/),
      },
    ]);
    expect(posted).toHaveLength(2);
  });

  it('skips a day file that is not UTF-8', async () => {
    const latin1 = Buffer.concat([
      Buffer.from('[{"type":"message","user":"U1","ts":"1704103200.000100","text":"caf'),
      Buffer.from([0xe9]),
      Buffer.from('"}]'),
    ]);
    const { root, problems, posted } = await readWith({
      'general/2024-01-01.json': latin1,
      'general/2024-01-02.json': good,
    });
    expect(problems).toEqual([
      {
        path: `${root}/general/2024-01-01.json`,
        severity: 'skipped-file',
        reason: expect.stringMatching(/not valid UTF-8/),
      },
    ]);
    expect(posted).toHaveLength(2);
  });

  it('reads a day file that starts with a byte order mark', async () => {
    const { problems, posted } = await readWith({
      'general/2024-01-01.json': `\uFEFF${JSON.stringify(good)}`,
    });
    expect(problems).toEqual([]);
    expect(posted).toHaveLength(2);
  });

  it('skips a record without a usable ts, and one that is not an object, and keeps the rest of the file', async () => {
    const { root, problems, posted } = await readWith({
      'general/2024-01-01.json': [
        slackMessage('1704103200.000100'),
        { type: 'message', user: 'U1', text: 'no ts' },
        slackMessage('not-a-time'),
        42,
        slackMessage('1704103300.000100'),
      ],
    });
    expect(problems.map((problem) => [problem.path, problem.severity, problem.recordIndex])).toEqual([
      [`${root}/general/2024-01-01.json`, 'skipped-record', 1],
      [`${root}/general/2024-01-01.json`, 'skipped-record', 2],
      [`${root}/general/2024-01-01.json`, 'skipped-record', 3],
    ]);
    expect(problems[0].reason).toMatch(/record 1 has no usable "ts"/);
    expect(problems[2].reason).toMatch(/record 3 is a number, not a Slack message object/);
    expect(ids(posted)).toEqual(['1704103200.000100', '1704103300.000100']);
  });

  it('skips a record whose text, user or reactions have the wrong type, and keeps the rest', async () => {
    const { problems, posted } = await readWith({
      'general/2024-01-01.json': [
        slackMessage('1704103200.000100', { text: 42 }),
        slackMessage('1704103200.000200', { user: { id: 'U1' } }),
        slackMessage('1704103200.000300', { reactions: 'lots' }),
        slackMessage('1704103200.000400', { thread_ts: true }),
        slackMessage('1704103200.000500', { text: null }),
      ],
    });
    expect(problems.map((problem) => [problem.recordIndex, problem.severity])).toEqual([
      [0, 'skipped-record'],
      [1, 'skipped-record'],
      [2, 'skipped-record'],
      [3, 'skipped-record'],
    ]);
    expect(problems[0].reason).toMatch(/"text" that is a number, not a string/);
    expect(ids(posted)).toEqual(['1704103200.000500']);
    expect(posted[0].text).toBe('');
  });

  it('reports a broken metadata file and still reads the messages, naming channels by folder', async () => {
    const { root, problems, posted, channels } = await readWith({
      'channels.json': '[{"id": "C1", "na',
      'general/2024-01-01.json': good,
    });
    expect(problems).toEqual([
      {
        path: `${root}/channels.json`,
        severity: 'skipped-file',
        reason: expect.stringMatching(/not valid JSON/),
      },
    ]);
    expect(channels.map((channel) => channel.nativeId)).toEqual(['general']);
    expect(posted).toHaveLength(2);
  });

  it('reports users and channels without ids as skipped records', async () => {
    const { problems, people } = await readWith({
      'users.json': [{ name: 'noid' }, 'x', { id: 'U1', name: 'dana' }],
    });
    expect(
      problems.map((problem) => [problem.path.split('/').pop(), problem.severity, problem.recordIndex]),
    ).toEqual([
      ['users.json', 'skipped-record', 0],
      ['users.json', 'skipped-record', 1],
    ]);
    expect(people.map((person) => person.nativeId)).toEqual(['U1']);
  });

  it('ignores integration logs and canvases silently, and warns about other stray files', async () => {
    const { root, problems, posted } = await readWith({
      'integration_logs.json': [{ service_id: '1' }],
      'canvases.json': [],
      'canvases/F1/canvas.json': {},
      'general/canvas_in_the_conversation.json': {},
      'general/2024-01-01.json': good,
      'general/notes.txt': 'hello',
      'README.md': '# export',
    });
    expect(problems).toEqual([
      {
        path: `${root}/README.md`,
        severity: 'warning',
        reason: expect.stringMatching(/not part of a Slack export/),
      },
      { path: `${root}/general/notes.txt`, severity: 'warning', reason: expect.stringMatching(/ignored/) },
    ]);
    expect(posted).toHaveLength(2);
  });
});
