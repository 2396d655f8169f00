import type { Evidence, Provenance } from '../../domain/annotations.js';
import { EVENT, makeEvent, type EventPayload, type TypedEnvelope } from '../../domain/events.js';
import { contentHash, stableId } from '../../domain/ids.js';
import type { AnnotateInput, AnnotateOutput } from '../../pipeline/annotate/annotate-types.js';
import { knownStateOf } from '../../pipeline/annotate/known-state.js';
import { sentences, snippetOf } from '../../pipeline/annotate/nlp.js';

/**
 * The events one annotated conversation publishes. Item ids come from the stage (conversation, evidence
 * message, kind); event ids hash the item id with its payload, so a re-run with the same output appends
 * nothing and a changed item appends its new state (readers take the latest per item id).
 */
export const ANNOTATION_EVENT_TYPES = [
  EVENT.conversationAnnotated,
  EVENT.entityNamed,
  EVENT.decisionRecorded,
  EVENT.actionItemAssigned,
  EVENT.actionItemCompleted,
  EVENT.questionAsked,
  EVENT.questionAnswered,
  EVENT.factAsserted,
  EVENT.factRetracted,
] as const;
export type AnnotationEventType = (typeof ANNOTATION_EVENT_TYPES)[number];

export function annotationEvents(
  input: AnnotateInput,
  output: AnnotateOutput,
  provenance: Provenance,
  causationId: string | null,
): TypedEnvelope<AnnotationEventType>[] {
  const byId = new Map(input.messages.map((message) => [message.id, message]));
  const evidence = (ids: readonly string[], hint?: string): Evidence[] =>
    ids.flatMap((id) => {
      const message = byId.get(id);
      if (!message) return [];
      const parts = sentences(message.text);
      const at = hint
        ? Math.max(
            0,
            parts.findIndex((sentence) => saysTheSame(sentence, hint)),
          )
        : 0;
      // The cited sentence and what follows it, which often says what it is about ("can I help move
      // the review along? the build is tagged and waiting"); snippetOf caps the length.
      const cited = parts.slice(at).join(' ');
      return [
        {
          ...input.ref,
          id,
          author: message.author,
          ts: message.ts,
          snippet: snippetOf(cited || message.text),
        },
      ];
    });
  const timeOf = (id: string): string => byId.get(id)?.ts ?? input.messages[0].ts;
  const out: TypedEnvelope<AnnotationEventType>[] = [];
  const emit = <K extends AnnotationEventType>(
    type: K,
    key: string,
    occurredAt: string,
    payload: EventPayload<K>,
  ): void => {
    out.push(
      makeEvent({
        id: stableId(type, key, contentHash(payload)),
        type,
        stream: input.channel,
        occurredAt,
        causationId,
        payload,
      }),
    );
  };
  const start = input.messages[0].ts;
  const end = input.messages[input.messages.length - 1].ts;

  // An entity is published when it is new or was called something new; aliases sorted so equal sets hash equally.
  const knownEntities = knownStateOf(input)?.entities;
  for (const entity of output.entities) {
    const known = knownEntities
      ? knownEntities.withId(entity.id)[0]?.entity
      : input.entities.find((candidate) => candidate.id === entity.id);
    const before = new Set([...(known?.aliases ?? []), ...(known ? [known.name] : [])]);
    if (known && entity.aliases.every((alias) => before.has(alias))) continue;
    const aliases = [...new Set([...before, ...entity.aliases])].sort();
    emit(EVENT.entityNamed, entity.id, start, {
      entityId: entity.id,
      kind: known?.kind ?? entity.kind,
      name: known?.name ?? entity.name,
      aliases,
      confidence: known ? Math.max(entity.confidence, 0.8) : entity.confidence,
    });
  }
  emit(EVENT.conversationAnnotated, input.conversationId, end, {
    conversationId: input.conversationId,
    channel: input.channel,
    topic: output.topic,
    summary: output.summary,
    participants: output.participants,
    mentioned: output.mentioned,
    entities: output.entities.map((entity) => entity.id),
    noise: output.noise,
    start,
    end,
    messageCount: input.messages.length,
    ...(output.partialMessages ? { partialMessages: output.partialMessages } : {}),
    provenance,
  });
  for (const decision of output.decisions) {
    const at = timeOf(decision.evidence[0]);
    emit(EVENT.decisionRecorded, decision.id, at, {
      decisionId: decision.id,
      conversationId: input.conversationId,
      channel: input.channel,
      summary: decision.summary,
      about: decision.about,
      decidedBy: decision.decidedBy,
      reverses: decision.reverses,
      at,
      confidence: decision.confidence,
      evidence: evidence(decision.evidence, decision.summary),
      provenance,
    });
  }
  for (const item of output.actionItems) {
    const at = timeOf(item.evidence[0]);
    emit(EVENT.actionItemAssigned, item.id, at, {
      itemId: item.id,
      conversationId: input.conversationId,
      channel: input.channel,
      summary: item.summary,
      assignee: item.assignee,
      requestedBy: item.requestedBy,
      due: item.due,
      dueText: item.dueText,
      at,
      confidence: item.confidence,
      evidence: evidence(item.evidence, item.summary),
      provenance,
    });
  }
  for (const done of output.completions) {
    const at = timeOf(done.messageId);
    emit(EVENT.actionItemCompleted, done.itemId, at, {
      itemId: done.itemId,
      by: done.by,
      at,
      confidence: done.confidence,
      evidence: evidence([done.messageId]),
      provenance,
    });
  }
  for (const question of output.questions) {
    const at = timeOf(question.evidence[0]);
    emit(EVENT.questionAsked, question.id, at, {
      questionId: question.id,
      conversationId: input.conversationId,
      channel: input.channel,
      text: question.text,
      asker: question.asker,
      addressees: question.addressees,
      kind: question.kind,
      at,
      confidence: question.confidence,
      evidence: evidence(question.evidence, question.text),
      provenance,
    });
    if (question.answered) {
      const answeredAt = timeOf(question.answered.messageId);
      emit(EVENT.questionAnswered, question.id, answeredAt, {
        questionId: question.id,
        by: question.answered.by,
        at: answeredAt,
        confidence: question.answered.confidence,
        evidence: evidence([question.answered.messageId]),
        provenance,
      });
    }
  }
  for (const fact of output.facts) {
    emit(EVENT.factAsserted, fact.id, timeOf(fact.evidence[0]), {
      factId: fact.id,
      subject: fact.subject,
      relation: fact.relation,
      object: fact.object,
      validFrom: fact.validFrom,
      ...(fact.validTo ? { validTo: fact.validTo } : {}),
      confidence: fact.confidence,
      hedged: fact.hedged,
      ...(fact.scope ? { scope: true } : {}),
      conversationId: input.conversationId,
      evidence: evidence(fact.evidence),
      provenance,
    });
  }
  for (const retraction of output.retractions) {
    const at = timeOf(retraction.messageId);
    emit(EVENT.factRetracted, retraction.factId, at, {
      factId: retraction.factId,
      reason: 'correction',
      at,
      by: retraction.by,
      evidence: evidence([retraction.messageId]),
      provenance,
    });
  }
  return out;
}

/** Lower case, without @-mentions (a summary drops them) and extra spaces. */
function plain(text: string): string {
  return text
    .replace(/@[\p{L}][\p{L}\d_.-]*(?: \p{Lu}[\p{L}'-]+)?/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Whether a sentence of a message is where a summary or question text was taken from. */
function saysTheSame(sentence: string, hint: string): boolean {
  const a = plain(sentence);
  const b = plain(hint);
  return a.length > 0 && b.length > 0 && (b.includes(a.slice(0, 40)) || a.includes(b.slice(0, 40)));
}
