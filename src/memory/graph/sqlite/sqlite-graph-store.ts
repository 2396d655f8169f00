import { OutroError } from '../../../domain/errors.js';
import type { FactVersion } from '../../facts/fact-types.js';
import type { SqliteDatabase } from '../../sqlite.js';
import {
  actionItemMatches,
  conversationIsAbout,
  factMatches,
  meetingQueryMatches,
  questionMatches,
} from '../graph-filters.js';
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
  type RecordLists,
} from '../graph-records.js';
import type {
  FactQuery,
  GraphCounts,
  GraphLoadSource,
  GraphStore,
  ItemQuery,
  LoadStats,
  MeetingQuery,
  SearchHits,
} from '../graph-store.js';
import { searchWords, STOPWORDS } from '../search-text.js';
import { byAt, compareFacts, compareText, sortSnapshot } from '../snapshot-order.js';
import { SEARCH_TABLES, SqliteGraphWrites } from './sqlite-graph-writes.js';

/** Fact versions a bulk load writes per transaction (a million need not be held at once). */
const LOAD_FACT_BATCH = 5_000;
/** Ids bound per `IN (…)` list (SQLite's default limit is 32,766 variables). */
const IDS_PER_QUERY = 500;

/**
 * The graph projection in the main SQLite store (migration 011), behind the same port as Kùzu and
 * passing the same contract (graph-store.contract.ts). A command that only reads answers from it
 * without opening Kùzu, whose open alone costs ~0.5 CPU s. Calls are synchronous underneath.
 */
export class SqliteGraphStore implements GraphStore {
  readonly engine = 'sqlite' as const;
  private readonly writes: SqliteGraphWrites;
  private closed = false;

  constructor(private readonly db: SqliteDatabase) {
    this.writes = new SqliteGraphWrites(db);
  }

  async cursor(): Promise<number> {
    this.check();
    return graphCopyCursor(this.db);
  }

  async get<K extends RecordKind>(kind: K, ids: readonly string[]): Promise<Map<string, GraphRecords[K]>> {
    this.check();
    const found = new Map<string, GraphRecords[K]>();
    for (const record of this.records(kind, ids)) found.set(keyOf(kind, record), record);
    return found;
  }

  async write(batch: GraphBatch): Promise<void> {
    this.check();
    this.db.transaction(() => {
      this.writes.records(batch.records);
      for (const { slot, facts } of batch.slots) this.writes.slot(slot, facts);
      if (batch.cursor !== undefined) this.writes.cursor(batch.cursor);
    })();
  }

  async reset(): Promise<void> {
    this.check();
    this.db.transaction(() => this.writes.reset())();
  }

  async load(source: GraphLoadSource): Promise<LoadStats> {
    this.check();
    const started = performance.now();
    this.loadRecords(source.records);
    source.written?.();
    const pending: FactVersion[] = [];
    for (const fact of source.facts) {
      pending.push(fact);
      if (pending.length >= LOAD_FACT_BATCH) this.loadFacts(pending.splice(0));
    }
    this.loadFacts(pending);
    if (source.cursor !== undefined) await this.write({ records: {}, slots: [], cursor: source.cursor });
    return { writeMs: performance.now() - started, copyMs: 0, indexMs: 0 };
  }

  /** The records part of a bulk load into an empty store (see MirroredGraphStore: facts stream after). */
  loadRecords(records: Partial<RecordLists>): void {
    this.check();
    this.db.transaction(() => this.writes.records(records, true))();
  }

  /** Fact versions of a bulk load, in slot order (a slot may continue from the previous call). */
  loadFacts(facts: readonly FactVersion[]): void {
    this.check();
    if (facts.length > 0) this.db.transaction(() => this.writes.facts(facts))();
  }

