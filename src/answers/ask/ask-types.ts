import type { FactRelation } from '../../domain/annotations.js';
import type { FactStatus } from '../../memory/facts/fact-types.js';
import type { QuestionTime } from './question-time.js';

/** What a question asks, as the pattern parser understood it (parse-question.ts). */
export type AskIntent =
  | 'owner' // who owns X (now, last week, on DATE); who took over X; when did Y take over X
  | 'works-on' // who is working on X
  | 'expert' // who knows X best
  | 'ask-whom' // who should I ask about X: owner, then expertise, then most active participant
  | 'decided' // what did we decide about X
  | 'working-on' // what is PERSON working on
  | 'blocking' // what is blocking X (a person or a component)
  | 'waiting-on-me' // what is waiting on me (config `me`)
  | 'changed' // what changed about X (the last 7 days before as-of)
  | 'on-call' // who is on call (this week, on DATE, during …): schedule facts
  | 'meeting' // when is the X meeting, when do I meet Y: the calendar, else the messages
  | 'my-meetings' // what meetings do I have (tomorrow, next week): the reader's calendar
  | 'person' // who is X, tell me about X: the person, what they own and have open
  | 'due' // what's overdue, what is due this week: open action items by due day
  | 'decisions-in' // what did we decide this week: decisions in a window (the last 7 days by default)
  | 'happened' // what happened this week, what did I miss: decisions, work done and new work in a window
  | 'owed-to' // what did I promise X, what does X need from me
  | 'decider' // who approved / decided X: the latest standing decision's decider
  | 'item-due'; // when is X due, what's the deadline for X: the action item naming X and its due day

/**
 * Intents whose target names no component or person to resolve (the reader's own lists, the
 * calendar's titles): neither a model nor a similar component is asked to read it better.
 */
export function namesNoEntity(intent: AskIntent): boolean {
  return (
    intent === 'waiting-on-me' ||
    intent === 'meeting' ||
    intent === 'my-meetings' ||
    intent === 'due' ||
    intent === 'decisions-in' ||
    intent === 'happened'
  );
}

export interface ParsedQuestion {
  intent: AskIntent;
  /** The words naming what is asked about ("the billing service"); empty for waiting-on-me. */
  target: string;
  /** A time named in the question ("last week", "on 2026-11-10"), ISO UTC; overrides --as-of. */
  asOf?: string;
  /** The time phrase itself, with the span it covers (read relative to --as-of). */
  time?: QuestionTime;
}

/** One message an answer rests on. */
export interface AnswerEvidence {
  source: string;
  /** Native channel id. */
  channel: string;
  /** How the channel is shown (`#billing`, `DM Ana & Bo`); set by the app from the log's channels. */
  channelName?: string;
  /** Native message id. */
  messageId: string;
  /** Display name of the author when known, else the person key. */
  author: string;
  time: string;
  snippet: string;
}

/** One fact version in an answer's history. */
export interface HistoryEntry {
  subject: string;
  subjectName: string;
  relation: FactRelation;
  object: string;
  objectName: string;
  status: FactStatus;
  confidence: number;
  validFrom: string;
  validTo: string | null;
  /** Why it closed: superseded by whom, or the retraction's reason. */
  note: string | null;
}

export interface AskAnswer {
  question: string;
  intent: AskIntent | null;
  /** False when the data does not support an answer ("I don't know"). */
  known: boolean;
  text: string;
  /** 0..1; 0 when unknown. */
  confidence: number;
  evidence: AnswerEvidence[];
  /** The time the answer holds at (ISO UTC). */
  asOf: string;
  /** For ownership and expertise questions: every version of the slot, oldest first. */
  history: HistoryEntry[];
  /** The entity the question was resolved to, if any. */
  entity: { kind: 'component' | 'person'; id: string; name: string } | null;
  /** What was looked up, in words: shown with "I don't know". */
  searched: string[];
  /** Who understood the question (set by ask()): the patterns, the model (grounded), or retrieval (the search index). */
  understoodBy?: 'pattern' | 'model' | 'retrieval';
  /**
   * Who produced `text` (set by ask()): the structured kinds' records, the retrieval's extractive
   * sentence, or the model from the retrieved passages (kept only when grounded in the ones it cites).
   */
  answeredBy?: 'records' | 'extractive' | 'model';
  /** With answeredBy 'model': the extractive answer the model's replaced. */
  extractive?: string | null;
  /** Retrieval answers: what kind of answer the question wants (person, time, number, reason, status, …). */
  answerType?: string | null;
  /** Retrieval answers: the query, the best-scored sentences and the threshold a known answer needs. */
  retrieval?: RetrievalTrace | null;
  /** With "I don't know" from retrieval: the closest messages, not an answer. */
  maybeRelevant?: AnswerEvidence[];
  /** True when a configured model could not be used for part of this answer; the reason says which. */
  degraded?: boolean;
  degradedReason?: string | null;
  /** Set when no name matched and the entity was found by embedding similarity. */
  match?: AskMatch | null;
  /** The model's one-or-two-sentence wording of a known answer (grounded); `text` stays the deterministic answer. */
  wording?: string | null;
  /** What the model path did for this answer (absent without a model). */
  model?: { calls: number; cached: number; hallucinationDrops: number } | null;
}

export interface RetrievalTrace {
  /** The words searched for. */
  query: string;
  /** The best sentences: their document, passage score, BM25 and text. */
  hits: Array<{ docId: string; score: number; bm25: number; sentence: string }>;
  /** The score a known answer needs (KNOWN_THRESHOLD). */
  threshold: number;
  /** The best passage's score. */
  best: number;
}

export interface AskMatch {
  by: 'similarity';
  /** The words of the question that named nothing. */
  query: string;
  id: string;
  name: string;
  score: number;
  /** The name, alias or conversation topic that was closest. */
  via: string;
  embedder: string;
}
