import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TruthFile } from '../../../fixtures/truth-schema.js';
import { openStore } from '../../app/store.js';
import { EVENT } from '../../domain/events.js';
import type { MessagePosted } from '../../domain/message.js';
import type { PersonUpdated } from '../../domain/person.js';
import { latestProfiles } from '../../memory/people-queries.js';
import { truthEvents } from '../../answers/ask/test-support/truth-events.js';
import type { Brief } from '../../answers/brief/brief-types.js';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { runCaptured as run } from '../test-support/run-captured.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const workspace = path.join(root, 'fixtures/workspace');
const labelled = existsSync(path.join(workspace, 'truth.json'));

/**
 * The brief on the labelled Acme workspace, with the understanding events a perfect annotate
 * stage would publish (truth-events): every labelled "waiting on you" item, today's meetings,
 * and no name that is not a stored person.
 */
describe.skipIf(!labelled)('outro brief on the labelled Acme workspace', () => {
  const temp = makeTempDir('outro-brief-e2e-');
  const truth = labelled
    ? TruthFile.parse(JSON.parse(readFileSync(path.join(workspace, 'truth.json'), 'utf8')))
    : undefined;
  const env: NodeJS.ProcessEnv = {
    OUTRO_HOME: temp.dir,
    OUTRO_CONFIG: path.join(workspace, 'outro.yaml'),
    OUTRO_NOW: truth?.now,
    OUTRO_NO_DAEMON: '1',
  };
  let profiles: PersonUpdated[] = [];

  beforeAll(async () => {
    const ingest = await run(env, [
      'ingest',
      ...['slack', 'discord', 'teams', 'calendar.ics'].map((name) => path.join(workspace, name)),
    ]);
    expect(ingest.stderr).not.toMatch(/outro:/);
    const store = openStore(path.join(temp.dir, 'outro.db'));
    try {
      profiles = latestProfiles(store.db);
      const messages = store.log
        .read({ types: [EVENT.messagePosted] })
        .map((event) => event.payload as MessagePosted);
      store.log.appendAll(truthEvents(truth!, messages, profiles));
    } finally {
      store.close();
    }
  }, 120_000);
  afterAll(() => temp.cleanup());

  it('contains every labelled "waiting on you" item, and today\'s meetings in the reader\'s zone', async () => {
    const result = await run(env, [
      'brief',
      '--json',
      '--since',
      truth!.window.since,
      '--until',
      truth!.window.until,
    ]);
    expect(result.code, result.stderr).toBeUndefined();
    const brief = JSON.parse(result.stdout) as Brief;
    expect(brief.reader.name).toMatch(/^Dana/);
    // Matched by the message cited: the annotation agents may publish the same ask under their own id.
    const cited = brief.waiting.flatMap((item) =>
      item.evidence.map(
        (citation) =>
          `${citation.source}:${citation.channel.split(':').slice(2).join(':')}:${citation.nativeId}`,
      ),
    );
    for (const expected of truth!.waiting_on_me)
      expect(cited, `${expected.item}: ${expected.summary}`).toContain(expected.evidence);
    const meetings = brief.day.meetings.map(
      (meeting) => `${meeting.summary}@${new Date(meeting.start).toISOString()}`,
    );
    for (const expected of truth!.meetings_today)
      expect(meetings).toContain(`${expected.summary}@${new Date(expected.start).toISOString()}`);
  });

  it('names only people the store knows', async () => {
    const brief = JSON.parse((await run(env, ['brief', '--json', '--peek'])).stdout) as Brief;
    const known = new Set(profiles.flatMap((profile) => profile.names));
    const named = [
      ...brief.waiting.flatMap((item) => [
        item.from?.name,
        ...item.evidence.map((citation) => citation.authorName),
      ]),
      ...brief.decisions.flatMap((item) => item.decidedBy.map((person) => person.name)),
      ...brief.conversations.flatMap((group) => group.participants.map((person) => person.name)),
      ...brief.facts.flatMap((item) => [item.subject.name, item.previous?.name]),
    ].filter((name): name is string => name !== undefined);
    expect(named.length).toBeGreaterThan(0);
    expect(named.filter((name) => !known.has(name))).toEqual([]);
  });
});
