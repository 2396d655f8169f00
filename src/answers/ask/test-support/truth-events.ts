import type { TruthFile } from '../../../../fixtures/truth-schema.js';
import { parseMessageRef } from '../../../../fixtures/truth-schema.js';
import type {
  ActionItemAssigned,
  ActionItemCompleted,
  ConversationAnnotated,
  DecisionRecorded,
  EntityNamed,
  Evidence,
  FactAsserted,
  FactRetracted,
  QuestionAnswered,
  QuestionAsked,
} from '../../../domain/annotations.js';
import { EVENT, makeEvent, type EventEnvelope } from '../../../domain/events.js';
import { stableId } from '../../../domain/ids.js';
import type { MessagePosted } from '../../../domain/message.js';
import type { PersonUpdated } from '../../../domain/person.js';

const PROVENANCE = { stage: 'annotate', version: 'truth', strategy: 'heuristic' } as const;

/**
 * The understanding events a perfect annotate stage would publish for a labelled fixture workspace
 * (fixtures/<ws>/truth.json), built with the domain schemas from the labels and the ingested
 * messages they cite: entity.named, conversation.annotated, fact.asserted/retracted,
 * decision.recorded, action_item.*, question.*. Lets ask and history be tested end to end before
 * the annotate stage exists.
 */
