/**
 * The brief: a typed, JSON-serialisable result computed from the event log. The Ink view, the
 * plain-text, markdown and JSON renderers are thin consumers of this one shape.
 */

export const BRIEF_VERSION = 1;

/** One message an item rests on, ready to print: where, who, when, and the native id. */
export interface Citation {
  source: string;
  /** Channel key `source:workspace:channel`. */
  channel: string;
  /** `#general`, `DM`, or the native id when the channel is unknown. */
  channelName: string;
  /** Person key of the author. */
  author: string;
  authorName: string;
  /** ISO UTC. */
  at: string;
  /** `YYYY-MM-DD HH:mm` in the reader's time zone. */
  localTime: string;
  /** Native message id (Slack ts, Discord snowflake, Teams id). */
  nativeId: string;
  snippet: string;
  /** The conversation it belongs to, when known. */
  conversationId: string | null;
}

export interface PersonRef {
  /** Person key. */
  key: string;
  name: string;
}

export type WaitingKind = 'question' | 'approval' | 'blocker' | 'action';
export type DueState = 'overdue' | 'due-soon' | 'open';

export interface WaitingItem {
  kind: WaitingKind;
  /** questionId or itemId. */
  id: string;
  text: string;
  /** Who asked or requested. */
  from: PersonRef | null;
  at: string;
  /** Action items only: `YYYY-MM-DD` or ISO. */
  due: string | null;
  dueText: string | null;
  state: DueState;
  /** True when it arrived inside the window (older items still wait, marked not new). */
  isNew: boolean;
  conversationId: string;
  confidence: number;
  evidence: Citation[];
}

/** An open action item of anyone's, overdue or due within a few working days of the window's end. */
export interface DueSoonItem {
  /** itemId (the most confident one when several annotations name the same ask). */
  id: string;
  text: string;
  /** Who still has to do it; several for a request to a group; empty when nobody was named. */
  assignees: PersonRef[];
  /** Who asked for it (null when the assignee offered it themselves). */
  requestedBy: PersonRef | null;
  /** `YYYY-MM-DD` or ISO. */
  due: string;
  dueText: string | null;
  state: 'overdue' | 'due-soon';
  /** The topic of the conversation it came from, for context ("sign it by Wednesday": sign what?). */
  topic: string | null;
  conversationId: string;
  confidence: number;
  evidence: Citation[];
}

export interface DecisionItem {
  id: string;
  summary: string;
  decidedBy: PersonRef[];
  at: string;
  /** The earlier decision this one reverses (its summary), when it is a reversal. */
  reverses: { id: string; summary: string | null } | null;
  /** Set when a later decision (up to the end of the window) reversed this one. */
  reversedBy: { id: string; summary: string; at: string } | null;
  about: string[];
  conversationId: string;
  confidence: number;
  evidence: Citation[];
}

export interface MeetingItem {
  uid: string;
  occurrence: string;
  summary: string;
  start: string;
  end: string;
  allDay: boolean;
  /** `HH:mm–HH:mm` (or `all day`) in the reader's time zone. */
  localTime: string;
  location: string | null;
  /** Everyone attending but the reader (declined attendees left out). */
  attendees: PersonRef[];
  recurring: boolean;
  /** Conversations sharing people or topic with this meeting, most related first. */
  related: Array<{ conversationId: string; topic: string; why: string }>;
  /** Open questions and action items of the related people or topic. */
  openItems: Array<{ kind: WaitingKind; id: string; text: string }>;
}

export interface ConversationEntry {
  conversationId: string;
  channel: string;
  channelName: string;
  source: string;
  start: string;
  end: string;
  messageCount: number;
  summary: string;
  citation: Citation | null;
}

export interface ConversationGroup {
  topic: string;
  /** Why it ranks where it does: `you took part`, `mentions you`, `your component` … */
  reasons: string[];
  score: number;
  participants: PersonRef[];
  /**
   * Two lines at most. Extractive (no model): decisions and asks first, then the most informative
   * sentences; with a model configured, the model's grounded abstractive summary when it passed.
   */
  summary: string[];
  /** Who wrote `summary`: the model (grounded against the messages) or the extractive heuristic. */
  summarySource: 'model' | 'extractive';
  /** Model summaries: the message ids (native) the summary rests on. */
  summaryEvidence?: string[];
  /** Model summaries: `name@digest` of the model that wrote it. */
  summaryModel?: string;
  /** Set when a model was asked and its summary is not used: why (the extractive one is shown). */
  summaryFallback?: string;
  conversations: ConversationEntry[];
  degraded: boolean;
}

/** How the conversation summaries of one brief were written, when a model was configured. */
export interface BriefSummaryStats {
  model: string;
  /** Groups whose summary the model wrote (fresh or from the cache). */
  modelWritten: number;
  /** Groups asked of the model that kept the extractive summary (degraded). */
  fallbacks: number;
  /** Groups not asked (beyond the limit, or no messages left): extractive, not degraded. */
  notAsked: number;
  cacheHits: number;
  /** Chat requests this brief made (0 when every summary came from the cache). */
  modelCalls: number;
  /** Names and message ids the model wrote that the conversations do not hold. */
  hallucinationDrops: number;
  budgetMs: number;
  /** True when the budget ran out and the remaining groups kept their extractive summary. */
  budgetExhausted: boolean;
}

export interface FactChange {
  change: 'asserted' | 'retracted';
  relation: string;
  subject: PersonRef;
  object: { id: string; name: string };
  /** For a new owner: who held it before. */
  previous: PersonRef | null;
  at: string;
  reason: string | null;
  confidence: number;
  evidence: Citation[];
}

export interface BriefWindow {
  since: string;
  until: string;
  /** Where `since` came from. */
  from: 'option' | 'last-brief' | 'default' | 'last-data';
}

export interface Brief {
  version: typeof BRIEF_VERSION;
  generatedAt: string;
  timezone: string;
  reader: { id: string; name: string; keys: string[] };
  window: BriefWindow;
  /** True when any item shown came from a model that fell back to the heuristic. */
  degraded: boolean;
  counts: {
    waiting: number;
    dueSoon: number;
    /** Open items overdue for longer than the due-soon section shows (`outro items --open` lists them). */
    longOverdue: number;
    decisions: number;
    meetings: number;
    conversations: number;
    noise: number;
    facts: number;
  };
  waiting: WaitingItem[];
  /** Due soon across the team: open action items of anyone's, overdue first, then by due date. */
  dueSoon: DueSoonItem[];
  decisions: DecisionItem[];
  day: { date: string; meetings: MeetingItem[] };
  conversations: ConversationGroup[];
  noise: { count: number; topics: string[] };
  facts: FactChange[];
  /** Present when a model was configured for summaries. */
  summaries?: BriefSummaryStats;
  /** One line each, shown first: no `me` configured, or the window moved to the newest data. */
  notes?: string[];
}
