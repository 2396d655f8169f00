import { z } from 'zod';
import { FactRelationSchema } from '../../../domain/annotations.js';

/**
 * What the model writes for one conversation (the JSON Schema sent as `format`). Ids only: person
 * keys, entity ids and message ids from the input, so grounding can check every one; the
 * annotate stage turns a grounded draft into domain events (evidence snippets, times, item ids).
 */
const PersonKey = z.string().describe('a person key from people[].key');
const EntityId = z.string().describe('an entity id from entities[].id');
const Evidence = z.array(z.string().describe('a message id from messages[].id')).min(1);
const Confidence = z.number().min(0).max(1);

export const DecisionDraft = z.object({
  summary: z.string(),
  decidedBy: z.array(PersonKey),
  about: z.array(EntityId),
  evidence: Evidence,
  confidence: Confidence,
});

export const ActionItemDraft = z.object({
  summary: z.string(),
  assignee: PersonKey.nullable(),
  requestedBy: PersonKey,
  dueText: z.string().nullable(),
  evidence: Evidence,
  confidence: Confidence,
});

export const QuestionDraft = z.object({
  text: z.string(),
  asker: PersonKey,
  addressees: z.array(PersonKey),
  kind: z.enum(['question', 'approval', 'blocker']),
  answered: z.boolean(),
  evidence: Evidence,
  confidence: Confidence,
});

export const FactDraft = z.object({
  subject: PersonKey,
  relation: FactRelationSchema,
  object: EntityId,
  hedged: z.boolean(),
  evidence: Evidence,
  confidence: Confidence,
});

export const AnnotationDraft = z.object({
  topic: z.string(),
  summary: z.string(),
  noise: z.boolean(),
  mentioned: z.array(PersonKey),
  entities: z.array(EntityId),
  decisions: z.array(DecisionDraft),
  actionItems: z.array(ActionItemDraft),
  questions: z.array(QuestionDraft),
  facts: z.array(FactDraft),
});
export type AnnotationDraft = z.infer<typeof AnnotationDraft>;
