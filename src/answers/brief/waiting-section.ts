import { isPastOccasion } from './occasions.js';
import type { ActionItemAssigned, QuestionAsked } from '../../domain/annotations.js';
import type { BriefData, Citer } from './brief-data.js';
import type { PeopleDirectory } from '../people/people-directory.js';
import type { DueState, WaitingItem } from './brief-types.js';
import { localDate, nextDate, startOfLocalDay } from '../../domain/time-zones.js';
import { addWorkingDays, OVERDUE_WORKING_DAYS } from './working-days.js';
import { escapeRegExp } from '../../domain/escape-regexp.js';

const DUE_SOON_MS = 48 * 3_600_000;

export interface SectionContext {
  data: BriefData;
  people: PeopleDirectory;
  citer: Citer;
  /** Every person key of the reader. */
  me: ReadonlySet<string>;
  myNames: readonly string[];
  since: string;
  until: string;
  now: Date;
  timeZone: string;
}

/** Questions still open at the end of the window: asked by then, not answered by then. */
export function openQuestions(context: SectionContext): QuestionAsked[] {
  const { data, until } = context;
  return [...data.questions.values()].filter(
    (question) => question.at <= until && !((data.answers.get(question.questionId)?.at ?? '~') <= until),
  );
}

/** Action items still open at the end of the window. */
export function openItems(context: SectionContext): ActionItemAssigned[] {
  const { data, until } = context;
  const reference = Math.min(Date.parse(until), context.now.getTime());
  return [...data.items.values()].filter(
    (item) =>
      item.at <= until &&
      !((data.completions.get(item.itemId)?.at ?? '~') <= until) &&
      !(item.due !== null && isPastOccasion(item, dueInstant(item.due, context.timeZone), reference)),
  );
}

/**
 * Waiting on you: approvals and blockers naming you, questions addressed to you, and your action
 * items — overdue first, then due soon, then the rest (newest first); items older than the window
 * still wait and are kept, marked not new, unless quiet and past due for longer than
 * OVERDUE_WORKING_DAYS working days.
 */
export function waitingSection(context: SectionContext): WaitingItem[] {
  const { me, people } = context;
  const questions = openQuestions(context).filter(
    (question) =>
      !me.has(question.asker) &&
      (question.addressees.some((key) => me.has(key)) ||
        (question.kind !== 'question' && namesMe(question.text, context.myNames))),
  );
  const oldest = addWorkingDays(
    localDate(Math.min(Date.parse(context.until), context.now.getTime()), context.timeZone),
    -OVERDUE_WORKING_DAYS,
  );
  const asOf = new Date(Math.min(Date.parse(context.until), context.now.getTime()));
  const items = openItems(context).filter(
    (item) => item.assignee !== null && me.has(item.assignee) && lastActive(item, context.timeZone) >= oldest,
  );
  const result: WaitingItem[] = [
    ...questions.map((question): WaitingItem => ({
      kind: question.kind,
      id: question.questionId,
      text: question.text,
      from: people.ref(question.asker),
      at: question.at,
      due: null,
      dueText: null,
      state: 'open',
      isNew: question.at >= context.since,
      conversationId: question.conversationId,
      confidence: question.confidence,
      evidence: context.citer.citeAll(question.evidence, question.conversationId),
    })),
    ...items.map((item): WaitingItem => ({
      kind: 'action',
      id: item.itemId,
      text: item.summary,
      from: me.has(item.requestedBy) ? null : people.ref(item.requestedBy),
      at: item.at,
      due: item.due,
      dueText: item.dueText,
      // Read at the window's end: a brief of the past says what was overdue then.
      state: dueState(item.due, asOf, context.timeZone),
      isNew: item.at >= context.since,
      conversationId: item.conversationId,
      confidence: item.confidence,
      evidence: context.citer.citeAll(item.evidence, item.conversationId),
    })),
  ];
  return dedupeByEvidence(result).sort(compareWaiting(context.timeZone));
}

/**
 * The local date an item was last due or touched: its due date, or its latest cited message. An
 * item quiet for longer than OVERDUE_WORKING_DAYS no longer waits (most such are done without
 * anyone saying so; `outro items --open` still lists them), as in the due-soon section.
 */
function lastActive(item: ActionItemAssigned, timeZone: string): string {
  const said = item.evidence.reduce(
    (latest, evidence) => (evidence.ts > latest ? evidence.ts : latest),
    item.at,
  );
  const due =
    item.due === null ? '' : /^\d{4}-\d{2}-\d{2}$/.test(item.due) ? item.due : localDate(item.due, timeZone);
  const touched = localDate(said, timeZone);
  return due > touched ? due : touched;
}

/**
 * One item per kind and first cited message: when two annotators (model and heuristic, or a
 * re-run with a new version) published the same ask, the most confident one is kept.
 */
export function dedupeByEvidence<
  T extends { kind?: string; confidence: number; evidence: Array<{ channel: string; nativeId: string }> },
>(items: readonly T[]): T[] {
  const best = new Map<string, T>();
  const order: string[] = [];
  for (const item of items) {
    const first = item.evidence[0];
    const key = first ? `${item.kind ?? ''}|${first.channel}|${first.nativeId}` : `${order.length}|unique`;
    const current = best.get(key);
    if (!current) order.push(key);
    if (!current || item.confidence > current.confidence) best.set(key, item);
  }
  return order.map((key) => best.get(key)!);
}

const STATE_RANK: Record<DueState, number> = { overdue: 0, 'due-soon': 1, open: 2 };
const KIND_RANK: Record<string, number> = { blocker: 0, approval: 1, question: 2, action: 3 };

function compareWaiting(timeZone: string) {
  return (a: WaitingItem, b: WaitingItem): number =>
    STATE_RANK[a.state] - STATE_RANK[b.state] ||
    (a.state !== 'open' && b.state !== 'open'
      ? dueInstant(a.due!, timeZone) - dueInstant(b.due!, timeZone)
      : 0) ||
    KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
    (a.at < b.at ? 1 : a.at > b.at ? -1 : 0) ||
    a.id.localeCompare(b.id);
}

/** A date-only due means the end of that day in the reader's zone. */
export function dueInstant(due: string, timeZone: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(due)) return startOfLocalDay(nextDate(due), timeZone).getTime();
  return Date.parse(due);
}

export function dueState(due: string | null, now: Date, timeZone: string): DueState {
  if (!due) return 'open';
  const at = dueInstant(due, timeZone);
  if (Number.isNaN(at)) return 'open';
  if (at <= now.getTime()) return 'overdue';
  return at - now.getTime() <= DUE_SOON_MS ? 'due-soon' : 'open';
}

function namesMe(text: string, names: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return names.some(
    (name) =>
      name.length >= 3 &&
      new RegExp(`(^|[^\\p{L}])@?${escapeRegExp(name.toLowerCase())}(?![\\p{L}])`, 'u').test(lower),
  );
}
