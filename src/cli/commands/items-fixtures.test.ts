import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TruthFile } from '../../../fixtures/truth-schema.js';
import { truthEvents } from '../../answers/ask/test-support/truth-events.js';
import type { Citation } from '../../answers/brief/brief-types.js';
import type { ItemsResult } from '../../answers/items/items-types.js';
import { openStore } from '../../app/store.js';
import { EVENT } from '../../domain/events.js';
import type { MessagePosted } from '../../domain/message.js';
import { latestProfiles } from '../../memory/people-queries.js';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { runCaptured as run } from '../test-support/run-captured.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const workspace = path.join(root, 'fixtures/workspace');
const labelled = existsSync(path.join(workspace, 'truth.json'));

/** A citation as the truth names messages: `slack:C…:ts`, `discord:<channel>:<id>`. */
const refOf = (citation: Citation): string =>
  `${citation.source}:${citation.channel.split(':').slice(2).join(':')}:${citation.nativeId}`;

/**
 * `outro items` on the labelled Acme workspace, with the understanding events a perfect annotate
 * stage would publish (truth-events, no agents): every labelled item listed once with its state,
 * its person and its messages, whatever the filters keep.
 */
describe.skipIf(!labelled)('outro items on the labelled Acme workspace', () => {
  const temp = makeTempDir('outro-items-e2e-');
  const truth = labelled
    ? TruthFile.parse(JSON.parse(readFileSync(path.join(workspace, 'truth.json'), 'utf8')))
    : undefined;
  const env: NodeJS.ProcessEnv = {
    OUTRO_HOME: temp.dir,
    OUTRO_CONFIG: path.join(workspace, 'outro.yaml'),
    OUTRO_NOW: truth?.now,
    OUTRO_NO_DAEMON: '1',
  };
  const name = (id: string): string => truth!.people.find((person) => person.id === id)!.name;
  const items = async (...args: string[]): Promise<ItemsResult> => {
    const result = await run(env, ['items', '--json', ...args]);
    expect(result.code, result.stderr).toBeUndefined();
    return JSON.parse(result.stdout) as ItemsResult;
  };

  beforeAll(async () => {
    const ingest = await run(env, [
      'ingest',
      '--no-agents',
      ...['slack', 'discord', 'teams', 'calendar.ics'].map((entry) => path.join(workspace, entry)),
    ]);
    expect(ingest.stderr).not.toMatch(/outro:/);
    const store = openStore(path.join(temp.dir, 'outro.db'));
    try {
      const messages = store.log
        .read({ types: [EVENT.messagePosted] })
        .map((event) => event.payload as MessagePosted);
      store.log.appendAll(truthEvents(truth!, messages, latestProfiles(store.db)));
    } finally {
      store.close();
    }
  }, 120_000);
  afterAll(() => temp.cleanup());

  it('lists every labelled action item with its assignee, state and cited messages', async () => {
    const result = await items('--kind', 'action');
    expect(result.items).toHaveLength(truth!.action_items.length);
    for (const expected of truth!.action_items) {
      const found = result.items.find((item) => refOf(item.evidence[0]) === expected.evidence[0]);
      expect(found, expected.summary).toBeDefined();
      expect(found!.for.map((person) => person.name)).toEqual([name(expected.assignee)]);
      expect(found!.state).toBe(expected.completed_by ? 'done' : 'open');
      if (expected.completed_by) expect(found!.history.at(-1)).toMatchObject({ change: 'done' });
      for (const citation of found!.evidence)
        expect(citation).toMatchObject({ source: expect.any(String), authorName: expect.any(String) });
    }
  });

  it("lists a person's open questions by any of their names, and a reversed decision with what reversed it", async () => {
    const open = await items('--kind', 'question', '--for', 'dana@acme.io', '--open');
    const expected = truth!.questions.filter(
      (question) => question.addressee === truth!.reader && question.answered_by === null,
    );
    expect(open.items.map((item) => refOf(item.evidence[0])).sort()).toEqual(
      expected.map((question) => question.evidence).sort(),
    );
    expect(open.filters.for?.name).toBe(name(truth!.reader));

    const decisions = await items('--kind', 'decision');
    expect(decisions.items).toHaveLength(truth!.decisions.length);
    for (const reversal of truth!.decisions.filter((decision) => decision.reverses !== null)) {
      const reversed = truth!.decisions.find((decision) => decision.id === reversal.reverses)!;
      const item = decisions.items.find((entry) => refOf(entry.evidence[0]) === reversed.evidence[0])!;
      expect(item.state).toBe('reversed');
      expect(item.history.map((change) => change.change)).toEqual(['decided', 'reversed']);
    }
  });

  it('keeps only the channel asked for, and prints plain text on a pipe', async () => {
    const eng = await items('--channel', '#eng');
    expect(eng.items.length).toBeGreaterThan(0);
    expect(new Set(eng.items.map((item) => item.channelName))).toEqual(new Set(['#eng']));

    const text = await run(env, ['items', '--open', '--kind', 'action', '--for', 'priya']);
    expect(text.code, text.stderr).toBeUndefined();
    const lines = text.stdout.split('\n');
    expect(lines[0]).toMatch(
      /^\d+ items? \(\d+ open\): action items, open only, for Priya Nair — times in Europe\/Berlin$/,
    );
    expect(
      lines.filter((line) => line.startsWith('[')).every((line) => line.startsWith('[open] to do: ')),
    ).toBe(true);
    expect(text.stdout).not.toMatch(/\u001b\[/);
  });

  it('refuses --open with --done, and an unknown kind, as bad usage', async () => {
    expect((await run(env, ['items', '--open', '--done'])).code).toBe('USAGE');
    const kind = await run(env, ['items', '--kind', 'todos']);
    expect(kind.code).toBe('USAGE');
    expect(kind.stderr).toContain('use decision, action or question');
  });
});
