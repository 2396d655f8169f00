import { z } from 'zod';
import { FactRelationSchema, ENTITY_KINDS } from '../../domain/annotations.js';
import { MessageKind } from '../../domain/message.js';
import type { Source } from '../../domain/source.js';
import type { AnnotateModelInput } from './model/annotate-input.js';

/** One message of the conversation as the annotate stage reads it (latest text after edits). */
export interface AnnotateMessage {
  id: string;
  author: string;
  authorName: string;
  ts: string;
  text: string;
  kind?: MessageKind;
  /** Person keys mentioned. */
  mentions?: string[];
  replyTo?: string | null;
  thread?: string | null;
  /** The message shares a file or a link (a delivered doc can be the "done"). */
  attachment?: boolean;
  /** @here / @channel / @everyone. */
  mentionsAll?: boolean;
  /** Reactions where the export has them: a 👍 on a proposal agrees, a ✅ on a request says done. */
  reactions?: Array<{ emoji: string; user: string }>;
}

/** A person the stage may resolve a name to. */
export interface AnnotatePerson {
  key: string;
  name: string;
  /** Every other name, handle and first name this person goes by. */
  aliases?: string[];
  isBot?: boolean;
  /** IANA zone from the profile: the speaker's "tomorrow" is in their zone. */
  timezone?: string;
}

export interface KnownEntity {
  id: string;
  name: string;
  kind?: (typeof ENTITY_KINDS)[number];
  aliases?: string[];
}

export interface PriorDecision {
  /** The conversation it came from (a re-run of that conversation ignores it). */
  conversationId?: string;
  /** Channel key: a reversal that names no entity reverses the channel's latest decision. */
  channel?: string;
  decisionId: string;
  about: string[];
  summary: string;
  at: string;
}

export interface OpenItem {
  /** The conversation it came from (a re-run of that conversation ignores it). */
  conversationId?: string;
  itemId: string;
  /** Where it was asked or promised (a "sent ✅" there later may be about it). */
  channel?: string;
  /** Its due date, when it has one (a "done" in the days after it may be about it). */
  due?: string | null;
  assignee: string | null;
  summary: string;
  at: string;
}

export interface PriorFact {
  /** The conversation it came from (a re-run of that conversation ignores it). */
  conversationId?: string;
  factId: string;
  subject: string;
  relation: z.infer<typeof FactRelationSchema>;
  object: string;
  at: string;
}

/**
 * The annotate stage's input: the model strategy's input (so both strategies share one stage)
 * plus what the heuristic needs to resolve dates, DMs, reversals and corrections.
 */
export interface AnnotateInput extends AnnotateModelInput {
  messages: AnnotateMessage[];
  people: AnnotatePerson[];
  entities: KnownEntity[];
  /** Source, workspace and native channel id: every evidence is a MessageRef. */
  ref: { source: Source; workspace: string; channel: string };
  /** IANA zone due dates and handover dates are resolved in. */
  timezone: string;
  /** The channel's name ("billing-team"): names the main entity when a conversation only says "it". */
  channelName?: string;
  /** A direct message (1:1): questions are addressed to the other member. */
  dm: boolean;
  /** Members of a DM channel (person keys), when known. */
  members?: string[];
  /** Members of the channel (person keys) where the export lists them: "everyone …" reaches them. */
  channelMembers?: string[];
  /** Named groups (`@cs-leads`, lower case) and their members' person keys, from config `groups:`. */
  groups?: Record<string, string[]>;
  /** Decisions already recorded (in earlier conversations), for reversals. */
  priorDecisions?: PriorDecision[];
  /** Action items still open (from earlier conversations), for completions said later. */
  openItems?: OpenItem[];
  /** Facts already asserted, for corrections. */
  priorFacts?: PriorFact[];
}

const Confidence = z.number().min(0).max(1);
const Ids = z.array(z.string());

export const AnnotatedEntity = z.object({
  id: z.string(),
  kind: z.enum(ENTITY_KINDS),
  name: z.string(),
  aliases: Ids,
  confidence: Confidence,
});
export type AnnotatedEntity = z.infer<typeof AnnotatedEntity>;

export const AnnotatedDecision = z.object({
  id: z.string(),
  summary: z.string(),
  about: Ids,
  decidedBy: Ids,
  reverses: z.string().nullable(),
  /** Message ids, the stating one first. */
  evidence: Ids.min(1),
  confidence: Confidence,
});

export const AnnotatedActionItem = z.object({
  id: z.string(),
  summary: z.string(),
  assignee: z.string().nullable(),
  requestedBy: z.string(),
  due: z.string().nullable(),
  dueText: z.string().nullable(),
  evidence: Ids.min(1),
  confidence: Confidence,
});

/** A later message says an item (of this conversation or an earlier one) is done. */
export const AnnotatedCompletion = z.object({
  itemId: z.string(),
  messageId: z.string(),
  by: z.string(),
  confidence: Confidence,
});

export const AnnotatedQuestion = z.object({
  id: z.string(),
  text: z.string(),
  asker: z.string(),
  addressees: Ids,
  kind: z.enum(['question', 'approval', 'blocker']),
  evidence: Ids.min(1),
  confidence: Confidence,
  answered: z.object({ messageId: z.string(), by: z.string(), confidence: Confidence }).nullable(),
});

export const AnnotatedFact = z.object({
  id: z.string(),
  subject: z.string(),
  relation: FactRelationSchema,
  object: z.string(),
  validFrom: z.string(),
  /** Where the statement gives an end ("this week"). */
  validTo: z.string().optional(),
  hedged: z.boolean(),
  evidence: Ids.min(1),
  confidence: Confidence,
  /** Said only as a catch-all ("Ines for anything technical"): a scope of the owner's, not a named thing. */
  scope: z.boolean().optional(),
});

export const AnnotatedRetraction = z.object({ factId: z.string(), by: z.string(), messageId: z.string() });

/** What the annotate stage returns for one conversation; the agent turns it into events. */
export const AnnotateOutput = z.object({
  /** Messages whose units held more than the per-message work budget (annotate-context.ts); absent when none. */
  partialMessages: z.number().int().optional(),
  topic: z.string(),
  summary: z.string(),
  noise: z.boolean(),
  participants: Ids,
  mentioned: Ids,
  entities: z.array(AnnotatedEntity),
  decisions: z.array(AnnotatedDecision),
  actionItems: z.array(AnnotatedActionItem),
  questions: z.array(AnnotatedQuestion),
  completions: z.array(AnnotatedCompletion),
  facts: z.array(AnnotatedFact),
  retractions: z.array(AnnotatedRetraction),
});
export type AnnotateOutput = z.infer<typeof AnnotateOutput>;
export type AnnotatedDecision = z.infer<typeof AnnotatedDecision>;
export type AnnotatedActionItem = z.infer<typeof AnnotatedActionItem>;
export type AnnotatedQuestion = z.infer<typeof AnnotatedQuestion>;
export type AnnotatedCompletion = z.infer<typeof AnnotatedCompletion>;
export type AnnotatedFact = z.infer<typeof AnnotatedFact>;
