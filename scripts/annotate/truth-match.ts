/** Matching annotate output (events in a store) against a fixture's truth.json, per item type. */
import type {
  ActionItemAssigned,
  ActionItemCompleted,
  DecisionRecorded,
  EntityNamed,
  FactAsserted,
  FactRetracted,
  QuestionAnswered,
  QuestionAsked,
} from '../../src/domain/annotations.js';
import { normalizeEntityName } from '../../src/pipeline/annotate/entities.js';
import { localDate } from '../../src/domain/time-zones.js';

export interface Truth {
  now: string;
  timezone: string;
  people: { id: string; identities: string[] }[];
  components: { id: string; names: string[] }[];
  conversations: { id: string; channel: string; topic: string; messages: string[] }[];
  decisions: { id: string; evidence: string[]; reverses: string | null; about: string | null }[];
  action_items: {
    id: string;
    assignee: string;
    due: string | null;
    evidence: string[];
    completed_by: string | null;
  }[];
  questions: {
    id: string;
    asker: string;
    addressee: string | null;
    kind: string;
    evidence: string;
    answered_by: string | null;
  }[];
  facts: {
    id: string;
    subject: string;
    relation: string;
    object: string;
    valid_from: string;
    hedged: boolean;
    retracted: boolean;
    evidence: string[];
  }[];
}

export interface Produced {
  decisions: DecisionRecorded[];
  items: ActionItemAssigned[];
  completions: ActionItemCompleted[];
  questions: QuestionAsked[];
  answers: QuestionAnswered[];
  facts: FactAsserted[];
  retractions: FactRetracted[];
  entities: EntityNamed[];
}

