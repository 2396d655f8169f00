import { describe, expect, it } from 'vitest';
import type { DecisionRecorded, EntityNamed } from '../../domain/annotations.js';
import { EVENT, type StoredEvent } from '../../domain/events.js';
import { MemoryClaimIndex } from '../../memory/facts/claim-index.js';
import { MapEvidenceSource } from '../../memory/facts/map-evidence-source.js';
import { evidence, PROVENANCE, stored } from '../../memory/facts/test-support/fact-builders.js';
import { MemoryGraphStore } from '../../memory/graph/memory-graph-store.js';
import { GraphProjector } from '../../memory/graph/projector.js';
import { SqliteSearchIndex } from '../../memory/search/sqlite-search-index.js';
import { openSearchDatabase } from '../../memory/search/test-support/search-events.js';
import { PeopleDirectory } from '../people/people-directory.js';
import type { AskSources } from './answer-support.js';
import { ask } from './ask.js';
import { slackKey, slackProfile } from './test-support/slack-people.js';

const [LUIS, NADIA, OWEN, SOFIA] = ['ULUIS', 'UNADIA', 'UOWEN', 'USOFIA'].map(slackKey);
const WEBHOOKS = 'component:webhooks';
const NOW = new Date('2026-11-27T09:00:00.000Z');

const webhooks: StoredEvent<EntityNamed> = stored(
  EVENT.entityNamed,
  'ent-webhooks',
  { entityId: WEBHOOKS, kind: 'component', name: 'webhooks', aliases: ['webhook'], confidence: 1 },
  '2026-10-01T00:00:00.000Z',
);

function decision(id: string, summary: string, at: string): StoredEvent<DecisionRecorded> {
  return stored(
    EVENT.decisionRecorded,
    `ev-${id}`,
    {
      decisionId: id,
      conversationId: 'c1',
      channel: 'slack:T1:C1',
      summary,
      about: [WEBHOOKS],
      decidedBy: [OWEN],
      reverses: null,
      at,
      confidence: 0.9,
      evidence: [evidence(`m-${id}`, OWEN, at, summary)],
      provenance: { ...PROVENANCE },
    },
    at,
  );
}

let seq = 0;
function message(author: string, text: string, at: string) {
  seq++;
  return {
    docId: `message:slack:T1:C1:${seq}`,
    kind: 'message' as const,
    title: '',
    text,
    author,
    channel: 'slack:T1:C1',
    at,
    conversationId: null,
    nativeId: String(seq),
    state: null,
    version: seq,
  };
}

async function sources(events: StoredEvent[], docs: ReturnType<typeof message>[]): Promise<AskSources> {
  const graph = new MemoryGraphStore();
  await new GraphProjector(new MemoryClaimIndex(), graph).apply(events);
  const search = new SqliteSearchIndex(openSearchDatabase().db);
  search.upsert(docs);
  return {
    graph,
    evidence: new MapEvidenceSource(events),
    people: new PeopleDirectory([
      slackProfile('ULUIS', 'Luis Ortega'),
      slackProfile('UNADIA', 'Nadia Haddad'),
      { ...slackProfile('UOWEN', 'Owen Tremblay'), emails: ['owen@example.com'] },
      slackProfile('USOFIA', 'Sofia Lind'),
    ]),
    me: ['owen@example.com'],
    now: NOW,
    search,
  };
}

describe('what is PERSON working on, when no fact or open item says', () => {
  it("shows what they wrote lately and what others said of them, never someone else's message", async () => {
    const s = await sources(
      [],
      [
        message(
          NADIA,
          'webhook signing secret rotated, old one keeps working until Friday',
          '2026-11-26T14:00:00Z',
        ),
        message(LUIS, 'driver app 4.2 goes to TestFlight tomorrow if QA is happy', '2026-11-24T10:00:00Z'),
        message(LUIS, 'thanks!', '2026-11-25T10:00:00Z'),
        message(SOFIA, 'the offline mode is next, Luis is on the photo upload', '2026-11-25T11:00:00Z'),
        message(LUIS, 'the old crash reporter is gone for good now', '2026-10-01T10:00:00Z'),
      ],
    );
    const answer = await ask('what is Luis working on', s);
    expect(answer.known).toBe(true);
    expect(answer.confidence).toBeLessThan(0.5);
    expect(answer.text).toContain('Nothing records what Luis Ortega works on');
    expect(answer.text).toContain('they wrote: "driver app 4.2 goes to TestFlight tomorrow if QA is happy"');
    expect(answer.text).toContain('said of them: "the offline mode is next, Luis is on the photo upload"');
    // Not their own acknowledgements, nothing older than two weeks, and not a message neither by nor about them.
    expect(answer.text).not.toContain('thanks!');
    expect(answer.text).not.toContain('crash reporter');
    expect(answer.text).not.toContain('webhook');
    expect(answer.evidence.map((item) => item.author)).toEqual(['Sofia Lind', 'Luis Ortega']);
  });

  it('says it does not know when they wrote nothing lately and nobody named them', async () => {
    const s = await sources(
      [],
      [message(NADIA, 'the queue is working again after the restart', '2026-11-26T14:00:00Z')],
    );
    const answer = await ask('what is Luis working on', s);
    expect(answer.known).toBe(false);
    expect(answer.text).toContain('messages by Luis Ortega in the last two weeks');
  });
});

describe('who should I ask about X, when nobody is recorded as owning or knowing it', () => {
  it('ranks who does the work on it above who only talks about it, and never the reader', async () => {
    const s = await sources(
      [
        webhooks,
        decision(
          'd1',
          "webhook retries are capped at 5 with Nadia's backoff schedule",
          '2026-11-23T10:00:00Z',
        ),
      ],
      [
        message(OWEN, 'webhook retries: where are we?', '2026-11-22T10:00:00Z'),
        message(OWEN, 'any news on the webhook queue?', '2026-11-23T09:00:00Z'),
        message(NADIA, 'webhook signing secret rotated', '2026-11-26T14:00:00Z'),
        message(SOFIA, 'a customer says their webhook arrived late', '2026-11-25T14:00:00Z'),
      ],
    );
    const answer = await ask('who should I ask about webhooks', s);
    expect(answer.known).toBe(true);
    expect(answer.text).toMatch(
      /^Nobody is recorded as owning or knowing webhooks\. Closest to it: Nadia Haddad \(named in 1 decision about it, wrote 1 message about it\); Sofia Lind/,
    );
    expect(answer.text).not.toContain('Owen');
    expect(answer.evidence[0].author).toBe('Nadia Haddad');
  });
});
