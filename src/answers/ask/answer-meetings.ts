import {
  addDays,
  localClock,
  localDate,
  readableDate,
  startOfLocalDay,
  weekday,
} from '../../domain/time-zones.js';
import { isCancelled, type MeetingNode } from '../../memory/graph/graph-records.js';
import type { AnswerEvidence, AskAnswer } from './ask-types.js';
import { CALLED_OFF } from './parse-question.js';
import { known, names, unknown, type AnswerContext } from './answer-support.js';

/** Words of a meeting question that do not name the meeting. */
const NOT_TITLE = new Set(
  'the a an my our next this that meeting meetings call calls with me us i we is was be will on at for of and sync weekly daily monthly regular usual recurring'.split(
    ' ',
  ),
);
/** A question about what was called off rather than when something is. */
const ASKS_CANCELLED = new RegExp(String.raw`\b${CALLED_OFF}\b`, 'i');
/** How far back and ahead of as-of a meeting is looked for. */
const LOOK_BACK_DAYS = 90;
const LOOK_AHEAD_DAYS = 180;
/** At most this many meetings in a list. */
const MAX_LISTED = 8;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/\b1\s*:\s*1s?\b|\bone[- ]on[- ]ones?\b/g, ' oneonone ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0 && !NOT_TITLE.has(word));
}

/** A title holds a word when one of its words is it, starts with it ("renewal" in "renewals"), or is its singular ("standups"). */
function titleHolds(title: readonly string[], word: string): boolean {
  const singular = word.length >= 4 && word.endsWith('s') ? word.slice(0, -1) : undefined;
  return title.some(
    (candidate) =>
      candidate === word || candidate === singular || (word.length >= 4 && candidate.startsWith(word)),
  );
}

/** "Mon Oct 26 2026 09:00–09:45": the day as people write it (a question's answer is read, not parsed). */
function when(meeting: MeetingNode, zone: string): string {
  const date = readableDate(localDate(meeting.start, zone));
  if (meeting.allDay) return `${date} (all day)`;
  return `${date} ${localClock(meeting.start, zone)}–${localClock(meeting.end, zone)}`;
}

function evidenceOf(meeting: MeetingNode, context: AnswerContext): AnswerEvidence {
  return {
    source: 'calendar',
    channel: meeting.calendar,
    messageId: meeting.occurrence,
    author: meeting.organizer ? context.sources.people.name(meeting.organizer) : '',
    time: meeting.start,
    snippet: meeting.title,
  };
}

/**
 * The people a question names after "with" ("my next 1:1 with Helena"), by their keys; the words
 * before it, and any after it naming nobody, are left for the title.
 */