export interface Prf {
  tp: number;
  predicted: number;
  truth: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface TypeScores {
  decisions: Prf & { reversals: string };
  actionItems: Prf & { assignee: string; due: string; completed: string };
  questions: Prf & { addressee: string; answered: string; kind: string };
  facts: Prf & { validFrom: string; retracted: string };
  ownership: Prf;
  misses: string[];
}

function prf(tp: number, predicted: number, truth: number, tpPredicted = tp): Prf {
  const precision = predicted === 0 ? 0 : tpPredicted / predicted;
  const recall = truth === 0 ? 0 : tp / truth;
  return {
    tp,
    predicted,
    truth,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}

const ratio = (ok: number, total: number): string => `${ok}/${total}`;

/** `ref` is `<source>:<native channel>:<message id>`; `personOf` maps a person key to a truth person id. */
export function scoreAnnotations(
  truth: Truth,
  produced: Produced,
  refOf: (channelKey: string, messageId: string) => string,
  personOf: (key: string | null) => string | null,
): TypeScores {
  const misses: string[] = [];
  const entityToTruth = new Map<string, string>();
  for (const entity of produced.entities) {
    const forms = new Set([entity.name, ...entity.aliases].map(normalizeEntityName));
    const component = truth.components.find((c) =>
      c.names.some((name) => forms.has(normalizeEntityName(name))),
    );
    if (component) entityToTruth.set(entity.entityId, component.id);
  }
  const evRefs = (evidence: { channel: string; id: string; source: string; workspace: string }[]): string[] =>
    evidence.map((e) => refOf(`${e.source}:${e.workspace}:${e.channel}`, e.id));

  // Decisions: the stating message is one of the truth's evidence.
  const decisionMatch = new Map<string, DecisionRecorded>();
  for (const decision of produced.decisions) {
    const first = evRefs(decision.evidence)[0];
    const hit = truth.decisions.find((d) => d.evidence.includes(first));
    if (hit) {
      if (!decisionMatch.has(hit.id)) decisionMatch.set(hit.id, decision);
    } else misses.push(`decision FP: ${decision.summary.slice(0, 90)}`);
  }
  for (const d of truth.decisions) if (!decisionMatch.has(d.id)) misses.push(`decision FN: ${d.id}`);
  const reversals = truth.decisions.filter((d) => d.reverses);
  const reversalsOk = reversals.filter((d) => {
    const mine = decisionMatch.get(d.id);
    const target = d.reverses ? decisionMatch.get(d.reverses) : undefined;
    return mine && target && mine.reverses === target.decisionId;
  }).length;

  // Action items: the first evidence message is one of the truth's evidence (or the other way round).
  const itemMatch = new Map<string, ActionItemAssigned>();
  for (const item of produced.items) {
    const refs = evRefs(item.evidence);
    const hit = truth.action_items.find((a) => a.evidence.includes(refs[0]) || refs.includes(a.evidence[0]));
    if (hit) {
      if (!itemMatch.has(hit.id)) itemMatch.set(hit.id, item);
    } else misses.push(`action FP: ${item.summary.slice(0, 90)}`);
  }
  let assigneeOk = 0;
  let dueOk = 0;
  let completedOk = 0;
  for (const a of truth.action_items) {
    const mine = itemMatch.get(a.id);
    if (!mine) {
      misses.push(`action FN: ${a.id}`);
      continue;
    }
    if (personOf(mine.assignee) === a.assignee) assigneeOk++;
    else misses.push(`action ${a.id} assignee ${personOf(mine.assignee)} ≠ ${a.assignee}`);
    if ((mine.due?.slice(0, 10) ?? null) === a.due) dueOk++;
    else misses.push(`action ${a.id} due ${mine.due} (${mine.dueText}) ≠ ${a.due}`);
    const done = produced.completions.find((c) => c.itemId === mine.itemId);
    const doneRef = done ? evRefs(done.evidence)[0] : null;
    if (doneRef === a.completed_by) completedOk++;
    else misses.push(`action ${a.id} completed ${doneRef} ≠ ${a.completed_by}`);
  }

  // Questions: the same message.
  const questionMatch = new Map<string, QuestionAsked>();
  for (const question of produced.questions) {
    const ref = evRefs(question.evidence)[0];
    const hit = truth.questions.find((q) => q.evidence === ref);
    if (hit) {
      questionMatch.set(hit.id, question);
    } else misses.push(`question FP: ${question.text.slice(0, 90)}`);
  }
  let addresseeOk = 0;
  let answeredOk = 0;
  let kindOk = 0;
  for (const q of truth.questions) {
    const mine = questionMatch.get(q.id);
    if (!mine) {
      misses.push(`question FN: ${q.id}`);
      continue;
    }
    const mapped = mine.addressees.map(personOf);
    if (q.addressee === null ? mapped.length === 0 : mapped.includes(q.addressee)) addresseeOk++;
    else misses.push(`question ${q.id} addressees ${mapped.join(',')} ≠ ${q.addressee}`);
    const answer = produced.answers.find((x) => x.questionId === mine.questionId);
    const answerRef = answer ? evRefs(answer.evidence)[0] : null;
    if (answerRef === q.answered_by) answeredOk++;
    else misses.push(`question ${q.id} answered ${answerRef} ≠ ${q.answered_by}`);
    if (mine.kind === (q.kind ?? 'question')) kindOk++;
  }

  // Facts: live (asserted, not retracted) triples after mapping people and entities.
  const retracted = new Set(produced.retractions.map((r) => r.factId));
  const triples = new Map<string, FactAsserted[]>();
  const retractedTriples = new Set<string>();
  for (const fact of produced.facts) {
    const subject = personOf(fact.subject);
    const object = entityToTruth.get(fact.object) ?? fact.object;
    const key = `${subject} ${fact.relation} ${object}`;
    if (retracted.has(fact.factId)) {
      retractedTriples.add(key);
      continue;
    }
    triples.set(key, [...(triples.get(key) ?? []), fact]);
  }
  for (const key of retractedTriples)
    if (triples.has(key) && triples.get(key)!.every((f) => f.hedged)) triples.delete(key);
  const liveTruth = truth.facts.filter((f) => !f.retracted);
  let factHits = 0;
  let validOk = 0;
  for (const f of liveTruth) {
    const mine = triples.get(`${f.subject} ${f.relation} ${f.object}`);
    if (!mine) {
      misses.push(`fact FN: ${f.id} ${f.subject} ${f.relation} ${f.object}`);
      continue;
    }
    factHits++;
    const earliest = mine.map((x) => x.validFrom).sort()[0];
    if (localDate(earliest, truth.timezone) === localDate(f.valid_from, truth.timezone)) validOk++;
    else misses.push(`fact ${f.id} valid_from ${earliest} ≠ ${f.valid_from}`);
  }
  for (const key of triples.keys())
    if (!liveTruth.some((f) => `${f.subject} ${f.relation} ${f.object}` === key))
      misses.push(`fact FP: ${key}`);
  const retractedTruth = truth.facts.filter((f) => f.retracted);
  const retractedOk = retractedTruth.filter(
    (f) =>
      retractedTriples.has(`${f.subject} ${f.relation} ${f.object}`) &&
      !triples.has(`${f.subject} ${f.relation} ${f.object}`),
  ).length;
  const ownsTruth = liveTruth.filter((f) => f.relation === 'owns');
  const ownsMine = [...triples.keys()].filter((key) => key.split(' ')[1] === 'owns');
  const ownsHits = ownsTruth.filter((f) => triples.has(`${f.subject} owns ${f.object}`)).length;

  return {
    decisions: {
      ...prf(decisionMatch.size, produced.decisions.length, truth.decisions.length),
      reversals: ratio(reversalsOk, reversals.length),
    },
    actionItems: {
      ...prf(itemMatch.size, produced.items.length, truth.action_items.length),
      assignee: ratio(assigneeOk, itemMatch.size),
      due: ratio(dueOk, itemMatch.size),
      completed: ratio(completedOk, itemMatch.size),
    },
    questions: {
      ...prf(questionMatch.size, produced.questions.length, truth.questions.length),
      addressee: ratio(addresseeOk, questionMatch.size),
      answered: ratio(answeredOk, questionMatch.size),
      kind: ratio(kindOk, questionMatch.size),
    },
    facts: {
      ...prf(
        factHits,
        triples.size,
        liveTruth.length,
        [...triples.keys()].filter((key) =>
          liveTruth.some((f) => `${f.subject} ${f.relation} ${f.object}` === key),
        ).length,
      ),
      validFrom: ratio(validOk, factHits),
      retracted: ratio(retractedOk, retractedTruth.length),
    },
    ownership: prf(
      ownsHits,
      ownsMine.length,
      ownsTruth.length,
      ownsMine.filter((key) => ownsTruth.some((f) => `${f.subject} owns ${f.object}` === key)).length,
    ),
    misses,
  };
}
