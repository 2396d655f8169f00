import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../app/store.js';
import type {
  ActionItemAssigned,
  ActionItemCompleted,
  ConversationAnnotated,
  ConversationExtracted,
  DecisionRecorded,
  FactAsserted,
  FactRetracted,
  QuestionAsked,
} from '../../domain/annotations.js';
import { messagePosted, personUpdated } from '../../domain/event-builders.js';
import { EVENT, makeEvent, type StoredEvent } from '../../domain/events.js';
import type { AgentContext } from '../../runtime/agents/agent.js';
import { AnnotationsAgent } from './annotations-agent.js';

const T0 = Date.UTC(2026, 10, 9, 8, 0); // Monday 09:00 Berlin
const CHANNEL = 'slack:T1:C1';
const person = (name: string): string => `slack:T1:U_${name.toUpperCase()}`;
const PEOPLE = ['Dana Whitfield', 'Lena Vogel', 'Sam Park', 'Aisha Khan', 'Tom Hughes'];

let dir: string;
let store: Store;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'outro-annotations-agent-'));
  store = openStore(path.join(dir, 'outro.db'), () => new Date(T0 + 86_400_000));
  for (const name of PEOPLE) {
    const first = name.split(' ')[0];
    store.log.append(
      personUpdated(
        {
          key: person(first),
          source: 'slack',
          workspace: 'T1',
          nativeId: `U_${first.toUpperCase()}`,
          names: [name],
          handles: [first.toLowerCase()],
          emails: [],
          isBot: false,
        },
        new Date(T0).toISOString(),
      ),
    );
  }
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function post(k: number, author: string, text: string): string {
  const id = `1.${k}`;
  store.log.append(
    messagePosted({
      source: 'slack',
      workspace: 'T1',
      channel: 'C1',
      id,
      thread: null,
      replyTo: null,
      author: person(author),
      text,
      kind: 'message',
      mentions: [],
      editedAt: null,
      ts: new Date(T0 + k * 60_000).toISOString(),
    }),
  );
  return id;
}

function extracted(conversationId: string, ids: string[]): StoredEvent<ConversationExtracted> {
  const payload: ConversationExtracted = {
    conversationId,
    channel: CHANNEL,
    messages: ids,
    participants: [],
    start: new Date(T0).toISOString(),
    end: new Date(T0 + 3_600_000).toISOString(),
    provenance: { stage: 'disentangle', version: '1', strategy: 'heuristic' },
  };
  const event = makeEvent({
    id: `conv-${conversationId}-${ids.length}`,
    type: EVENT.conversationExtracted,
    stream: CHANNEL,
    occurredAt: payload.end,
    payload,
  });
  store.log.append(event);
  return store.log
    .read({ types: [EVENT.conversationExtracted] })
    .find((stored) => stored.id === event.id) as StoredEvent<ConversationExtracted>;
}

function agentContext(): AgentContext {
  return {
    db: store.db,
    log: store.log,
    now: () => new Date(T0 + 86_400_000),
    signal: new AbortController().signal,
    step: async (_name, fn) => fn(new AbortController().signal),
  };
}

const payloads = <P>(type: string): P[] =>
  store.log.read({ types: [type] }).map((event) => event.payload as P);

