import { addDays, localDate, weekday } from '../../domain/time-zones.js';
import type { ActionItemNode, DecisionNode } from '../../memory/graph/graph-records.js';
import {
  day,
  dueText,
  itemEvidence,
  known,
  names,
  openAt,
  unknown,
  type AnswerContext,
} from './answer-support.js';
import type { AskAnswer } from './ask-types.js';
import { summaryInContext } from './answer-items.js';

/** Entries listed per part of an answer. */
const LISTED = 8;
const DAY_MS = 86_400_000;

/** When a question names no time: the week before as-of. */
function windowOf(context: AnswerContext): { from: string; to: string } {
  const to = readAt(context);
  return context.time?.window ?? { from: new Date(Date.parse(to) - 7 * DAY_MS).toISOString(), to };
}

/** The call's as-of: a time the question names moves the facts, not what has been said by now. */
function readAt(context: AnswerContext): string {
  return context.sources.readUntil ?? context.asOf;
}

function dueDays(context: AnswerContext): { from: string; to: string; label: string } {
  const zone = context.sources.timeZone ?? 'UTC';
  const today = localDate(readAt(context), zone);
  const sunday = addDays(today, (7 - weekday(today)) % 7);
  const q = context.question.toLowerCase();
  if (/\btomorrow\b/.test(q)) return { from: addDays(today, 1), to: addDays(today, 1), label: 'tomorrow' };
  if (/\btoday\b/.test(q)) return { from: today, to: today, label: 'today' };
  if (/\bnext week\b/.test(q))
    return { from: addDays(sunday, 1), to: addDays(sunday, 7), label: 'next week' };
  if (/\bthis week\b/.test(q)) return { from: today, to: sunday, label: 'this week' };
  return { from: today, to: addDays(today, 6), label: 'in the next 7 days' };
}

/**
 * "What's overdue?", "what is due this week / tomorrow?": open action items by due day, across the
 * team, with whom each waits on. "Due" alone also lists what is overdue, first.
 */
export async function answerDue(context: AnswerContext): Promise<AskAnswer> {
  const { graph, people, timeZone } = context.sources;
  const now = readAt(context);
  const today = localDate(now, timeZone ?? 'UTC');
  const open = (await graph.actionItems({})).filter(
    (item) => item.due !== null && openAt({ at: item.at, closedAt: item.completedAt }, now),
  );
  const dueDay = (item: ActionItemNode): string => (item.due ?? '').slice(0, 10);
  const onlyOverdue = /\b(?:overdue|late|past due)\b/i.test(context.target);
  const span = dueDays(context);
  const overdue = open.filter((item) => dueDay(item) < today);
  const due = onlyOverdue ? [] : open.filter((item) => dueDay(item) >= span.from && dueDay(item) <= span.to);
  const withOverdue = onlyOverdue || span.label === 'in the next 7 days' ? overdue : [];
  const searched = [`open action items with a due day${onlyOverdue ? ' before today' : ` ${span.label}`}`];
  if (due.length === 0 && withOverdue.length === 0) return unknown(context, searched);
  const line = (item: ActionItemNode): string => {
    const late = Math.round((Date.parse(today) - Date.parse(dueDay(item))) / DAY_MS);
    const who = item.assignee ? people.name(item.assignee) : 'nobody named';
    return `- ${who}: ${summaryInContext(item, context)}, due ${dueText(dueDay(item))}${late > 0 ? ` (${late} day${late === 1 ? '' : 's'} overdue)` : ''}`;
  };
  const byDue = (a: ActionItemNode, b: ActionItemNode): number => dueDay(a).localeCompare(dueDay(b));
  const lines: string[] = [];
  if (withOverdue.length > 0) {
    lines.push(`${withOverdue.length} overdue:`, ...[...withOverdue].sort(byDue).slice(0, LISTED).map(line));
  }
  if (due.length > 0)
    lines.push(`${due.length} due ${span.label}:`, ...[...due].sort(byDue).slice(0, LISTED).map(line));
  const shown = [...withOverdue, ...due];
  return known(context, {
    text: lines.join('\n'),
    confidence: Math.max(...shown.map((item) => item.confidence)),
    evidence: itemEvidence(shown, context),
    entity: null,
    searched,
  });
}

