import { z } from 'zod';
import { MessageRef } from './message.js';

/**
 * What the understanding stages publish: conversations, decisions, action items, questions and
 * facts, each with evidence (the messages it rests on) and a confidence.
 */

/** A message an item rests on, self-contained so answers can cite it without another lookup. */
export const Evidence = MessageRef.extend({
  /** Person key of the author. */
  author: z.string(),
  ts: z.string(),
  /** The relevant sentence or the start of the message (<= 280 chars). */
  snippet: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;

/** Which stage produced an item, how, and whether it fell back. */
export const Provenance = z.object({
  stage: z.string(),
  version: z.string(),
  strategy: z.enum(['heuristic', 'model']),
  model: z.string().optional(),
  /** True when the model strategy failed and the heuristic answered instead. */
  degraded: z.boolean().optional(),
  degradedReason: z.string().optional(),
});
export type Provenance = z.infer<typeof Provenance>;

export const ConversationExtracted = z.object({
  /** Stable across re-runs: derived from the channel and the first message. */
  conversationId: z.string(),
  /** Channel key. */
  channel: z.string(),
  /** Native message ids in time order. */
  messages: z.array(z.string()),
  /** Person keys of the authors, in order of first message. */
  participants: z.array(z.string()),
  start: z.string(),
  end: z.string(),
  provenance: Provenance,
});
export type ConversationExtracted = z.infer<typeof ConversationExtracted>;

export const ConversationAnnotated = z.object({
  conversationId: z.string(),
  channel: z.string(),
  /** Short noun phrase. */
  topic: z.string(),
  /** Two lines at most. */
  summary: z.string(),
  participants: z.array(z.string()),
  /** Person keys mentioned or addressed. */
  mentioned: z.array(z.string()),
  /** Entity ids (components, projects) the conversation is about. */
  entities: z.array(z.string()),
  /** Bot chatter, joins, small talk. */
  noise: z.boolean(),
  start: z.string(),
  end: z.string(),
  messageCount: z.number().int(),
  /** Messages analysed only partly (their units held more than the per-message work budget); absent when none. */
  partialMessages: z.number().int().optional(),
  provenance: Provenance,
});
export type ConversationAnnotated = z.infer<typeof ConversationAnnotated>;

export const DecisionRecorded = z.object({
  decisionId: z.string(),
  conversationId: z.string(),
  channel: z.string(),
  summary: z.string(),
  /** Entity ids the decision is about. */
  about: z.array(z.string()),
  /** Person keys of who decided (the speaker, and who agreed). */
  decidedBy: z.array(z.string()),
  /** Set when this decision reverses an earlier one. */
  reverses: z.string().nullable(),
  at: z.string(),
  confidence: z.number().min(0).max(1),
  evidence: z.array(Evidence).min(1),
  provenance: Provenance,
});
export type DecisionRecorded = z.infer<typeof DecisionRecorded>;

export const ActionItemAssigned = z.object({
  itemId: z.string(),
  conversationId: z.string(),
  channel: z.string(),
  summary: z.string(),
  /** Person key; null when nobody was named. */
  assignee: z.string().nullable(),
  requestedBy: z.string(),
  /** Resolved against the message time: `YYYY-MM-DD`, or a full ISO time when a time of day was given. */
  due: z.string().nullable(),
  /** The words the due date came from ("by Wed", "EOD Friday"). */
  dueText: z.string().nullable(),
  at: z.string(),
  confidence: z.number().min(0).max(1),
  evidence: z.array(Evidence).min(1),
  provenance: Provenance,
});
export type ActionItemAssigned = z.infer<typeof ActionItemAssigned>;

export const ActionItemCompleted = z.object({
  itemId: z.string(),
  /** Person key of who said it is done. */
  by: z.string(),
  at: z.string(),
  confidence: z.number().min(0).max(1),
  evidence: z.array(Evidence).min(1),
  provenance: Provenance,
});
export type ActionItemCompleted = z.infer<typeof ActionItemCompleted>;

export const QuestionAsked = z.object({
  questionId: z.string(),
  conversationId: z.string(),
  channel: z.string(),
  text: z.string(),
  asker: z.string(),
  /** Person keys the question is addressed to (mention, DM, name). Empty: asked to the room. */
  addressees: z.array(z.string()),
  /** Approval or blocker wording ("blocked on Dana's sign-off"). */
  kind: z.enum(['question', 'approval', 'blocker']),
  at: z.string(),
  confidence: z.number().min(0).max(1),
  evidence: z.array(Evidence).min(1),
  provenance: Provenance,
});
export type QuestionAsked = z.infer<typeof QuestionAsked>;

export const QuestionAnswered = z.object({
  questionId: z.string(),
  by: z.string(),
  at: z.string(),
  confidence: z.number().min(0).max(1),
  evidence: z.array(Evidence).min(1),
  provenance: Provenance,
});
export type QuestionAnswered = z.infer<typeof QuestionAnswered>;

export {
  FACT_RELATIONS,
  ON_CALL_BACKUP_ROTATION,
  ON_CALL_ROTATION,
  type FactRelation,
} from './fact-relations.js';
export const FactRelationSchema = z.enum(['owns', 'works_on', 'expert_in', 'on_call']);

export const FactAsserted = z.object({
  factId: z.string(),
  /** Person key. */
  subject: z.string(),
  relation: FactRelationSchema,
  /** Entity id (a component or project). */
  object: z.string(),
  /** When it becomes true in the world (a handover's effective date), else the message time. */
  validFrom: z.string(),
  /** When it stops being true, where the statement says so ("on call this week" ends on Monday); absent: until the next holder. */
  validTo: z.string().nullable().optional(),
  confidence: z.number().min(0).max(1),
  /** "I think X might own Y?" */
  hedged: z.boolean(),
  /** Said only as a catch-all ("Ines for anything technical"): a scope of the owner's, not a named thing. */
  scope: z.boolean().optional(),
  conversationId: z.string(),
  evidence: z.array(Evidence).min(1),
  provenance: Provenance,
});
export type FactAsserted = z.infer<typeof FactAsserted>;

export const FactRetracted = z.object({
  /** The fact retracted. */
  factId: z.string(),
  reason: z.enum(['correction', 'reversal', 'superseded-by-source']),
  at: z.string(),
  /** Person key of who corrected it. */
  by: z.string(),
  evidence: z.array(Evidence).min(1),
  provenance: Provenance,
});
export type FactRetracted = z.infer<typeof FactRetracted>;

export const ENTITY_KINDS = ['component', 'project', 'team'] as const;

/** A name resolved to an entity; merges are events so they can be undone. */
export const EntityNamed = z.object({
  entityId: z.string(),
  kind: z.enum(ENTITY_KINDS),
  /** The canonical display name. */
  name: z.string(),
  /** Every surface form seen ("billing svc", "the billing service"). */
  aliases: z.array(z.string()),
  confidence: z.number().min(0).max(1),
});
export type EntityNamed = z.infer<typeof EntityNamed>;
