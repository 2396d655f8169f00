import { ON_CALL_BACKUP_ROTATION, ON_CALL_ROTATION } from '../../domain/fact-relations.js';
import { addDays, localDate, startOfLocalDay, weekday } from '../../domain/time-zones.js';
import { isValidAt } from '../../memory/facts/fact-types.js';
import type { AskAnswer } from './ask-types.js';
import {
  collapseSameHuman,
  day,
  factEvidence,
  historyOf,
  known,
  unknown,
  type AnswerContext,
} from './answer-support.js';

/** Times ahead an on-call question may name ("who's on call next week"): read from as-of, at midday. */
export const ON_CALL_AHEAD = /^(?:next week|tomorrow|tonight|this weekend|next weekend)$/;

/** How long an on-call turn said without an end is read to last, for a question about a time ahead. */
const ROTATION_MS = 7 * 86_400_000;

/** The instant a phrase ahead names, from as-of in the reader's zone; as-of itself when it names none. */
function aheadOf(phrase: string, asOf: string, zone: string): string {
  const today = localDate(asOf, zone);
  const monday = addDays(today, -((weekday(today) + 6) % 7));
  const midday = (date: string): string =>
    new Date(startOfLocalDay(date, zone).getTime() + 12 * 3_600_000).toISOString();
  switch (phrase) {
    case 'next week':
      return midday(addDays(monday, 7));
    case 'tomorrow':
      return midday(addDays(today, 1));
    case 'tonight':
      return new Date(startOfLocalDay(today, zone).getTime() + 21 * 3_600_000).toISOString();
    case 'this weekend':
      return midday(addDays(monday, 5));
    case 'next weekend':
      return midday(addDays(monday, 12));
    default:
      return asOf;
  }
}

/**
 * Who is on call (at as-of, or at the time the question names): the holders of the on-call
 * rotations (schedule facts, extract-schedule.ts), the primary first, then the backup.
 */
export async function answerOnCall(context: AnswerContext): Promise<AskAnswer> {
  const { graph, people, timeZone } = context.sources;
  const versions = collapseSameHuman(
    [
      ...(await graph.facts({ object: ON_CALL_ROTATION, relation: 'on_call' })),
      ...(await graph.facts({ object: ON_CALL_BACKUP_ROTATION, relation: 'on_call' })),
    ],
    people,
  );
  // "who's on call next week": the schedule as known at as-of, read at the time named.
  const ahead = ON_CALL_AHEAD.test(context.target) ? context.target : undefined;
  const at = ahead ? aheadOf(ahead, context.asOf, timeZone ?? 'UTC') : context.asOf;
  const holders = versions
    .filter((version) => version.status !== 'alternative' && isValidAt(version, at))
    // "who's on call next week": a rotation said without an end covers its week, not every week after it.
    .filter(
      (version) =>
        !ahead || version.validTo !== null || Date.parse(at) - Date.parse(version.validFrom) <= ROTATION_MS,
    )
    .sort((a, b) => (a.object === ON_CALL_ROTATION ? -1 : b.object === ON_CALL_ROTATION ? 1 : 0));
  const searched = [`on-call schedule facts valid on ${day(at, timeZone)} (${versions.length} on record)`];
  if (holders.length === 0)
    return unknown(context, searched, { history: await historyOf(versions, context) });
  const isPast = context.asOf < context.sources.now.toISOString().slice(0, 10);
  const lines = holders.map((version) => {
    const role = version.object === ON_CALL_ROTATION ? '' : ' (backup)';
    const until = version.validTo ? ` until ${day(version.validTo, timeZone)}` : '';
    return `${people.name(version.subject)}${role}, from ${day(version.validFrom, timeZone)}${until}`;
  });
  return known(context, {
    text: `On call${ahead ? ` ${ahead}` : isPast ? ' then' : ''}: ${lines.join('; ')}.`,
    confidence: Math.max(...holders.map((version) => version.confidence)),
    evidence: factEvidence(holders, context),
    entity: { kind: 'person', id: holders[0].subject, name: people.name(holders[0].subject) },
    history: await historyOf(
      versions.filter((version) => version.validFrom <= context.asOf),
      context,
    ),
    searched,
  });
}
