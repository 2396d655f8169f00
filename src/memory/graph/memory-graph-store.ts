import { OutroError } from '../../domain/errors.js';
import type { FactVersion } from '../facts/fact-types.js';
import {
  type FactQuery,
  type GraphCounts,
  type GraphLoadSource,
  type GraphStore,
  type ItemQuery,
  type LoadStats,
  type MeetingQuery,
  type SearchHits,
} from './graph-store.js';
import {
  emptyRecordLists,
  keyOf,
  RECORD_KINDS,
  type ActionItemNode,
  type ConversationNode,
  type DecisionNode,
  type GraphBatch,
  type GraphRecords,
  type GraphSnapshot,
  type MeetingNode,
  type QuestionNode,
  type RecordKind,
} from './graph-records.js';
import { byAt, compareFacts, compareText, sortSnapshot } from './snapshot-order.js';
import { searchWords } from './search-text.js';
import {
  actionItemMatches,
  conversationIsAbout,
  factMatches,
  meetingQueryMatches,
  questionMatches,
} from './graph-filters.js';

type RecordMaps = { [K in RecordKind]: Map<string, GraphRecords[K]> };

/** The graph in plain maps: for tests, benchmarks, the reference the Kùzu adapter must match, and the projection a query reads when another process holds the Kùzu graph. */
export class MemoryGraphStore implements GraphStore {
  readonly engine = 'memory' as const;
  private records: RecordMaps = emptyMaps();
  private slots = new Map<string, FactVersion[]>();
  private closed = false;
  private seq = 0;

  async cursor(): Promise<number> {
    this.check();
    return this.seq;
  }

  async get<K extends RecordKind>(kind: K, ids: readonly string[]): Promise<Map<string, GraphRecords[K]>> {
    this.check();
    const map = this.records[kind] as Map<string, GraphRecords[K]>;
    const found = new Map<string, GraphRecords[K]>();
    for (const id of ids) {
      const record = map.get(id);
      if (record) found.set(id, structuredClone(record));
    }
    return found;
  }

  async write(batch: GraphBatch): Promise<void> {
    this.check();
    for (const kind of RECORD_KINDS) {
      const map = this.records[kind] as Map<string, GraphRecords[typeof kind]>;
      for (const record of batch.records[kind] ?? []) map.set(keyOf(kind, record), structuredClone(record));
    }
    for (const { slot, facts } of batch.slots) {
      if (facts.length === 0) this.slots.delete(slot);
      else this.slots.set(slot, structuredClone(facts));
    }
    if (batch.cursor !== undefined) this.seq = batch.cursor;
  }

  async reset(): Promise<void> {
    this.check();
    this.records = emptyMaps();
    this.slots = new Map();
    this.seq = 0;
  }

  async load(source: GraphLoadSource): Promise<LoadStats> {
    this.check();
    const started = performance.now();
    await this.write({ records: source.records, slots: [] });
    source.written?.();
    for (const fact of source.facts) {
      const list = this.slots.get(fact.slot) ?? [];
      list.push(structuredClone(fact));
      this.slots.set(fact.slot, list);
    }
    if (source.cursor !== undefined) this.seq = source.cursor;
    return { writeMs: performance.now() - started, copyMs: 0, indexMs: 0 };
  }

  async search(text: string, limit = 20): Promise<SearchHits> {
    this.check();
    const words = new Set(searchWords(text));
    if (words.size === 0) return { components: [], conversations: [] };
    const score = (fields: readonly string[]): number => {
      const have = new Set(fields.flatMap(searchWords));
      let hits = 0;
      for (const word of words) if (have.has(word)) hits++;
      return hits / words.size;
    };
    const components = [...this.records.component.values()]
      .filter((component) => component.version > 0)
      .map((component) => ({
        component: structuredClone(component),
        score: score([component.name ?? '', ...component.aliases]),
      }))
      .filter((hit) => hit.score > 0)
      .sort((a, b) => b.score - a.score || compareText(a.component.id, b.component.id))
      .slice(0, limit);
    const conversations = [...this.records.conversation.values()]
      .filter((conversation) => conversation.version > 0)
      .map((conversation) => ({
        conversation: structuredClone(conversation),
        score: score([conversation.topic]),
      }))
      .filter((hit) => hit.score > 0)
      .sort((a, b) => b.score - a.score || compareText(a.conversation.id, b.conversation.id))
      .slice(0, limit);
    return { components, conversations };
  }