describe('AnnotationsAgent', () => {
  it('publishes annotations with evidence and provenance, and appends nothing on a re-run', async () => {
    const ids = [
      post(1, 'tom', 'who owns the search indexer these days?'),
      post(2, 'aisha', 'I think Sam might own the search indexer?'),
      post(3, 'sam', "correction: it's Lena, not Sam. the indexer is all @Lena Vogel"),
      post(4, 'dana', '@Lena Vogel can you write up the options for the indexer by Wed?'),
      post(5, 'lena', 'yes, doc by wednesday'),
      post(6, 'dana', "ok, decision: we'll go with Postgres for the search indexer"),
    ];
    const agent = new AnnotationsAgent({ timezone: 'Europe/Berlin' });
    const batch = [extracted('c1', ids)];
    const produced = await agent.handle(batch, agentContext());
    store.log.appendAll(produced);

    const [annotated] = payloads<ConversationAnnotated>(EVENT.conversationAnnotated);
    expect(annotated).toEqual(
      expect.objectContaining({
        conversationId: 'c1',
        channel: CHANNEL,
        noise: false,
        messageCount: 6,
        topic: expect.stringContaining('indexer'),
      }),
    );
    expect(annotated.summary.split('\n').length).toBeLessThanOrEqual(2);
    const [item] = payloads<ActionItemAssigned>(EVENT.actionItemAssigned);
    expect(item).toEqual(
      expect.objectContaining({
        assignee: person('lena'),
        requestedBy: person('dana'),
        due: '2026-11-11',
        dueText: 'by Wed',
      }),
    );
    expect(item.evidence[0]).toEqual(
      expect.objectContaining({
        source: 'slack',
        workspace: 'T1',
        channel: 'C1',
        id: '1.4',
        author: person('dana'),
      }),
    );
    expect(item.evidence[0].snippet.length).toBeLessThanOrEqual(280);
    expect(item.provenance).toEqual({
      stage: 'annotate',
      version: expect.any(String),
      strategy: 'heuristic',
    });
    expect(payloads<DecisionRecorded>(EVENT.decisionRecorded)).toHaveLength(1);
    expect(payloads<QuestionAsked>(EVENT.questionAsked)).toHaveLength(1);
    const facts = payloads<FactAsserted>(EVENT.factAsserted);
    const retracted = payloads<FactRetracted>(EVENT.factRetracted);
    expect(retracted).toHaveLength(1);
    expect(facts.find((fact) => fact.factId === retracted[0].factId)?.subject).toBe(person('sam'));
    expect(facts.filter((fact) => fact.subject === person('lena')).map((fact) => fact.object)).toContain(
      'component:search-indexer',
    );
    expect(payloads(EVENT.entityNamed).length).toBeGreaterThan(0);

    expect(await agent.handle(batch, agentContext())).toEqual([]);
  });

  it('takes the latest event per conversation, skips retired ones, and completes items from earlier conversations', async () => {
    const first = [
      post(1, 'dana', '@Lena Vogel can you write up the indexer options by Wed?'),
      post(2, 'lena', 'yes, will do'),
    ];
    const agent = new AnnotationsAgent({ timezone: 'Europe/Berlin' });
    store.log.appendAll(
      await agent.handle([extracted('c1', first.slice(0, 1)), extracted('c1', first)], agentContext()),
    );
    expect(payloads<ActionItemAssigned>(EVENT.actionItemAssigned)).toEqual([
      expect.objectContaining({
        evidence: [expect.objectContaining({ id: '1.1' }), expect.objectContaining({ id: '1.2' })],
      }),
    ]);

    const later = [post(120, 'lena', 'the indexer options doc is done: linked in the channel')];
    store.log.appendAll(await agent.handle([extracted('c2', later), extracted('c3', [])], agentContext()));
    const [item] = payloads<ActionItemAssigned>(EVENT.actionItemAssigned);
    expect(payloads<ActionItemCompleted>(EVENT.actionItemCompleted)).toEqual([
      expect.objectContaining({ itemId: item.itemId, by: person('lena') }),
    ]);
    expect(payloads<ConversationAnnotated>(EVENT.conversationAnnotated).map((a) => a.conversationId)).toEqual(
      ['c1', 'c2'],
    );
  });

  it('serving one drain, lets go of what it folded once caught up and reads it back for a later batch', async () => {
    const first = [post(1, 'dana', '@Lena Vogel can you write up the indexer options by Wed?')];
    const agent = new AnnotationsAgent({ timezone: 'Europe/Berlin', singleDrain: true });
    store.log.appendAll(await agent.handle([extracted('c1', first)], agentContext()));
    expect(agent.holdsKnowledge()).toBe(false);

    const later = [post(120, 'lena', 'the indexer options doc is done: linked in the channel')];
    store.log.appendAll(await agent.handle([extracted('c2', later)], agentContext()));
    const [item] = payloads<ActionItemAssigned>(EVENT.actionItemAssigned);
    expect(payloads<ActionItemCompleted>(EVENT.actionItemCompleted)).toEqual([
      expect.objectContaining({ itemId: item.itemId, by: person('lena') }),
    ]);

    const kept = new AnnotationsAgent({ timezone: 'Europe/Berlin' });
    await kept.handle([extracted('c3', later)], agentContext());
    expect(kept.holdsKnowledge()).toBe(true);
  });
});
