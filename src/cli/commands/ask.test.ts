import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TruthFile } from '../../../fixtures/truth-schema.js';
import { openStore } from '../../app/store.js';
import { EVENT } from '../../domain/events.js';
import type { MessagePosted } from '../../domain/message.js';
import { KuzuGraphStore } from '../../memory/graph/kuzu/kuzu-graph-store.js';
import { latestProfiles } from '../../memory/people-queries.js';
import type { AskAnswer } from '../../answers/ask/ask-types.js';
import type { EntityHistory } from '../../answers/ask/entity-history.js';
import { truthEvents } from '../../answers/ask/test-support/truth-events.js';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { runCaptured as run } from '../test-support/run-captured.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const workspace = path.join(root, 'fixtures/workspace');
const labelled = existsSync(path.join(workspace, 'truth.json'));

describe.skipIf(!labelled)('outro ask, history and replay on the labelled Acme workspace', () => {
  const truth = labelled
    ? TruthFile.parse(JSON.parse(readFileSync(path.join(workspace, 'truth.json'), 'utf8')))
    : undefined;
  let temp: { dir: string; cleanup: () => void };
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    temp = makeTempDir('outro-ask-e2e-');
    env = {
      OUTRO_HOME: temp.dir,
      OUTRO_CONFIG: path.join(workspace, 'outro.yaml'),
      OUTRO_NOW: truth?.now,
      OUTRO_NO_DAEMON: '1',
    };
    // --no-agents: the labelled truth stands in for the annotate stage, so the answers test ask alone.
    const ingest = await run(env, [
      'ingest',
      '--no-agents',
      path.join(workspace, 'slack'),
      path.join(workspace, 'discord'),
      path.join(workspace, 'teams'),
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
  }, 60_000);
  afterAll(() => temp?.cleanup());

  it('answers the labelled questions, and says "I don\'t know" to every question the data cannot answer', async () => {
    const misses: string[] = [];
    for (const item of truth!.ask) {
      const result = await run(env, [
        'ask',
        item.question,
        '--json',
        ...(item.as_of ? ['--as-of', item.as_of] : []),
      ]);
      expect(result.code, result.stderr).toBeUndefined();
      const answer = JSON.parse(result.stdout) as AskAnswer;
      const text = answer.text.toLowerCase();
      if (item.expect.unknown) {
        // Never guess: an unanswerable question gets no answer at all.
        expect(answer.known, `${item.id} ${item.question}: ${answer.text}`).toBe(false);
        expect(answer.text).toMatch(/^I don't know/);
        continue;
      }
      const ok =
        answer.known &&
        item.expect.answer_contains.every((word) => text.includes(word.toLowerCase())) &&
        item.expect.answer_excludes.every((word) => !text.includes(word.toLowerCase()));
      if (!ok) misses.push(`${item.id} "${item.question}": ${answer.text}`);
      else if (answer.intent !== 'waiting-on-me') expect(answer.evidence.length, item.id).toBeGreaterThan(0);
    }
    const answerable = truth!.ask.filter((item) => !item.expect.unknown).length;
    console.log(
      `ask on Acme: ${answerable - misses.length}/${answerable} answerable right; misses:\n${misses.join('\n')}`,
    );
    expect(misses.length).toBeLessThanOrEqual(3);
  }, 120_000);

  it('gives the ownership history and evidence with the current owner', async () => {
    const answer = JSON.parse((await run(env, ['ask', 'who owns billing', '--json'])).stdout) as AskAnswer;
    expect(answer.text).toMatch(/^Marco Rossi owns billing, since 2026-11-16/);
    expect(answer.history.map((entry) => [entry.subjectName, entry.status])).toEqual([
      ['Priya Nair', 'superseded'],
      ['Marco Rossi', 'current'],
    ]);
    expect(answer.evidence[0]).toEqual(
      expect.objectContaining({
        source: expect.any(String),
        channel: expect.any(String),
        messageId: expect.any(String),
        author: expect.any(String),
        snippet: expect.any(String),
      }),
    );
    const text = (await run(env, ['ask', 'who', 'owns', 'billing'])).stdout;
    expect(text).toContain('History');
    expect(text).toContain('Priya Nair owns billing');
  }, 60_000);

  it('lists every fact about an entity in `outro history`, retracted ones included', async () => {
    const history = JSON.parse(
      (await run(env, ['history', 'the search indexer', '--json'])).stdout,
    ) as EntityHistory;
    expect(history.entity?.id).toBe('component:search-indexer');
    expect(history.facts.map((fact) => [fact.subjectName, fact.relation, fact.status])).toEqual(
      expect.arrayContaining([
        ['Sam Okafor', 'owns', 'retracted'],
        ['Lena Fischer', 'owns', 'current'],
        ['Priya Nair', 'works_on', 'current'],
      ]),
    );
    expect(history.facts.every((fact) => fact.evidence.length > 0)).toBe(true);
    const missing = await run(env, ['history', 'payroll']);
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.stdout).toMatch(/I don't know "payroll"/);
  }, 60_000);

  it('rebuilds with `outro replay` into the same graph the commands projected incrementally', async () => {
    const before = await KuzuGraphStore.open(path.join(temp.dir, 'graph'));
    const projected = await before.dump();
    await before.close();
    const replay = await run(env, ['replay', '--json']);
    expect(replay.code, replay.stderr).toBeUndefined();
    const report = JSON.parse(replay.stdout) as { assertions: number; retractions: number };
    expect(report).toEqual(
      expect.objectContaining({
        assertions: truth!.facts.length,
        retractions: truth!.facts.filter((fact) => fact.retracted).length,
      }),
    );
    const after = await KuzuGraphStore.open(path.join(temp.dir, 'graph'));
    expect(await after.dump()).toEqual(projected);
    await after.close();
    expect((await run(env, ['replay'])).stdout).toMatch(/^Replayed [\d,]+ events in/);
  }, 60_000);
});
