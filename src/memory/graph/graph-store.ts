import type { FactRelation } from '../../domain/annotations.js';
import type { FactVersion } from '../facts/fact-types.js';
import type {
  ActionItemNode,
  ComponentNode,
  ConversationNode,
  DecisionNode,
  GraphBatch,
  GraphRecords,
  GraphSnapshot,
  MeetingNode,
  QuestionNode,
  RecordKind,
} from './graph-records.js';
import { isCancelled } from './graph-records.js';

export interface FactQuery {
  /** Entity id. */
  object?: string;
  /** Person keys (all identities of one human). */
  subjects?: readonly string[];
  relation?: FactRelation;
}

export interface ItemQuery {
  /** Person keys the item is assigned / addressed to. */
  people?: readonly string[];
  /** Questions only: person keys who asked. */
  askers?: readonly string[];
  /** Entity id: items from conversations about it. */
  about?: string;
  /** Only items not completed / not answered. */
  open?: boolean;
}

export interface SearchHits {
  components: Array<{ component: ComponentNode; score: number }>;
  conversations: Array<{ conversation: ConversationNode; score: number }>;
}

export interface MeetingQuery {
  /** Person keys (calendar:email:…). */
  people?: readonly string[];
  /** With `people`: only meetings they organize ('organizer') or are invited to ('attendee'); both when absent. */
  role?: 'organizer' | 'attendee';
  from?: string;
  to?: string;
  cancelled?: boolean;
}

/** The query's time window and cancellation filter, shared by both stores. */
export function meetingMatches(meeting: MeetingNode, query: MeetingQuery): boolean {
  if (meeting.version <= 0) return false;
  if (!query.cancelled && isCancelled(meeting)) return false;
  if (query.from !== undefined && meeting.end <= query.from) return false;
  if (query.to !== undefined && meeting.start >= query.to) return false;
  return true;
}

export interface GraphCounts {
  people: number;
  components: number;
  channels: number;
  conversations: number;
  decisions: number;
  actionItems: number;
  questions: number;
  meetings: number;
  facts: number;
  currentFacts: number;
}

export interface LoadStats {
  /** Milliseconds spent writing bulk files, copying them in, and building search indexes (0 where the engine builds them when first needed). */
  writeMs: number;
  copyMs: number;
  indexMs: number;
}

/**
 * What a bulk load reads: records in memory, facts as a stream (a million versions need not be
 * held twice). The load takes the lists over: a list may be emptied once its rows are written out.
 */
export interface GraphLoadSource {
  records: GraphSnapshot['records'];
  facts: Iterable<FactVersion>;
  /** The highest event-log seq the load reflects. */
  cursor?: number;
  /**
   * Called once the rows are written out and `records` emptied, before the engine copies them in
   * (its own memory grows then): the caller may collect the rows' garbage there.
   */
  written?: () => void;
}

/**
 * The graph projection behind one small port, so the engine can change with one adapter (upstream
 * Kùzu is archived). Implementations: memory-graph-store.ts, kuzu/kuzu-graph-store.ts; both pass
 * graph-store.contract.ts. Reads never return version-0 placeholder records, except `get`.
 */
export interface GraphStore {
  readonly engine: 'memory' | 'kuzu' | 'sqlite';
  /** The highest event-log seq the graph reflects (0: empty, or just reset). */
  cursor(): Promise<number>;
  /** Records by id, placeholders included; ids not stored are absent from the map. */
  get<K extends RecordKind>(kind: K, ids: readonly string[]): Promise<Map<string, GraphRecords[K]>>;
  /** Applies one batch atomically: upserts records (replacing their edges) and replaces whole slots' fact versions. */
  write(batch: GraphBatch): Promise<void>;
  /** Drops everything (replay starts from here). */
  reset(): Promise<void>;
  /** Bulk-loads a projection into an empty graph. */
  load(source: GraphLoadSource): Promise<LoadStats>;

  /** Candidates whose names, aliases or topics share a word with `text`; callers decide what matches. */
  search(text: string, limit?: number): Promise<SearchHits>;
  /** Every version (history included) matching the query, ordered by validFrom then id. */
  facts(query: FactQuery): Promise<FactVersion[]>;
  /** Decisions about an entity (every decision when `about` is absent), ordered by time. */
  decisions(query: { about?: string }): Promise<DecisionNode[]>;
  actionItems(query: ItemQuery): Promise<ActionItemNode[]>;
  questions(query: ItemQuery): Promise<QuestionNode[]>;
  /**
   * Meeting occurrences that any of `people` organizes or attends (every meeting when absent),
   * overlapping [from, to) when given, cancelled ones only with `cancelled: true`; ordered by start.
   */
  meetings(query: MeetingQuery): Promise<MeetingNode[]>;
  /** Annotated conversations about an entity, ordered by start. */
  conversations(query: { about: string }): Promise<ConversationNode[]>;
  counts(): Promise<GraphCounts>;
  /** Everything but placeholders, in canonical order (for replay checks and tests). */
  dump(): Promise<GraphSnapshot>;
  close(): Promise<void>;
}
