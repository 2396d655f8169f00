import type {
  ActionItemAssigned,
  DecisionRecorded,
  Evidence,
  Provenance,
  QuestionAsked,
} from '../../domain/annotations.js';
import { localDateTime } from '../../domain/time-zones.js';
import type { BriefData, Citer } from '../brief/brief-data.js';
import { dueState } from '../brief/waiting-section.js';
import type { PeopleDirectory } from '../people/people-directory.js';
import type { ItemChange, ListedItem } from './items-types.js';

/** What every item is read with: the folded log, who is who, and the end of the listing. */
export interface HistoryContext {
  data: BriefData;
  people: PeopleDirectory;
  citer: Citer;
  /** ISO: answers, completions and reversals after it have not happened yet. */
  asOf: string;
  timeZone: string;
}

/** An action item: assigned (and taken on, when the assignee answered the request), then done. */
export function actionHistory(item: ActionItemAssigned, context: HistoryContext): ListedItem {
  const { people, citer, data, asOf } = context;
  const assignee = item.assignee === null ? [] : [people.ref(item.assignee)];
  const history: ItemChange[] = [
    change(context, 'assigned', [item.requestedBy], item.assignee === null ? [] : [item.assignee], item, [
      item.evidence[0],
    ]),
  ];
  // A request answered by its assignee ("taking this one") cites the answer after the request.
  if (item.assignee !== null && people.idOf(item.evidence[0].author) !== people.idOf(item.assignee)) {
    const taken = item.evidence
      .slice(1)
      .find((message) => people.idOf(message.author) === people.idOf(item.assignee!));
    if (taken) history.push(change(context, 'accepted', [item.assignee], [], item, [taken], taken.ts));
  }
  const done = data.completions.get(item.itemId);
  const isDone = done !== undefined && done.at <= asOf;
  if (isDone) history.push(change(context, 'done', [done.by], [], item, done.evidence, done.at));
  return {
    ...base(item, context),
    kind: 'action',
    id: item.itemId,
    text: item.summary,
    state: isDone ? 'done' : 'open',
    by: [people.ref(item.requestedBy)],
    for: assignee,
    questionKind: null,
    due: item.due,
    dueText: item.dueText,
    dueState: isDone || item.due === null ? null : dueState(item.due, new Date(asOf), context.timeZone),
    reverses: null,
    history,
    evidence: citer.citeAll(item.evidence, item.conversationId, Infinity),
  };
}

/** A question (or approval, or blocker): asked of its addressees, then answered. */
export function questionHistory(question: QuestionAsked, context: HistoryContext): ListedItem {
  const { people, citer, data, asOf } = context;
  const history = [
    change(context, 'asked', [question.asker], question.addressees, question, [question.evidence[0]]),
  ];
  const answer = data.answers.get(question.questionId);
  const answered = answer !== undefined && answer.at <= asOf;
  if (answered)
    history.push(change(context, 'answered', [answer.by], [], question, answer.evidence, answer.at));
  return {
    ...base(question, context),
    kind: 'question',
    id: question.questionId,
    text: question.text,
    state: answered ? 'answered' : 'open',
    by: [people.ref(question.asker)],
    for: question.addressees.map((key) => people.ref(key)),
    questionKind: question.kind,
    due: null,
    dueText: null,
    dueState: null,
    reverses: null,
    history,
    evidence: citer.citeAll(question.evidence, question.conversationId, Infinity),
  };
}

/**
 * A decision: decided (naming what it reverses, if it does), then reversed by the first later
 * decision that reverses it.
 */
export function decisionHistory(
  decision: DecisionRecorded,
  reversedBy: DecisionRecorded | undefined,
  byId: ReadonlyMap<string, DecisionRecorded>,
  context: HistoryContext,
): ListedItem {
  const { people, citer } = context;
  const reverses = decision.reverses
    ? { id: decision.reverses, text: byId.get(decision.reverses)?.summary ?? null }
    : null;
  const history = [
    change(context, 'decided', decision.decidedBy, [], decision, [decision.evidence[0]], decision.at, {
      note: reverses ? `reverses: ${reverses.text ?? reverses.id}` : null,
    }),
  ];
  if (reversedBy)
    history.push(
      change(
        context,
        'reversed',
        reversedBy.decidedBy,
        [],
        reversedBy,
        [reversedBy.evidence[0]],
        reversedBy.at,
        {
          note: reversedBy.summary,
        },
      ),
    );
  return {
    ...base(decision, context),
    kind: 'decision',
    id: decision.decisionId,
    text: decision.summary,
    state: reversedBy ? 'reversed' : 'decided',
    by: decision.decidedBy.map((key) => people.ref(key)),
    for: [],
    questionKind: null,
    due: null,
    dueText: null,
    dueState: null,
    reverses,
    history,
    evidence: citer.citeAll(decision.evidence, decision.conversationId, Infinity),
  };
}

interface Annotated {
  conversationId: string;
  channel: string;
  at: string;
  confidence: number;
  provenance: Provenance;
}

function base(item: Annotated, context: HistoryContext) {
  return {
    at: item.at,
    localTime: localDateTime(item.at, context.timeZone),
    channel: item.channel,
    channelName: context.citer.channelName(item.channel),
    source: item.channel.split(':')[0],
    conversationId: item.conversationId,
    topic: context.data.conversations.get(item.conversationId)?.topic ?? null,
    confidence: item.confidence,
    degraded: item.provenance.degraded === true,
  };
}

function change(
  context: HistoryContext,
  kind: ItemChange['change'],
  by: readonly string[],
  to: readonly string[],
  item: { conversationId: string; at: string },
  evidence: readonly Evidence[],
  at = item.at,
  extra: { note: string | null } = { note: null },
): ItemChange {
  return {
    change: kind,
    by: by.map((key) => context.people.ref(key)),
    to: to.map((key) => context.people.ref(key)),
    at,
    localTime: localDateTime(at, context.timeZone),
    note: extra.note,
    evidence: context.citer.citeAll(evidence, item.conversationId, Infinity),
  };
}
