import type { Brief, Citation, DecisionItem, DueSoonItem, FactChange, WaitingItem } from './brief-types.js';
import { localDateTime } from '../../domain/time-zones.js';

/** Section titles, in the issue's order; stable (digests and scripts find them by name). */
export const SECTION_TITLES = {
  waiting: 'Waiting on you',
  dueSoon: 'Due soon across the team',
  decisions: 'Decisions',
  day: 'Your day',
  conversations: 'Conversations',
  facts: 'Changed facts',
} as const;

/** Conversation groups shown by the text, markdown and terminal renderers (JSON has them all). */
export const SHOWN_CONVERSATIONS = 12;

export function moreConversationsText(brief: Brief): string | undefined {
  const more = brief.conversations.length - SHOWN_CONVERSATIONS;
  return more > 0
    ? `… ${more} more conversation${more === 1 ? '' : 's'} (outro brief --json lists them all)`
    : undefined;
}

export function citeText(citation: Citation): string {
  return `${citation.source} ${citation.channelName}, ${citation.authorName}, ${citation.localTime} [${citation.nativeId}]`;
}

export function windowText(brief: Brief): string {
  const from =
    brief.window.from === 'last-brief'
      ? ' (since your last brief)'
      : brief.window.from === 'default'
        ? ' (last 24 h)'
        : brief.window.from === 'last-data'
          ? ' (the last day of data)'
          : '';
  return `${localDateTime(brief.window.since, brief.timezone)} → ${localDateTime(brief.window.until, brief.timezone)} ${brief.timezone}${from}`;
}

export function waitingText(item: WaitingItem): string {
  const label = item.kind === 'action' ? 'to do' : item.kind;
  const due = item.due
    ? `, due ${item.due.length > 10 ? item.due.slice(0, 16).replace('T', ' ') : item.due}${item.state === 'overdue' ? ' (OVERDUE)' : item.state === 'due-soon' ? ' (due soon)' : ''}`
    : '';
  const from = item.from ? ` — from ${item.from.name}` : '';
  return `${label}: ${item.text}${due}${from}${item.isNew ? '' : ' (earlier)'}`;
}

/** `Marcus Bell: send the pricing, due 2026-10-26 — from Leila Moreau [renewal]` (a timed due in the reader's zone). */
export function dueSoonText(item: DueSoonItem, timeZone: string): string {
  const who =
    item.assignees.length > 0 ? item.assignees.map((person) => person.name).join(', ') : 'nobody named';
  const due = item.due.length > 10 ? localDateTime(item.due, timeZone) : item.due;
  const from = item.requestedBy ? ` — from ${item.requestedBy.name}` : '';
  const topic = item.topic ? ` [${item.topic}]` : '';
  return `${who}: ${item.text}, due ${due}${item.state === 'overdue' ? ' (OVERDUE)' : ''}${from}${topic}`;
}

/** The line under the due-soon section for items overdue longer than it shows, if any. */
export function longOverdueText(brief: Brief): string | undefined {
  const count = brief.counts.longOverdue;
  return count > 0
    ? `+ ${count} more overdue for over a week (outro items --kind action --open lists them)`
    : undefined;
}

export function decisionText(item: DecisionItem): string {
  const by = item.decidedBy.length > 0 ? ` — ${item.decidedBy.map((person) => person.name).join(', ')}` : '';
  const reverses = item.reverses ? ` (reverses: ${item.reverses.summary ?? item.reverses.id})` : '';
  const reversed = item.reversedBy ? ` [REVERSED: ${item.reversedBy.summary}]` : '';
  return `${item.summary}${reverses}${reversed}${by}`;
}

export function factText(item: FactChange): string {
  const relation = item.relation.replace('_', ' ');
  if (item.change === 'retracted')
    return `retracted (${item.reason}): ${item.subject.name} ${relation} ${item.object.name}`;
  if (item.previous)
    return `${item.object.name}: ${relation === 'owns' ? 'owner' : relation} ${item.previous.name} → ${item.subject.name}`;
  return `${item.subject.name} ${relation} ${item.object.name}${item.reason ? ` (${item.reason})` : ''}`;
}

export function countsText(brief: Brief): string {
  const c = brief.counts;
  return `${c.waiting} waiting · ${c.dueSoon} due soon · ${c.decisions} decisions · ${c.meetings} meetings · ${c.conversations} conversations (+${c.noise} noise) · ${c.facts} changed facts`;
}
