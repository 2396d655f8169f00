import { describe, expect, it } from 'vitest';
import type { ConversationAnnotated } from '../domain/annotations.js';
import { EVENT, makeEvent } from '../domain/events.js';
import { stableId } from '../domain/ids.js';
import { EventLog } from './event-log.js';
import { MIGRATIONS } from './migrations/index.js';
import { openDatabase } from './sqlite.js';
import { partlyAnalysedMessages } from './store-stats.js';

function annotated(conversationId: string, topic: string, partialMessages?: number) {
  const payload: ConversationAnnotated = {
    conversationId,
    channel: 'slack:T1:C1',
    topic,
    summary: topic,
    participants: [],
    mentioned: [],
    entities: [],
    noise: false,
    start: '',
    end: '',
    messageCount: 1,
    ...(partialMessages === undefined ? {} : { partialMessages }),
    provenance: { stage: 'test', version: '1', strategy: 'heuristic' },
  };
  return makeEvent({
    id: stableId('a', conversationId, topic),
    type: EVENT.conversationAnnotated,
    stream: 'slack:T1:C1',
    occurredAt: '2026-11-10T10:00:00Z',
    payload,
  });
}

describe('partlyAnalysedMessages', () => {
  it("sums the latest annotation of each conversation's partly analysed messages", () => {
    const db = openDatabase(':memory:', { migrations: MIGRATIONS });
    const log = new EventLog(db);
    expect(partlyAnalysedMessages(db)).toBe(0);
    log.appendAll([annotated('a', 'first', 3), annotated('b', 'only', 2), annotated('c', 'whole')]);
    expect(partlyAnalysedMessages(db)).toBe(5);
    // Conversation a annotated again as it grew: its latest annotation counts, not both.
    log.appendAll([annotated('a', 'second', 4)]);
    expect(partlyAnalysedMessages(db)).toBe(6);
    log.appendAll([annotated('a', 'third')]);
    expect(partlyAnalysedMessages(db)).toBe(2);
    db.close();
  });
});