/** "What did we decide this week?", "any decisions yesterday?": decisions made in the window, newest first. */
export async function answerDecisionsIn(context: AnswerContext): Promise<AskAnswer> {
  const window = windowOf(context);
  const decisions = await decisionsIn(context, window);
  const searched = [
    `decisions from ${day(window.from, context.sources.timeZone)} to ${day(window.to, context.sources.timeZone)}`,
  ];
  if (decisions.length === 0) return unknown(context, searched);
  return known(context, {
    text: [
      `${decisions.length} decision${decisions.length === 1 ? '' : 's'}:`,
      ...decisions.slice(0, LISTED).map((decision) => decisionLine(decision, context)),
    ].join('\n'),
    confidence: Math.max(...decisions.map((decision) => decision.confidence)),
    evidence: itemEvidence(decisions.slice(0, LISTED), context),
    entity: null,
    searched,
  });
}

/**
 * "What happened this week?", "what did I miss yesterday?": the window's decisions, the work done
 * and the work newly asked for or promised, newest first.
 */
export async function answerHappened(context: AnswerContext): Promise<AskAnswer> {
  const window = windowOf(context);
  const { graph, people, timeZone } = context.sources;
  const inWindow = (at: string | null): boolean =>
    at !== null && at >= window.from && at < window.to && at <= readAt(context);
  const decisions = await decisionsIn(context, window);
  const items = await graph.actionItems({});
  const done = items
    .filter((item) => inWindow(item.completedAt))
    .sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? ''));
  const opened = items
    .filter((item) => inWindow(item.at) && !inWindow(item.completedAt))
    .sort((a, b) => b.at.localeCompare(a.at));
  const searched = [
    `decisions, action items done and action items new from ${day(window.from, timeZone)} to ${day(window.to, timeZone)}`,
  ];
  if (decisions.length + done.length + opened.length === 0) return unknown(context, searched);
  const who = (key: string | null): string => (key ? people.name(key) : 'nobody named');
  const first = day(window.from, timeZone);
  const last = day(new Date(Date.parse(window.to) - 1).toISOString(), timeZone);
  const lines = [
    `${first === last ? `On ${first}` : `From ${first} to ${last}`}: ${decisions.length} decision${decisions.length === 1 ? '' : 's'}, ${done.length} item${done.length === 1 ? '' : 's'} done, ${opened.length} new and still open.`,
  ];
  if (decisions.length > 0)
    lines.push('Decided:', ...decisions.slice(0, LISTED).map((decision) => decisionLine(decision, context)));
  if (done.length > 0)
    lines.push(
      'Done:',
      ...done.slice(0, LISTED).map((item) => `- ${who(item.completedBy ?? item.assignee)}: ${item.summary}`),
    );
  if (opened.length > 0)
    lines.push(
      'New:',
      ...opened
        .slice(0, LISTED)
        .map(
          (item) =>
            `- ${who(item.assignee)}: ${summaryInContext(item, context)}${item.due ? `, due ${dueText(item.due)}` : ''}`,
        ),
    );
  const shown = [...decisions.slice(0, LISTED), ...done.slice(0, LISTED), ...opened.slice(0, LISTED)];
  return known(context, {
    text: lines.join('\n'),
    confidence: Math.max(...shown.map((entry) => entry.confidence)),
    evidence: itemEvidence(shown, context),
    entity: null,
    searched,
  });
}

async function decisionsIn(
  context: AnswerContext,
  window: { from: string; to: string },
): Promise<DecisionNode[]> {
  const until = readAt(context);
  return (await context.sources.graph.decisions({}))
    .filter((decision) => decision.at >= window.from && decision.at < window.to && decision.at <= until)
    .sort((a, b) => b.at.localeCompare(a.at));
}

function decisionLine(decision: DecisionNode, context: AnswerContext): string {
  const by = decision.decidedBy.map((key) => context.sources.people.name(key));
  return `- ${day(decision.at, context.sources.timeZone)}: ${decision.summary}${by.length > 0 ? ` (${names(by)})` : ''}`;
}
