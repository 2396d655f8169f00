import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  baseExport,
  slackMessage,
  writeExport,
} from '../../src/connectors/slack/test-support/slack-export-fixture.js';

const BIN = resolve('bin/outro');

function outro(home: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: home, OUTRO_HOME: home, OUTRO_NOW: '2026-03-01T12:00:00Z' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The compiled CLI (bin/outro → dist/), as a user runs it after `npm ci`. */
describe('the built outro binary', () => {
  let home: string;
  let work: string;
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'outro-e2e-home-'));
    work = mkdtempSync(join(tmpdir(), 'outro-e2e-work-'));
  });
  afterEach(() => {
    rmSync(home, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('ingests a Slack export, reports it in status, and appends nothing the second time', async () => {
    const exportDir = await writeExport(
      join(work, 'slack'),
      baseExport({
        'general/2026-02-27.json': [
          slackMessage('1772193600.000100', { user: 'U1', text: 'hello <@U2>' }),
          slackMessage('1772193660.000200', { user: 'U2', text: 'hi! &amp; welcome' }),
        ],
      }),
    );
    const first = outro(home, ['ingest', exportDir, '--json']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const summary = JSON.parse(first.stdout) as {
      appended: number;
      status: string;
      inputs: Array<{ format: string }>;
    };
    expect(summary.status).toBe('ok');
    expect(summary.inputs.map((input) => input.format)).toEqual(['slack-export']);
    expect(summary.appended).toBeGreaterThan(2);

    const again = JSON.parse(outro(home, ['ingest', exportDir, '--json']).stdout) as { appended: number };
    expect(again.appended).toBe(0);

    const status = outro(home, ['status', '--json']);
    expect(status.status).toBe(0);
    const stored = JSON.parse(status.stdout) as { stats: { messages: number } };
    expect(stored.stats.messages).toBe(2);
  });

  it('names the channel of the messages an unknown answer offers as maybe relevant', async () => {
    const exportDir = await writeExport(
      join(work, 'slack'),
      baseExport({
        'general/2026-02-27.json': [
          slackMessage('1772193600.000100', {
            user: 'U1',
            text: 'remember to call the tile vendor tomorrow',
          }),
        ],
      }),
    );
    expect(outro(home, ['ingest', exportDir]).status).toBe(0);
    const asked = outro(home, ['ask', 'who is on call this week', '--json']);
    expect(asked.status).toBe(0);
    const answer = JSON.parse(asked.stdout) as {
      known: boolean;
      maybeRelevant?: Array<{ channelName?: string; snippet: string }>;
    };
    expect(answer.known).toBe(false);
    expect(answer.maybeRelevant?.map((m) => [m.channelName, m.snippet])).toEqual([
      ['#general', 'remember to call the tile vendor tomorrow'],
    ]);
  });

  it('skips an unreadable file, keeps the rest, and exits 3 (partial)', async () => {
    const exportDir = await writeExport(
      join(work, 'slack'),
      baseExport({
        'general/2026-02-27.json': [slackMessage('1772193600.000100', { user: 'U1', text: 'still stored' })],
      }),
    );
    const junk = join(work, 'notes.json');
    writeFileSync(junk, '{"this is": "not an export"}');
    const result = outro(home, ['ingest', exportDir, junk]);
    expect(result.status).toBe(3);
    expect(result.stdout).toContain('notes.json');
    const status = JSON.parse(outro(home, ['status', '--json']).stdout) as { stats: { messages: number } };
    expect(status.stats.messages).toBe(1);
  });

  it('exits 2 with a usage message for an unknown command', () => {
    const result = outro(home, ['frobnicate']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown command/);
  });
});
