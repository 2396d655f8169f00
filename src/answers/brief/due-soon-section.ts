import type { ActionItemAssigned } from '../../domain/annotations.js';
import { localDate } from '../../domain/time-zones.js';
import { addWorkingDays, OVERDUE_WORKING_DAYS } from './working-days.js';
import type { DueSoonItem, PersonRef } from './brief-types.js';
import { dueInstant, openItems, type SectionContext } from './waiting-section.js';

export { addWorkingDays, OVERDUE_WORKING_DAYS };

/** Working days after the window's end whose due items count as due soon (the end's own day counts too). */
export const DUE_SOON_WORKING_DAYS = 3;

export interface DueSoonSection {
  items: DueSoonItem[];
  /** Open items overdue for longer than OVERDUE_WORKING_DAYS. */
  longOverdue: number;
}

/**
 * Due soon across the team: open action items of anyone's (the reader's too) that are overdue or
 * due by the end of the third working day (Monday–Friday, in the reader's zone) after the window's
 * end — or after now, when the window ends later. A request to several people (one item each,
 * with the same words in one message) is one entry naming everyone who has not done it yet; a
 * plan's lines stay apart.
 */
export function dueSoonSection(context: SectionContext): DueSoonSection {
  const { timeZone } = context;
  const reference = Math.min(Date.parse(context.until), context.now.getTime());
  const today = localDate(reference, timeZone);
  const horizon = dueInstant(addWorkingDays(today, DUE_SOON_WORKING_DAYS), timeZone);
  const oldest = addWorkingDays(today, -OVERDUE_WORKING_DAYS);

  const groups = new Map<string, ActionItemAssigned[]>();
  for (const item of openItems(context)) {
    if (item.due === null) continue;
    const at = dueInstant(item.due, timeZone);
    if (Number.isNaN(at) || at > horizon) continue;
    const first = item.evidence[0];
    const key = `${first.source}:${first.workspace}:${first.channel}|${first.id}|${item.due}|${item.summary.toLowerCase()}`;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }

  let longOverdue = 0;
  const items: DueSoonItem[] = [];
  for (const group of groups.values()) {
    const due = group[0].due!;
    if (dueDate(due, timeZone) < oldest) {
      longOverdue++;
      continue;
    }
    items.push(toItem(group, due, dueInstant(due, timeZone) <= reference ? 'overdue' : 'due-soon', context));
  }
  items.sort(
    (a, b) =>
      (a.state === b.state ? 0 : a.state === 'overdue' ? -1 : 1) ||
      dueInstant(a.due, timeZone) - dueInstant(b.due, timeZone) ||
      a.text.localeCompare(b.text) ||
      a.id.localeCompare(b.id),
  );
  return { items, longOverdue };
}

function toItem(
  group: readonly ActionItemAssigned[],
  due: string,
  state: DueSoonItem['state'],
  context: SectionContext,
): DueSoonItem {
  const { people, citer, data } = context;
  const best = group.reduce((a, b) => (b.confidence > a.confidence ? b : a));
  const assignees = new Map<string, PersonRef>();
  for (const item of group) {
    if (item.assignee !== null && !assignees.has(people.idOf(item.assignee)))
      assignees.set(people.idOf(item.assignee), people.ref(item.assignee));
  }
  const selfMade =
    assignees.size === 1 &&
    best.assignee !== null &&
    people.idOf(best.requestedBy) === people.idOf(best.assignee);
  return {
    id: best.itemId,
    text: best.summary,
    assignees: [...assignees.values()],
    requestedBy: selfMade ? null : people.ref(best.requestedBy),
    due,
    dueText: best.dueText,
    state,
    topic: data.conversations.get(best.conversationId)?.topic ?? null,
    conversationId: best.conversationId,
    confidence: best.confidence,
    evidence: citer.citeAll(best.evidence, best.conversationId),
  };
}

/** The local date a due falls on: a date-only due is that date. */
function dueDate(due: string, timeZone: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(due) ? due : localDate(due, timeZone);
}
