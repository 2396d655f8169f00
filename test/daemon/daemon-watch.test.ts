import { cpSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  baseExport,
  slackMessage,
  writeExport,
} from '../../src/connectors/slack/test-support/slack-export-fixture.js';
import { cli, daemonStatus, makeHome, stopQuietly, waitFor, type Home } from './daemon-harness.js';

/** The Acme sample workspace (`npm run fixtures:build`). */
const SAMPLE = resolve('fixtures/workspace');

interface Stored {
  stats: { messages: number };
}

function storedMessages(home: Home): number {
  const result = cli(home, ['status', '--json']);
  if (result.status !== 0) throw new Error(result.stderr);
  return (JSON.parse(result.stdout) as Stored).stats.messages;
}

describe('the daemon watching export folders', { timeout: 300_000 }, () => {
  let home: Home;
  let watched: string;
  beforeEach(() => {
    // `watch:` entries are relative to the config file's folder.
    home = makeHome('watch:\n  - exports\n');
    watched = join(home.dir, 'exports');
    mkdirSync(watched);
    mkdirSync(join(home.dir, 'staging'));
  });
  afterEach(() => {
    stopQuietly(home);
    home.cleanup();
  });

  it('ingests a Slack export dropped into a watched folder, then a newer export of it, and reports it in status', async () => {
    expect(cli(home, ['daemon', 'start']).status).toBe(0);
    expect(daemonStatus(home)).toMatchObject({ watched: [watched] });
    expect(storedMessages(home)).toBe(0);

    // Written in place, file by file (awaitWriteFinish and the debounce wait for the writes to settle).
    await writeExport(
      join(watched, 'acme-slack'),
      baseExport({
        'general/2026-02-27.json': [
          slackMessage('1772193600.000100', { text: 'hello' }),
          slackMessage('1772193660.000200', { user: 'U2', text: 'hi' }),
        ],
      }),
    );
    await waitFor(() => storedMessages(home) === 2, 'the dropped export to be ingested');
    const status = await waitFor(() => {
      const current = daemonStatus(home);
      return (current.running && current.lastIngest) || undefined;
    }, 'the daemon to report the ingest');
    expect(status.status).toBe('ok');
    expect(status.paths).toEqual([join(watched, 'acme-slack')]);
    // The agents ran over what was new (src/runtime/agents runUntilDrained).
    expect(status.agents).toMatch(/^agents: [\d,]+ batches, [\d,]+ events handled, .* 0 failed/);

    // A newer export replacing the old one (moved in whole, as a download manager does).
    const newer = await writeExport(
      join(home.dir, 'staging'),
      baseExport({
        'general/2026-02-27.json': [
          slackMessage('1772193600.000100', { text: 'hello' }),
          slackMessage('1772193660.000200', { user: 'U2', text: 'hi' }),
        ],
        'general/2026-02-28.json': [slackMessage('1772280000.000100', { text: 'a new day' })],
      }),
    );
    renameSync(newer, join(watched, 'acme-slack-2'));
    await waitFor(() => storedMessages(home) === 3, 'the newer export to add one message');
  });

  it.runIf(existsSync(SAMPLE))(
    'ingests the sample workspace copied into a watched folder into the same store as `outro ingest`',
    async () => {
      const config = `${readFileSync(join(SAMPLE, 'outro.yaml'), 'utf8')}\nwatch:\n  - exports\n`;
      const env = { OUTRO_NOW: '2026-11-20T07:30:00+01:00' };
      const daemonHome = makeHome(config, env);
      const localHome = makeHome(config, env);
      try {
        const inputs = ['slack', 'discord', 'teams', 'calendar.ics'].map((name) => join(SAMPLE, name));
        const local = cli(localHome, ['ingest', ...inputs, '--json']);
        expect(local.status).toBe(0);
        const expected = JSON.parse(cli(localHome, ['status', '--json']).stdout) as Record<string, unknown>;

        mkdirSync(join(daemonHome.dir, 'exports'));
        expect(cli(daemonHome, ['daemon', 'start']).status).toBe(0);
        for (const input of inputs)
          cpSync(input, join(daemonHome.dir, 'exports', basename(input)), { recursive: true });
        const messages = (expected.stats as { messages: number }).messages;
        const actual = await waitFor(() => {
          const status = JSON.parse(cli(daemonHome, ['status', '--json']).stdout) as Record<string, unknown>;
          return (status.stats as { messages: number }).messages === messages && status;
        }, 'the sample workspace to be ingested');
        // Linking runs after each ingest; give the last one time to finish, then compare.
        await waitFor(() => {
          const status = daemonStatus(daemonHome);
          return status.running && !status.ingesting;
        }, 'the daemon to be idle');
        const final = JSON.parse(cli(daemonHome, ['status', '--json']).stdout) as Record<string, unknown>;
        expect(actual.stats).toBeDefined();
        // The raw event count may differ by the extra person.linked events explained below; what is
        // stored — messages, people, channels, meetings — is the same.
        const { events: _daemonEvents, ...stored } = final.stats as Record<string, unknown>;
        const { events: _localEvents, ...storedLocally } = expected.stats as Record<string, unknown>;
        expect(stored).toEqual(storedLocally);
        expect(final.humans).toBe(expected.humans);
        // Not compared: crossSourceLinks. Ingesting the sources in separate runs (as a watcher does)
        // appends more link events than one run does (slack then discord: 29; all at once: 21), with
        // the same people as the result — a property of linkAcrossSources, not of the daemon.
        expect(final.crossSourceLinks as number).toBeGreaterThanOrEqual(expected.crossSourceLinks as number);

        // `ask` reads the Kùzu graph, which the daemon's projector agent holds open: through the
        // daemon it shares that handle, and answers as the CLI does alone once the daemon is gone.
        const questions = [
          ['who', 'owns', 'billing'],
          ['what', 'is', 'waiting', 'on', 'me'],
        ];
        const forwarded = questions.map((question) => cli(daemonHome, ['ask', ...question, '--json']));
        for (const answer of forwarded) expect(answer).toMatchObject({ status: 0, stderr: '' });
        expect(readFileSync(join(daemonHome.dir, 'log', 'daemon.log'), 'utf8')).toContain('"command":"ask"');
        expect(cli(daemonHome, ['daemon', 'stop']).status).toBe(0);
        const alone = questions.map((question) => cli(daemonHome, ['ask', ...question, '--json']));
        expect(alone.map((answer) => answer.stdout)).toEqual(forwarded.map((answer) => answer.stdout));
      } finally {
        stopQuietly(daemonHome);
        daemonHome.cleanup();
        localHome.cleanup();
      }
    },
  );

  it('changes the brief when an export is dropped into a watched folder', async () => {
    const env = { OUTRO_NOW: '2026-03-01T12:00:00Z' };
    const briefHome = makeHome('me: dana\ntimezone: UTC\nwatch:\n  - exports\n', env);
    try {
      mkdirSync(join(briefHome.dir, 'exports'));
      // The reader must exist before a brief can be written for them: a first, quiet export.
      const first = await writeExport(
        join(briefHome.dir, 'work'),
        baseExport({ 'general/2026-02-20.json': [slackMessage('1771581600.000100', { text: 'old news' })] }),
      );
      expect(cli(briefHome, ['ingest', first]).status).toBe(0);
      expect(cli(briefHome, ['daemon', 'start']).status).toBe(0);
      const brief = (): { counts: { conversations: number; waiting: number } } => {
        const result = cli(briefHome, ['brief', '--json', '--peek', '--since', '48h']);
        if (result.status !== 0) throw new Error(result.stderr);
        return JSON.parse(result.stdout) as { counts: { conversations: number; waiting: number } };
      };
      const before = brief();
      expect(before.counts.conversations).toBe(0);

      await writeExport(
        join(briefHome.dir, 'exports', 'acme'),
        baseExport({
          'general/2026-03-01.json': [
            slackMessage('1772355600.000100', {
              user: 'U2',
              text: '<@U1> can you review the billing migration plan before Friday?',
            }),
            slackMessage('1772355660.000200', {
              user: 'U2',
              text: 'The rollout is blocked until the plan is approved.',
            }),
          ],
        }),
      );
      const after = await waitFor(() => {
        const current = brief();
        return current.counts.conversations > 0 && current;
      }, 'the brief to show the new conversation');
      expect(after.counts.conversations).toBeGreaterThan(before.counts.conversations);
    } finally {
      stopQuietly(briefHome);
      briefHome.cleanup();
    }
  });
});
