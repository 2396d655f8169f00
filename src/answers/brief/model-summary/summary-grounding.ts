import { InputVocabulary } from '../../../pipeline/annotate/model/grounded-text.js';
import { Grounder, KnownIds, type Grounded } from '../../../llm/grounding.js';
import { SentenceStarts } from './sentence-start-names.js';
import type { BriefSummaryInput } from './summary-input.js';
import type { BriefSummaryReply } from './summary-reply.js';

/**
 * A summary is shown whole or not at all: every name-like word in it (people, components, ids)
 * must appear in the topic's messages, people or entities, and every message id it cites must be
 * one of its messages. Otherwise the reply comes back `rejected` (the extractive summary stays)
 * and what was invented is counted as hallucination drops.
 */
export function groundBriefSummary(
  reply: BriefSummaryReply,
  input: BriefSummaryInput,
): Grounded<BriefSummaryReply> {
  const g = new Grounder({
    person: new KnownIds(input.people.map((person) => ({ id: person.key, names: [person.name] }))),
    entity: new KnownIds(input.entities.map((entity) => ({ id: entity.id, names: [entity.name] }))),
    message: new KnownIds(input.messages.map((message) => ({ id: message.id }))),
  });
  const texts = [
    input.topic,
    ...input.messages.flatMap((message) => [message.text, message.authorName, message.channel]),
    ...input.people.map((person) => person.name),
    ...input.entities.flatMap((entity) => [entity.id, entity.name]),
  ];
  const vocabulary = new InputVocabulary(texts);
  const evidence = g.many('message', reply.evidence, 'evidence');
  const unknownIds = g.drops.map((drop) => drop.value);
  const foreign =
    vocabulary.foreignName(reply.summary) ?? new SentenceStarts(texts).foreignName(reply.summary);
  if (foreign !== undefined) g.dropItem('summary', foreign);
  const rejected =
    foreign !== undefined
      ? `the summary names "${foreign}", which the conversations do not contain`
      : unknownIds.length > 0
        ? `the summary cites message ids the conversations do not hold (${unknownIds.slice(0, 3).join(', ')})`
        : undefined;
  return {
    value: rejected
      ? { summary: reply.summary, evidence, rejected }
      : { summary: reply.summary.trim(), evidence },
    drops: g.drops,
  };
}