function namedPeople(
  context: AnswerContext,
  text: string,
): { keys: string[]; names: string[]; rest: string } {
  const keys: string[] = [];
  const found: string[] = [];
  const at = text.search(/\bwith\s/);
  if (at < 0) return { keys, names: found, rest: text };
  const rest: string[] = [text.slice(0, at)];
  for (const word of text.slice(at + 5).split(/\s+/)) {
    const human = /^[\p{L}][\p{L}'’-]{2,}$/u.test(word) ? context.sources.people.find(word) : undefined;
    if (human && !NOT_TITLE.has(word.toLowerCase())) {
      keys.push(...human.keys);
      found.push(human.name);
    } else rest.push(word);
  }
  return { keys, names: found, rest: rest.join(' ') };
}

/**
 * "When is the Cedar Valley QBR?", "when is my next 1:1 with Helena?", "when do I meet Renee?":
 * the calendar's meetings whose title holds every word the question names (and, when it names
 * people, that they attend), the next one from as-of, else the last one before it. Nothing named
 * that no title holds: "I don't know" (ask then searches the messages).
 */
export async function answerMeeting(context: AnswerContext): Promise<AskAnswer> {
  const zone = context.sources.timeZone ?? 'UTC';
  // "when do I meet Renee": the words after the verb are the people met.
  const meets = /^when (?:do|will|am|shall|can) (?:i|we)\b/i.test(context.question.trim());
  const target = meets && !/\bwith\s/.test(context.target) ? `with ${context.target}` : context.target;
  const asked = namedPeople(context, target);
  const wanted = words(asked.rest);
  const searched = [
    `calendar meetings${wanted.length > 0 ? ` titled with "${wanted.join(' ')}"` : ''}${asked.names.length > 0 ? ` with ${names(asked.names)}` : ''}`,
  ];
  if (wanted.length === 0 && asked.keys.length === 0) return unknown(context, searched);
  const asOfMs = Date.parse(context.asOf);
  const meetings = await context.sources.graph.meetings({
    ...(asked.keys.length > 0 ? { people: asked.keys } : {}),
    from: new Date(asOfMs - LOOK_BACK_DAYS * 86_400_000).toISOString(),
    to: new Date(asOfMs + LOOK_AHEAD_DAYS * 86_400_000).toISOString(),
    cancelled: true,
  });
  // "is there standup on wed the 25th": only that day's occurrences answer.
  const day = context.time?.kind === 'date' ? context.time.window : undefined;
  const titled = meetings.filter((meeting) => {
    const title = words(meeting.title);
    if (day && (meeting.end <= day.from || meeting.start >= day.to)) return false;
    return wanted.every((word) => titleHolds(title, word));
  });
  // "which of my 1:1s with Ale was dropped this month?": the ones called off in the span asked about.
  if (ASKS_CANCELLED.test(context.question)) {
    // "this month" runs to as-of in the question's time; what was called off later this month counts too.
    const span = context.time?.window;
    const until = span ? Math.max(Date.parse(span.to), Date.parse(span.from) + 31 * 86_400_000) : Infinity;
    const off = titled.filter(
      (meeting) =>
        isCancelled(meeting) && (!span || (meeting.end > span.from && Date.parse(meeting.start) < until)),
    );
    if (off.length > 0)
      return known(context, {
        text: off
          .map((meeting) => `${meeting.title}: ${when(meeting, zone)}, cancelled (calendar)`)
          .join('\n'),
        confidence: 0.85,
        evidence: off.slice(0, 3).map((meeting) => evidenceOf(meeting, context)),
        entity: null,
        searched,
      });
  }
  const matching = titled.filter((meeting) => !isCancelled(meeting));
  // Every one called off: say so, rather than search the messages for a date.
  if (matching.length === 0 && titled.length > 0) {
    const last = titled.find((meeting) => Date.parse(meeting.end) > asOfMs) ?? titled[titled.length - 1];
    return known(context, {
      text: `${last.title}: ${when(last, zone)}, cancelled (calendar)`,
      confidence: 0.85,
      evidence: [evidenceOf(last, context)],
      entity: null,
      searched,
    });
  }
  const past = /^(?:was|did)\b/.test(
    context.question
      .trim()
      .toLowerCase()
      .replace(/^when\s+/, ''),
  );
  const upcoming = matching.filter((meeting) => Date.parse(meeting.end) > asOfMs);
  const before = matching.filter((meeting) => Date.parse(meeting.end) <= asOfMs);
  const chosen = past ? (before.at(-1) ?? upcoming[0]) : (upcoming[0] ?? before.at(-1));
  if (!chosen) return unknown(context, searched);
  const later = upcoming.filter((meeting) => meeting !== chosen && meeting.title === chosen.title);
  const location = chosen.location ? `, ${chosen.location}` : '';
  const then =
    later.length > 0
      ? ` (then ${later
          .slice(0, 2)
          .map((meeting) => when(meeting, zone))
          .join(', ')})`
      : '';
  return known(context, {
    text: `${chosen.title}: ${when(chosen, zone)}${location}${then} (calendar)`,
    confidence: wanted.length > 0 ? 0.9 : 0.8,
    evidence: [chosen, ...later.slice(0, 2)].map((meeting) => evidenceOf(meeting, context)),
    entity: null,
    searched,
  });
}

/** The span a listing question names from as-of in the zone: "tomorrow", "next week", else the next seven days. */
function spanOf(context: AnswerContext, zone: string): { from: string; to: string; label: string } {
  const today = localDate(context.asOf, zone);
  const midnight = (date: string): string => startOfLocalDay(date, zone).toISOString();
  const monday = addDays(today, -((weekday(today) + 6) % 7));
  const said = `${context.target} ${context.question.toLowerCase()}`;
  if (/\btomorrow\b/.test(said))
    return { from: midnight(addDays(today, 1)), to: midnight(addDays(today, 2)), label: 'tomorrow' };
  if (/\bnext week\b/.test(said))
    return { from: midnight(addDays(monday, 7)), to: midnight(addDays(monday, 14)), label: 'next week' };
  if (/\btoday\b/.test(said))
    return { from: midnight(today), to: midnight(addDays(today, 1)), label: 'today' };
  if (/\bthis week\b/.test(said))
    return { from: midnight(today), to: midnight(addDays(monday, 7)), label: 'this week' };
  return {
    from: context.asOf,
    to: new Date(Date.parse(context.asOf) + 7 * 86_400_000).toISOString(),
    label: 'in the next 7 days',
  };
}

/** "What meetings do I have tomorrow?", "what's on my calendar next week?": the reader's meetings in that span. */
export async function answerMyMeetings(context: AnswerContext): Promise<AskAnswer> {
  const zone = context.sources.timeZone ?? 'UTC';
  const keys = context.sources.people.keysOf(context.sources.me);
  const span = spanOf(context, zone);
  const searched = [`calendar meetings of ${keys.length > 0 ? 'yours' : 'everyone'} ${span.label}`];
  const meetings = await context.sources.graph.meetings({
    ...(keys.length > 0 ? { people: keys } : {}),
    from: span.from,
    to: span.to,
  });
  if (meetings.length === 0) return unknown(context, searched);
  const lines = meetings.slice(0, MAX_LISTED).map((meeting) => `- ${when(meeting, zone)} ${meeting.title}`);
  const more = meetings.length > MAX_LISTED ? [`(${meetings.length - MAX_LISTED} more)`] : [];
  return known(context, {
    text: [
      `${meetings.length} meeting${meetings.length === 1 ? '' : 's'} ${span.label}:`,
      ...lines,
      ...more,
    ].join('\n'),
    confidence: 0.9,
    evidence: meetings.slice(0, MAX_LISTED).map((meeting) => evidenceOf(meeting, context)),
    entity: null,
    searched,
  });
}