  async facts(query: FactQuery): Promise<FactVersion[]> {
    this.check();
    if (query.object === undefined && query.subjects === undefined) {
      throw new OutroError('INTERNAL', 'A fact query needs an object or subjects.');
    }
    const out: FactVersion[] = [];
    for (const facts of this.slots.values())
      for (const fact of facts) if (factMatches(fact, query)) out.push(structuredClone(fact));
    return out.sort(compareFacts);
  }

  async decisions(query: { about?: string }): Promise<DecisionNode[]> {
    this.check();
    return [...this.records.decision.values()]
      .filter(
        (decision) =>
          decision.version > 0 && (query.about === undefined || decision.about.includes(query.about)),
      )
      .map((decision) => structuredClone(decision))
      .sort(byAt);
  }

  async actionItems(query: ItemQuery): Promise<ActionItemNode[]> {
    this.check();
    const isAbout = (id: string, entity: string): boolean => this.isAbout(id, entity);
    return [...this.records.actionItem.values()]
      .filter((item) => actionItemMatches(item, query, isAbout))
      .map((item) => structuredClone(item))
      .sort(byAt);
  }

  async questions(query: ItemQuery): Promise<QuestionNode[]> {
    this.check();
    const isAbout = (id: string, entity: string): boolean => this.isAbout(id, entity);
    return [...this.records.question.values()]
      .filter((question) => questionMatches(question, query, isAbout))
      .map((question) => structuredClone(question))
      .sort(byAt);
  }

  async conversations(query: { about: string }): Promise<ConversationNode[]> {
    this.check();
    return [...this.records.conversation.values()]
      .filter((conversation) => conversation.version > 0 && conversation.entities.includes(query.about))
      .map((conversation) => structuredClone(conversation))
      .sort((a, b) => compareText(a.start, b.start) || compareText(a.id, b.id));
  }

  async meetings(query: MeetingQuery): Promise<MeetingNode[]> {
    this.check();
    return [...this.records.meeting.values()]
      .filter((meeting) => meetingQueryMatches(meeting, query))
      .map((meeting) => structuredClone(meeting))
      .sort((a, b) => compareText(a.start, b.start) || compareText(a.id, b.id));
  }

  async counts(): Promise<GraphCounts> {
    this.check();
    const live = (kind: RecordKind): number =>
      [...this.records[kind].values()].filter((record) => record.version > 0).length;
    let facts = 0;
    let currentFacts = 0;
    for (const list of this.slots.values()) {
      facts += list.length;
      currentFacts += list.filter((fact) => fact.status === 'current').length;
    }
    return {
      people: live('person'),
      components: live('component'),
      channels: live('channel'),
      conversations: live('conversation'),
      decisions: live('decision'),
      actionItems: live('actionItem'),
      questions: live('question'),
      meetings: live('meeting'),
      facts,
      currentFacts,
    };
  }

  async dump(): Promise<GraphSnapshot> {
    this.check();
    const records = emptyRecordLists();
    for (const kind of RECORD_KINDS) {
      (records[kind] as Array<GraphRecords[typeof kind]>) = [
        ...(this.records[kind] as Map<string, GraphRecords[typeof kind]>).values(),
      ].map((r) => structuredClone(r));
    }
    return sortSnapshot({
      records,
      facts: [...this.slots.values()].flat().map((fact) => structuredClone(fact)),
    });
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private isAbout(conversationId: string, entity: string): boolean {
    return conversationIsAbout(this.records.conversation.get(conversationId), entity);
  }

  private check(): void {
    if (this.closed) throw new OutroError('INTERNAL', 'The graph store is closed.');
  }
}

function emptyMaps(): RecordMaps {
  return {
    person: new Map(),
    component: new Map(),
    channel: new Map(),
    conversation: new Map(),
    decision: new Map(),
    actionItem: new Map(),
    question: new Map(),
    meeting: new Map(),
  };
}
