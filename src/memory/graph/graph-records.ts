import type { Evidence, QuestionAsked } from '../../domain/annotations.js';
import { isMeetingCancelled } from '../../domain/meeting-status.js';
import type { FactVersion } from '../facts/fact-types.js';

/**
 * The nodes of the graph projection. `version` is the log seq of the event the node's main
 * fields came from (the highest seq wins, so the result does not depend on apply order); 0 marks
 * a node known only because something points at it (a completion seen before its assignment, a
 * reversal seen before the decision it reverses). Queries skip version-0 nodes.
 */
export interface PersonNode {
  key: string;
  name: string | null;
  version: number;
}

export interface ComponentNode {
  id: string;
  kind: string | null;
  name: string | null;
  aliases: string[];
  version: number;
}

export interface ChannelNode {
  key: string;
  name: string | null;
  kind: string | null;
  version: number;
}

export interface ConversationNode {
  id: string;
  /** Channel key. */
  channel: string;
  topic: string;
  summary: string;
  participants: string[];
  mentioned: string[];
  /** Entity ids the conversation is about. */
  entities: string[];
  noise: boolean;
  start: string;
  end: string;
  messageCount: number;
  version: number;
}

export interface DecisionNode {
  id: string;
  version: number;
  conversationId: string;
  channel: string;
  summary: string;
  about: string[];
  decidedBy: string[];
  reverses: string | null;
  at: string;
  confidence: number;
  evidence: Evidence[];
  /** The earliest later decision that reverses this one. */
  reversedBy: string | null;
  reversedAt: string | null;
}

export interface ActionItemNode {
  id: string;
  version: number;
  conversationId: string;
  channel: string;
  summary: string;
  assignee: string | null;
  requestedBy: string;
  due: string | null;
  dueText: string | null;
  at: string;
  confidence: number;
  evidence: Evidence[];
  /** The earliest completion; null while open. */
  completedAt: string | null;
  completedBy: string | null;
}

export interface QuestionNode {
  id: string;
  version: number;
  conversationId: string;
  channel: string;
  text: string;
  asker: string;
  addressees: string[];
  kind: QuestionAsked['kind'];
  at: string;
  confidence: number;
  evidence: Evidence[];
  /** The earliest answer; null while open. */
  answeredAt: string | null;
  answeredBy: string | null;
}

/**
 * One occurrence of a calendar event. `version` is the seq of the latest meeting.scheduled,
 * `cancelSeq` of the latest meeting.cancelled: cancelled when that is newer, or the event's STATUS
 * says so. People are calendar person keys (calendar:email:…), linked to chat identities by email.
 */
export interface MeetingNode {
  id: string;
  version: number;
  calendar: string;
  uid: string;
  occurrence: string;
  title: string;
  start: string;
  end: string;
  allDay: boolean;
  location: string | null;
  organizer: string | null;
  attendees: string[];
  recurring: boolean;
  status: string | null;
  cancelSeq: number;
}

/** Whether a meeting is off: cancelled after it was last scheduled, or scheduled with STATUS:CANCELLED. */
export function isCancelled(meeting: MeetingNode): boolean {
  return isMeetingCancelled(meeting.status, meeting.cancelSeq > meeting.version);
}

export interface GraphRecords {
  person: PersonNode;
  component: ComponentNode;
  channel: ChannelNode;
  conversation: ConversationNode;
  decision: DecisionNode;
  actionItem: ActionItemNode;
  question: QuestionNode;
  meeting: MeetingNode;
}

export type RecordKind = keyof GraphRecords;

export const RECORD_KINDS: readonly RecordKind[] = [
  'person',
  'component',
  'channel',
  'conversation',
  'decision',
  'actionItem',
  'question',
  'meeting',
];

export type RecordLists = { [K in RecordKind]: Array<GraphRecords[K]> };

/** One atomic write: records to upsert (their edges are replaced) and slots whose fact versions are replaced. */
export interface GraphBatch {
  records: Partial<RecordLists>;
  slots: Array<{ slot: string; facts: FactVersion[] }>;
  /** The highest event-log seq this batch completes; stored with it, in the same transaction. */
  cursor?: number;
}

/** Everything the graph holds, in a canonical order: what replay loads and what equality tests compare. */
export interface GraphSnapshot {
  records: RecordLists;
  facts: FactVersion[];
}

export function emptyRecordLists(): RecordLists {
  return {
    person: [],
    component: [],
    channel: [],
    conversation: [],
    decision: [],
    actionItem: [],
    question: [],
    meeting: [],
  };
}

export function keyOf<K extends RecordKind>(kind: K, record: GraphRecords[K]): string {
  return kind === 'person' || kind === 'channel'
    ? (record as PersonNode | ChannelNode).key
    : (record as { id: string }).id;
}
