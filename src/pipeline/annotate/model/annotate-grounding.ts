import { Grounder, KnownIds, type Grounded } from '../../../llm/grounding.js';
import type { AnnotateModelInput } from './annotate-input.js';
import type { AnnotationDraft } from './annotation-draft.js';
import { InputVocabulary } from './grounded-text.js';

/**
 * Keeps only people, entities and messages that exist in the input (a display name the model
 * wrote for a known person resolves to that person's key). An item whose evidence or required
 * person or entity does not exist is dropped whole; an unknown assignee becomes null.
 */
export function groundAnnotationDraft(
  draft: AnnotationDraft,
  input: AnnotateModelInput,
): Grounded<AnnotationDraft> {
  const g = new Grounder({
    person: new KnownIds(input.people.map((person) => ({ id: person.key, names: [person.name] }))),
    entity: new KnownIds(input.entities.map((entity) => ({ id: entity.id, names: [entity.name] }))),
    message: new KnownIds(input.messages.map((message) => ({ id: message.id }))),
  });
  const vocabulary = new InputVocabulary([
    ...input.messages.flatMap((message) => [message.text, message.authorName]),
    ...input.people.map((person) => person.name),
    ...input.entities.map((entity) => entity.name),
  ]);
  const messageText = new Map(input.messages.map((message) => [message.id, message.text]));
  /** Free text with an invented name is replaced by `fallback` (empty, or the evidence's own words). */
  const text = (value: string, path: string, fallback: string): string => {
    const foreign = vocabulary.foreignName(value);
    if (foreign === undefined) return value;
    g.dropItem(path, foreign);
    return fallback;
  };
  const evidenceText = (evidence: string[]): string => (messageText.get(evidence[0]) ?? '').slice(0, 200);
  const keep = <T extends { evidence: string[] }>(
    items: T[],
    list: string,
    ground: (item: T, path: string, evidence: string[]) => T | undefined,
    label: (item: T) => string,
  ): T[] => {
    const out: T[] = [];
    items.forEach((item, index) => {
      const path = `${list}.${index}`;
      const evidence = g.many('message', item.evidence, `${path}.evidence`);
      const grounded = evidence.length === 0 ? undefined : ground(item, path, evidence);
      if (grounded) out.push(grounded);
      else g.dropItem(path, label(item));
    });
    return out;
  };
  const value: AnnotationDraft = {
    topic: text(draft.topic, 'topic', ''),
    summary: text(draft.summary, 'summary', ''),
    noise: draft.noise,
    mentioned: g.many('person', draft.mentioned, 'mentioned'),
    entities: g.many('entity', draft.entities, 'entities'),
    decisions: keep(
      draft.decisions,
      'decisions',
      (item, path, evidence) => ({
        ...item,
        decidedBy: g.many('person', item.decidedBy, `${path}.decidedBy`),
        about: g.many('entity', item.about, `${path}.about`),
        summary: text(item.summary, `${path}.summary`, evidenceText(evidence)),
        evidence,
      }),
      (item) => item.summary,
    ),
    actionItems: keep(
      draft.actionItems,
      'actionItems',
      (item, path, evidence) => {
        const requestedBy = g.one('person', item.requestedBy, `${path}.requestedBy`);
        if (requestedBy === undefined) return undefined;
        const assignee =
          item.assignee === null ? null : (g.one('person', item.assignee, `${path}.assignee`) ?? null);
        return {
          ...item,
          requestedBy,
          assignee,
          summary: text(item.summary, `${path}.summary`, evidenceText(evidence)),
          evidence,
        };
      },
      (item) => item.summary,
    ),
    questions: keep(
      draft.questions,
      'questions',
      (item, path, evidence) => {
        const asker = g.one('person', item.asker, `${path}.asker`);
        if (asker === undefined) return undefined;
        return {
          ...item,
          asker,
          addressees: g.many('person', item.addressees, `${path}.addressees`),
          text: text(item.text, `${path}.text`, evidenceText(evidence)),
          evidence,
        };
      },
      (item) => item.text,
    ),
    facts: keep(
      draft.facts,
      'facts',
      (item, path, evidence) => {
        const subject = g.one('person', item.subject, `${path}.subject`);
        const object = g.one('entity', item.object, `${path}.object`);
        if (subject === undefined || object === undefined) return undefined;
        return { ...item, subject, object, evidence };
      },
      (item) => `${item.subject} ${item.relation} ${item.object}`,
    ),
  };
  return { value, drops: g.drops };
}