export function truthEvents(
  truth: TruthFile,
  messages: readonly MessagePosted[],
  profiles: readonly PersonUpdated[],
): EventEnvelope[] {
  const byRef = new Map(
    messages.map((message) => [`${message.source}:${message.channel}:${message.id}`, message]),
  );
  const keyOfIdentity = new Map(
    profiles.map((profile) => [`${profile.source}:${profile.nativeId}`, profile.key]),
  );
  const personKey = (id: string): string => {
    const person = truth.people.find((p) => p.id === id);
    for (const identity of person?.identities ?? []) {
      const key = keyOfIdentity.get(identity);
      if (key) return key;
    }
    throw new Error(`truth person ${id} has no ingested identity`);
  };
  const message = (ref: string): MessagePosted => {
    const found = byRef.get(ref);
    if (!found)
      throw new Error(`truth message ${ref} was not ingested (${JSON.stringify(parseMessageRef(ref))})`);
    return found;
  };
  const evidence = (refs: readonly string[]): Evidence[] =>
    refs.map((ref) => {
      const m = message(ref);
      return {
        source: m.source,
        workspace: m.workspace,
        channel: m.channel,
        id: m.id,
        author: m.author,
        ts: m.ts,
        snippet: m.text.slice(0, 280),
      };
    });
  const entityId = (id: string): string => `component:${id}`;
  const conversationOf = new Map<string, string>();
  for (const conversation of truth.conversations)
    for (const ref of conversation.messages) conversationOf.set(ref, conversation.id);
  const conversationFor = (refs: readonly string[]): string =>
    refs.map((ref) => conversationOf.get(ref)).find((id) => id !== undefined) ?? `loose:${refs[0]}`;
  const channelOf = (ref: string): string => {
    const m = message(ref);
    return `${m.source}:${m.workspace}:${m.channel}`;
  };

  const events: EventEnvelope[] = [];
  const push = <P>(type: string, id: string, occurredAt: string, payload: P): void => {
    events.push(
      makeEvent({ id: stableId('truth', type, id), type, stream: `truth:${type}`, occurredAt, payload }),
    );
  };

  for (const component of truth.components) {
    push<EntityNamed>(EVENT.entityNamed, component.id, truth.now, {
      entityId: entityId(component.id),
      kind: 'component',
      name: component.names[0],
      aliases: component.names,
      confidence: 1,
    });
  }

  const aboutByConversation = new Map<string, Set<string>>();
  const about = (refs: readonly string[], entity: string | null): void => {
    if (!entity) return;
    for (const ref of refs) {
      const id = conversationOf.get(ref);
      if (id) aboutByConversation.set(id, (aboutByConversation.get(id) ?? new Set()).add(entityId(entity)));
    }
  };
  for (const fact of truth.facts) about(fact.evidence, fact.object);
  for (const decision of truth.decisions) about(decision.evidence, decision.about);

  for (const conversation of truth.conversations) {
    const authors = [...new Set(conversation.messages.map((ref) => message(ref).author))];
    const first = message(conversation.messages[0]);
    const last = message(conversation.messages[conversation.messages.length - 1]);
    push<ConversationAnnotated>(EVENT.conversationAnnotated, conversation.id, first.ts, {
      conversationId: conversation.id,
      channel: channelOf(conversation.messages[0]),
      topic: conversation.topic,
      summary: conversation.topic,
      participants: authors,
      mentioned: [],
      entities: [...(aboutByConversation.get(conversation.id) ?? [])].sort(),
      noise: false,
      start: first.ts,
      end: last.ts,
      messageCount: conversation.messages.length,
      provenance: { ...PROVENANCE },
    });
  }

  for (const fact of truth.facts) {
    const ev = evidence(fact.evidence);
    push<FactAsserted>(EVENT.factAsserted, fact.id, fact.valid_from, {
      factId: fact.id,
      subject: personKey(fact.subject),
      relation: fact.relation,
      object: entityId(fact.object),
      validFrom: fact.valid_from,
      confidence: fact.hedged ? 0.4 : 0.85,
      hedged: fact.hedged,
      conversationId: conversationFor(fact.evidence),
      evidence: ev,
      provenance: { ...PROVENANCE },
    });
    if (fact.retracted) {
      const at = ev
        .map((item) => item.ts)
        .sort()
        .at(-1)!;
      push<FactRetracted>(EVENT.factRetracted, fact.id, at, {
        factId: fact.id,
        reason: 'correction',
        at,
        by: ev.at(-1)!.author,
        evidence: ev.slice(-1),
        provenance: { ...PROVENANCE },
      });
    }
  }

  for (const decision of truth.decisions) {
    const ev = evidence(decision.evidence);
    push<DecisionRecorded>(EVENT.decisionRecorded, decision.id, decision.at, {
      decisionId: decision.id,
      conversationId: conversationFor(decision.evidence),
      channel: channelOf(decision.evidence[0]),
      summary: decision.summary,
      about: decision.about ? [entityId(decision.about)] : [],
      decidedBy: [ev[0].author],
      reverses: decision.reverses,
      at: decision.at,
      confidence: 0.9,
      evidence: ev,
      provenance: { ...PROVENANCE },
    });
  }

  for (const item of truth.action_items) {
    const ev = evidence(item.evidence);
    push<ActionItemAssigned>(EVENT.actionItemAssigned, item.id, ev[0].ts, {
      itemId: item.id,
      conversationId: conversationFor(item.evidence),
      channel: channelOf(item.evidence[0]),
      summary: item.summary,
      assignee: personKey(item.assignee),
      requestedBy: ev[0].author,
      due: item.due,
      dueText: item.due,
      at: ev[0].ts,
      confidence: 0.85,
      evidence: ev,
      provenance: { ...PROVENANCE },
    });
    if (item.completed_by) {
      const done = evidence([item.completed_by]);
      push<ActionItemCompleted>(EVENT.actionItemCompleted, item.id, done[0].ts, {
        itemId: item.id,
        by: done[0].author,
        at: done[0].ts,
        confidence: 0.85,
        evidence: done,
        provenance: { ...PROVENANCE },
      });
    }
  }

  for (const question of truth.questions) {
    const ev = evidence([question.evidence]);
    push<QuestionAsked>(EVENT.questionAsked, question.id, ev[0].ts, {
      questionId: question.id,
      conversationId: conversationFor([question.evidence]),
      channel: channelOf(question.evidence),
      text: question.summary,
      asker: personKey(question.asker),
      addressees: question.addressee ? [personKey(question.addressee)] : [],
      kind: question.kind,
      at: ev[0].ts,
      confidence: 0.85,
      evidence: ev,
      provenance: { ...PROVENANCE },
    });
    if (question.answered_by) {
      const answer = evidence([question.answered_by]);
      push<QuestionAnswered>(EVENT.questionAnswered, question.id, answer[0].ts, {
        questionId: question.id,
        by: answer[0].author,
        at: answer[0].ts,
        confidence: 0.85,
        evidence: answer,
        provenance: { ...PROVENANCE },
      });
    }
  }
  return events;
}
