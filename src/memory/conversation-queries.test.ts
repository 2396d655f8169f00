import { describe, expect, it } from 'vitest';
import type {
  ConversationAnnotated,
  ConversationExtracted,
  DecisionRecorded,
} from '../domain/annotations.js';
import { channelUpdated } from '../domain/event-builders.js';
import { EVENT, makeEvent } from '../domain/events.js';
import { stableId } from '../domain/ids.js';
import { listConversations } from './conversation-queries.js';
import { EventLog } from './event-log.js';
import { MIGRATIONS } from './migrations/index.js';
import { openDatabase } from './sqlite.js';

const ENG = 'slack:T1:C1';
const RANDOM = 'slack:T1:C2';
const provenance = { stage: 'test', version: '1', strategy: 'heuristic' as const };

function extracted(conversationId: string, channel: string, messages: string[], start: string, end: string) {
  const payload: ConversationExtracted = {
    conversationId,
    channel,
    messages,
    participants: ['slack:T1:U1'],
    start,
    end,
    provenance,
  };
  return makeEvent({
    id: stableId('x', conversationId, messages.join()),
    type: EVENT.conversationExtracted,
    stream: channel,
    occurredAt: end,
    payload,
  });
}

function annotated(conversationId: string, channel: string, topic: string, noise = false) {
  const payload: ConversationAnnotated = {
    conversationId,
    channel,
    topic,
    summary: `about ${topic}`,
    participants: [],
    mentioned: [],
    entities: [],
    noise,
    start: '',
    end: '',
    messageCount: 1,
    provenance,
  };
  return makeEvent({
    id: stableId('a', conversationId, topic),
    type: EVENT.conversationAnnotated,
    stream: channel,
    occurredAt: '2026-11-10T10:00:00Z',
    payload,
  });
}

function decisionIn(conversationId: string) {
  const payload = {
    decisionId: stableId('d', conversationId),
    conversationId,
  } as unknown as DecisionRecorded;
  return makeEvent({
    id: stableId('d', conversationId),
    type: EVENT.decisionRecorded,
    stream: ENG,
    occurredAt: '2026-11-10T10:00:00Z',
    payload,
  });
}

function store() {
  const db = openDatabase(':memory:', { migrations: MIGRATIONS });
  const log = new EventLog(db);
  log.appendAll([
    channelUpdated(
      {
        key: ENG,
        source: 'slack',
        workspace: 'T1',
        nativeId: 'C1',
        name: 'eng',
        kind: 'channel',
        members: [],
      } as never,
      '2026-01-01T00:00:00Z',
    ),
    extracted('c1', ENG, ['1'], '2026-11-10T09:00:00Z', '2026-11-10T09:00:00Z'),
    extracted('c1', ENG, ['1', '2'], '2026-11-10T09:00:00Z', '2026-11-10T09:30:00Z'),
    annotated('c1', ENG, 'billing retries'),
    decisionIn('c1'),
    extracted('c2', RANDOM, ['3'], '2026-11-12T09:00:00Z', '2026-11-12T09:00:00Z'),
    annotated('c2', RANDOM, 'coffee', true),
    extracted('gone', ENG, ['4'], '2026-11-11T09:00:00Z', '2026-11-11T09:00:00Z'),
    extracted('gone', ENG, [], '2026-11-11T09:00:00Z', '2026-11-11T09:00:00Z'),
  ]);
  return db;
}

describe('listConversations', () => {
  it('takes the latest split of each conversation with its annotation and item counts, newest first, and drops retired ones', () => {
    const rows = listConversations(store());
    expect(rows.map((row) => row.conversationId)).toEqual(['c2', 'c1']);
    const eng = rows[1];
    expect(eng.messages).toEqual(['1', '2']);
    expect(eng.channelName).toBe('eng');
    expect(eng.annotation?.topic).toBe('billing retries');
    expect(eng.counts).toEqual({ decisions: 1, actionItems: 0, questions: 0, facts: 0 });
    expect(rows[0].annotation?.noise).toBe(true);
  });

  it('filters by channel name or key and by time', () => {
    const db = store();
    expect(listConversations(db, { channel: '#eng' }).map((row) => row.conversationId)).toEqual(['c1']);
    expect(listConversations(db, { channel: RANDOM }).map((row) => row.conversationId)).toEqual(['c2']);
    expect(listConversations(db, { since: '2026-11-11T00:00:00Z' }).map((row) => row.conversationId)).toEqual(
      ['c2'],
    );
    expect(listConversations(db, { until: '2026-11-11T00:00:00Z' }).map((row) => row.conversationId)).toEqual(
      ['c1'],
    );
  });
});
