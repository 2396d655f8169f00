import { capSummary, capTopic } from '../../domain/text-caps.js';
import type { AnnotationDraft } from './model/annotation-draft.js';
import type { AnnotateInput, AnnotateOutput } from './annotate-types.js';
import { itemId } from './annotate-context.js';
import { resolveDue } from './due-dates.js';

/**
 * Turns the model's grounded draft into the annotate stage's output: deterministic item ids from the
 * evidence message, due dates resolved from the draft's due words against the message time, answers
 * found by the heuristic rule the model does not express (the draft only says answered or not).
 */
export function draftToOutput(draft: AnnotationDraft, input: AnnotateInput): AnnotateOutput {
  const byId = new Map(input.messages.map((message) => [message.id, message]));
  const entityNames = new Map(input.entities.map((entity) => [entity.id, entity]));
  const firstReplyAfter = (
    messageId: string,
    asker: string,
    addressees: string[],
  ): AnnotateOutput['questions'][number]['answered'] => {
    const index = input.messages.findIndex((message) => message.id === messageId);
    const reply = input.messages
      .slice(index + 1)
      .find(
        (message) =>
          message.author !== asker && (addressees.length === 0 || addressees.includes(message.author)),
      );
    return reply ? { messageId: reply.id, by: reply.author, confidence: 0.6 } : null;
  };
  return {
    // An empty topic or summary is one grounding removed: fall back to the conversation's own words.
    topic: capTopic(draft.topic) || capTopic(fallbackTopic(draft, input)),
    summary: capSummary(
      draft.summary.split('\n').slice(0, 2).join('\n') || (input.messages[0]?.text ?? '').slice(0, 200),
    ),
    noise: draft.noise,
    participants: [...new Set(input.messages.map((message) => message.author))],
    mentioned: draft.mentioned,
    entities: draft.entities.map((id) => {
      const known = entityNames.get(id);
      return {
        id,
        kind: known?.kind ?? 'component',
        name: known?.name ?? id,
        aliases: known?.aliases ?? [known?.name ?? id],
        confidence: 0.7,
      };
    }),
    decisions: draft.decisions.map((decision) => ({
      id: itemId(input, decision.evidence[0], 'decision'),
      summary: decision.summary,
      about: decision.about,
      decidedBy: decision.decidedBy,
      reverses: null,
      evidence: decision.evidence,
      confidence: decision.confidence,
    })),
    actionItems: draft.actionItems.map((item) => {
      const message = byId.get(item.evidence[0]);
      const due = item.dueText && message ? resolveDue(item.dueText, message.ts, input.timezone) : null;
      return {
        id: itemId(input, item.evidence[0], 'action_item'),
        summary: item.summary,
        assignee: item.assignee,
        requestedBy: item.requestedBy,
        due: due?.value ?? null,
        dueText: item.dueText,
        evidence: item.evidence,
        confidence: item.confidence,
      };
    }),
    questions: draft.questions.map((question) => ({
      id: itemId(input, question.evidence[0], 'question'),
      text: question.text,
      asker: question.asker,
      addressees: question.addressees,
      kind: question.kind,
      evidence: question.evidence,
      confidence: question.confidence,
      answered: question.answered
        ? firstReplyAfter(question.evidence[0], question.asker, question.addressees)
        : null,
    })),
    completions: [],
    facts: draft.facts.map((fact) => ({
      id: itemId(input, fact.evidence[0], `fact:${fact.relation}:${fact.subject}:${fact.object}`),
      subject: fact.subject,
      relation: fact.relation,
      object: fact.object,
      validFrom: byId.get(fact.evidence[0])?.ts ?? input.messages[0]?.ts ?? '',
      hedged: fact.hedged,
      evidence: fact.evidence,
      confidence: fact.hedged ? Math.min(fact.confidence, 0.5) : fact.confidence,
    })),
    retractions: [],
  };
}

function fallbackTopic(draft: AnnotationDraft, input: AnnotateInput): string {
  const named = input.entities.find((entity) => draft.entities.includes(entity.id));
  if (named) return named.name;
  const words = (input.messages[0]?.text ?? '').split(/\s+/).filter(Boolean).slice(0, 5).join(' ');
  return words || 'conversation';
}
