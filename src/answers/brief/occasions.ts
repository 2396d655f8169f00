import type { ActionItemAssigned } from '../../domain/annotations.js';

/** Work that happens at a time rather than being delivered by it: covering, attending, hosting. */
const OCCASION =
  /\b(?:cover|covering|attend|attending|join|joining|host|hosting|sit in on|staff|be (?:at|on|in) the|take the (?:call|meeting|standup|demo|session|pager|shift)|run the (?:call|meeting|standup|demo|session|workshop))\b/i;
/** Words that also promise something delivered ("join the call and send notes after"). */
const DELIVERABLE =
  /\b(?:send|write|draft|fix|ship|prepare|update|review|share|file|book|merge|deploy|post|sign|submit|finish)\b/i;

/**
 * An item that is an occasion on its due day ("can someone cover the support inbox Friday
 * morning?", "join the renewal call Mon 9am") and whose day has ended by `reference`: it
 * happened or it did not, and it no longer waits on anyone as overdue work.
 */
export function isPastOccasion(item: ActionItemAssigned, dueAt: number, reference: number): boolean {
  if (item.due === null || Number.isNaN(dueAt) || dueAt > reference) return false;
  return OCCASION.test(item.summary) && !DELIVERABLE.test(item.summary);
}