  async search(text: string, limit = 20): Promise<SearchHits> {
    this.check();
    // As Kùzu's index is asked: plain lowercase words, stopwords out, stemmed by the tokenizer.
    const words = text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word !== '' && !STOPWORDS.has(word));
    if (words.length === 0 || searchWords(text).length === 0) return { components: [], conversations: [] };
    const match = words.map((word) => `"${word.replace(/"/g, '""')}"`).join(' OR ');
    const hits = <K extends 'component' | 'conversation'>(
      kind: K,
    ): Array<{ record: GraphRecords[K]; score: number }> =>
      (
        this.db
          .prepare(
            `SELECT r.json AS json, -bm25(${SEARCH_TABLES[kind]}) AS score FROM ${SEARCH_TABLES[kind]}
             JOIN graph_records r ON r.rowid = ${SEARCH_TABLES[kind]}.rowid
             WHERE ${SEARCH_TABLES[kind]} MATCH ? ORDER BY bm25(${SEARCH_TABLES[kind]}) LIMIT ?`,
          )
          .all(match, limit) as Array<{ json: string; score: number }>
      ).map((row) => ({ record: JSON.parse(row.json) as GraphRecords[K], score: row.score }));
    return {
      components: hits('component')
        .map(({ record, score }) => ({ component: record, score }))
        .sort((a, b) => b.score - a.score || compareText(a.component.id, b.component.id)),
      conversations: hits('conversation')
        .map(({ record, score }) => ({ conversation: record, score }))
        .sort((a, b) => b.score - a.score || compareText(a.conversation.id, b.conversation.id)),
    };
  }

  async facts(query: FactQuery): Promise<FactVersion[]> {
    this.check();
    if (query.object === undefined && query.subjects === undefined) {
      throw new OutroError('INTERNAL', 'A fact query needs an object or subjects.');
    }
    const rows: string[] = [];
    if (query.object !== undefined) {
      for (const row of this.db
        .prepare('SELECT json FROM graph_facts WHERE object = ?')
        .all(query.object) as Array<{ json: string }>)
        rows.push(row.json);
    } else {
      for (const chunk of chunks(query.subjects ?? []))
        for (const row of this.db
          .prepare(`SELECT json FROM graph_facts WHERE subject IN (${chunk.map(() => '?').join(', ')})`)
          .all(...chunk) as Array<{ json: string }>)
          rows.push(row.json);
    }
    return rows
      .map((json) => JSON.parse(json) as FactVersion)
      .filter((fact) => factMatches(fact, query))
      .sort(compareFacts);
  }

  async decisions(query: { about?: string }): Promise<DecisionNode[]> {
    this.check();
    const found =
      query.about === undefined ? this.all('decision') : this.linked('decision', 'about', [query.about]);
    return found.filter((decision) => decision.version > 0).sort(byAt);
  }

  async actionItems(query: ItemQuery): Promise<ActionItemNode[]> {
    this.check();
    const found = query.people ? this.linked('actionItem', 'assignee', query.people) : this.all('actionItem');
    const isAbout = this.aboutLookup(found.map((item) => item.conversationId));
    return found.filter((item) => actionItemMatches(item, query, isAbout)).sort(byAt);
  }

  async questions(query: ItemQuery): Promise<QuestionNode[]> {
    this.check();
    const found = query.people
      ? this.linked('question', 'addressee', query.people)
      : query.askers
        ? this.linked('question', 'asker', query.askers)
        : this.all('question');
    const isAbout = this.aboutLookup(found.map((question) => question.conversationId));
    return found.filter((question) => questionMatches(question, query, isAbout)).sort(byAt);
  }

  async conversations(query: { about: string }): Promise<ConversationNode[]> {
    this.check();
    return this.linked('conversation', 'about', [query.about])
      .filter((conversation) => conversation.version > 0 && conversation.entities.includes(query.about))
      .sort((a, b) => compareText(a.start, b.start) || compareText(a.id, b.id));
  }

  async meetings(query: MeetingQuery): Promise<MeetingNode[]> {
    this.check();
    const roles = query.role ? [query.role] : ['organizer', 'attendee'];
    const found = query.people
      ? roles.flatMap((role) => this.linked('meeting', role, query.people ?? []))
      : this.all('meeting');
    const seen = new Set<string>();
    return found
      .filter(
        (meeting) => !seen.has(meeting.id) && (seen.add(meeting.id), meetingQueryMatches(meeting, query)),
      )
      .sort((a, b) => compareText(a.start, b.start) || compareText(a.id, b.id));
  }

  async counts(): Promise<GraphCounts> {
    this.check();
    const live = new Map(
      (
        this.db
          .prepare('SELECT kind, count(*) AS n FROM graph_records WHERE version > 0 GROUP BY kind')
          .all() as Array<{
          kind: RecordKind;
          n: number;
        }>
      ).map((row) => [row.kind, row.n]),
    );
    const facts = this.db
      .prepare('SELECT count(*) AS n, coalesce(sum(current), 0) AS current FROM graph_facts')
      .get() as {
      n: number;
      current: number;
    };
    const count = (kind: RecordKind): number => live.get(kind) ?? 0;
    return {
      people: count('person'),
      components: count('component'),
      channels: count('channel'),
      conversations: count('conversation'),
      decisions: count('decision'),
      actionItems: count('actionItem'),
      questions: count('question'),
      meetings: count('meeting'),
      facts: facts.n,
      currentFacts: facts.current,
    };
  }

  async dump(): Promise<GraphSnapshot> {
    this.check();
    const records = emptyRecordLists();
    for (const kind of RECORD_KINDS) (records[kind] as Array<GraphRecords[typeof kind]>) = this.all(kind);
    const facts = (this.db.prepare('SELECT json FROM graph_facts').all() as Array<{ json: string }>).map(
      (row) => JSON.parse(row.json) as FactVersion,
    );
    return sortSnapshot({ records, facts });
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  private records<K extends RecordKind>(kind: K, ids: readonly string[]): Array<GraphRecords[K]> {
    const out: Array<GraphRecords[K]> = [];
    for (const chunk of chunks([...new Set(ids)]))
      for (const row of this.db
        .prepare(
          `SELECT json FROM graph_records WHERE kind = ? AND id IN (${chunk.map(() => '?').join(', ')})`,
        )
        .all(kind, ...chunk) as Array<{ json: string }>)
        out.push(JSON.parse(row.json) as GraphRecords[K]);
    return out;
  }

  private all<K extends RecordKind>(kind: K): Array<GraphRecords[K]> {
    return (
      this.db.prepare('SELECT json FROM graph_records WHERE kind = ?').all(kind) as Array<{ json: string }>
    ).map((row) => JSON.parse(row.json) as GraphRecords[K]);
  }

  /** Records of `kind` with a link `role` to any of `values`. */
  private linked<K extends RecordKind>(
    kind: K,
    role: string,
    values: readonly string[],
  ): Array<GraphRecords[K]> {
    const ids = new Set<string>();
    for (const chunk of chunks([...new Set(values)]))
      for (const row of this.db
        .prepare(
          `SELECT id FROM graph_links WHERE kind = ? AND role = ? AND value IN (${chunk.map(() => '?').join(', ')})`,
        )
        .all(kind, role, ...chunk) as Array<{ id: string }>)
        ids.add(row.id);
    return this.records(kind, [...ids]);
  }

  private aboutLookup(
    conversationIds: readonly string[],
  ): (conversationId: string, entity: string) => boolean {
    const conversations = new Map(this.records('conversation', conversationIds).map((c) => [c.id, c]));
    return (conversationId, entity) => conversationIsAbout(conversations.get(conversationId), entity);
  }

  private check(): void {
    if (this.closed) throw new OutroError('INTERNAL', 'The graph store is closed.');
  }
}

/** The log seq the copy of the graph in `db` reflects: 0 when it holds nothing (a new store, or one from before the copy). */
export function graphCopyCursor(db: SqliteDatabase): number {
  const row = db.prepare("SELECT value FROM graph_meta WHERE key = 'cursor'").get() as
    { value: number } | undefined;
  return row?.value ?? 0;
}

function chunks<T>(values: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let at = 0; at < values.length; at += IDS_PER_QUERY) out.push(values.slice(at, at + IDS_PER_QUERY));
  return out;
}
