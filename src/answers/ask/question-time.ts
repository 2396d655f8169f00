import { chrono } from './lazy-chrono.js';
import {
  addDays,
  localDate,
  nextDate,
  startOfLocalDay,
  wallTime,
  weekday,
  zoneOffsetMs,
} from '../../domain/time-zones.js';

const DAY_MS = 86_400_000;

/** A time a question names, read relative to the time it is asked at (`--as-of`, else now). */
export interface QuestionTime {
  /** The question with the time phrase taken out (lower case, as given). */
  rest: string;
  /** The phrase as found. */
  phrase: string;
  /** now: "now", "currently"; relative: "last week", "this quarter", "3 days ago"; date: "on Oct 14". */
  kind: 'now' | 'relative' | 'date';
  /** The instant facts are read at ("who owned X last week": a week before as-of). */
  at: string;
  /** The span the phrase covers, [from, to): "this week" is Monday 00:00 to as-of, "on Oct 14" that local day. */
  window: { from: string; to: string };
}

const NOW = /(?:^|\s)(right now|now|currently|these days|at the moment|at present|as of today|today)(?=\s|$)/;
const RELATIVE =
  /(?:^|\s)((?:in |during |over )?(?:the )?(this|last|past|previous) (week|month|quarter|year)|yesterday|(\d+) (day|week|month)s? ago)(?=\s|$)/;
/** Words chrono reads as dates that in a question are almost never one ("may", "sun", "second"). */
/** A digit or a weekday: what every explicit day a question names holds. */
/** A digit or a weekday, whole ("wed", "thurs", "mondays"): not "month" or "friend", which would load chrono for nothing. */
const DAY_WORDS = /\d|\b(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?\b/i;

/** Whether a question may name a day for chrono to read: it holds a digit or a weekday. */
export function mayNameADay(text: string): boolean {
  return DAY_WORDS.test(text);
}
const NOT_DATES = /^(may|sun|sat|mar|march|second|now|today|tonight|noon|a minute|a second|fri)$/i;

/**
 * The time phrase of a question, anywhere in it: "now", "last week", "this week", "yesterday",
 * "this quarter", "3 days ago", "on 2026-11-10", "on October 14", "during the Oct 14 outage".
 * Everything is relative to `reference` (the as-of time, never the clock) in `zone`. Undefined
 * when the question names no time.
 */
export function questionTime(text: string, reference: string, zone = 'UTC'): QuestionTime | undefined {
  const relative = RELATIVE.exec(text);
  if (relative) return relativeTime(text, relative, reference, zone);
  const dated = datedTime(text, reference, zone);
  if (dated) return dated;
  const now = NOW.exec(text);
  if (now) {
    const today = localDate(reference, zone);
    return {
      rest: cut(text, now.index, now[0].length),
      phrase: now[1],
      kind: 'now',
      at: reference,
      window:
        now[1] === 'today'
          ? { from: startOfLocalDay(today, zone).toISOString(), to: reference }
          : { from: reference, to: reference },
    };
  }
  return undefined;
}

function relativeTime(text: string, match: RegExpExecArray, reference: string, zone: string): QuestionTime {
  const phrase = match[1];
  const rest = cut(text, match.index, match[0].length);
  const refMs = Date.parse(reference);
  const today = localDate(reference, zone);
  const dayStart = (date: string): string => startOfLocalDay(date, zone).toISOString();
  const make = (at: string, from: string, to: string): QuestionTime => ({
    rest,
    phrase,
    kind: 'relative',
    at,
    window: { from, to },
  });
  if (phrase === 'yesterday') {
    const day = addDays(today, -1);
    return make(new Date(refMs - DAY_MS).toISOString(), dayStart(day), dayStart(today));
  }
  if (match[4]) {
    const count = Number(match[4]);
    const days = match[5] === 'week' ? 7 * count : match[5] === 'month' ? 30 * count : count;
    const at = new Date(refMs - days * DAY_MS).toISOString();
    const day = localDate(at, zone);
    return make(at, dayStart(day), dayStart(nextDate(day)));
  }
  const which = match[2];
  const unit = match[3];
  const back = which === 'last' || which === 'previous';
  if (unit === 'week') {
    // Weeks start on Monday.
    const monday = addDays(today, -((weekday(today) + 6) % 7));
    if (which === 'past') return make(reference, new Date(refMs - 7 * DAY_MS).toISOString(), reference);
    if (!back) return make(reference, dayStart(monday), reference);
    return make(new Date(refMs - 7 * DAY_MS).toISOString(), dayStart(addDays(monday, -7)), dayStart(monday));
  }
  const { year, month } = wallTime(refMs, zone);
  const first = (y: number, m: number): string => {
    const yy = y + Math.floor((m - 1) / 12);
    const mm = ((((m - 1) % 12) + 12) % 12) + 1;
    return `${yy}-${String(mm).padStart(2, '0')}-01`;
  };
  const span = unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12;
  const startMonth = unit === 'month' ? month : unit === 'quarter' ? month - ((month - 1) % 3) : 1;
  if (which === 'past') {
    const days = unit === 'month' ? 30 : unit === 'quarter' ? 91 : 365;
    return make(reference, new Date(refMs - days * DAY_MS).toISOString(), reference);
  }
  if (!back) return make(reference, dayStart(first(year, startMonth)), reference);
  const from = dayStart(first(year, startMonth - span));
  const to = dayStart(first(year, startMonth));
  return make(new Date(Date.parse(to) - 1).toISOString(), from, to);
}

/** An explicit day: ISO, "October 14", "Oct 14", "14 Oct", "last Monday"; "on"/"as of"/"during the" before it go with it. */
function datedTime(text: string, reference: string, zone: string): QuestionTime | undefined {
  // Every date kept below holds a digit or a weekday; without one, chrono (~250 ms to warm up in a
  // fresh process) has nothing to find.
  if (!mayNameADay(text)) return undefined;
  const instant = new Date(reference);
  const results = chrono().parse(
    text,
    { instant, timezone: Math.round(zoneOffsetMs(instant.getTime(), zone) / 60_000) },
    { forwardDate: false },
  );
  for (const result of results) {
    const words = result.text.trim();
    if (NOT_DATES.test(words)) continue;
    if (!result.start.isCertain('day') && !result.start.isCertain('weekday')) continue;
    if (!DAY_WORDS.test(words)) continue;
    // A bare weekday is a date only after a cue ("on Friday", "last Monday"); "Friday deploys" is a topic.
    if (
      !/\d/.test(words) &&
      !/\b(?:on|last|this|next|since|before|after|by|until)\s+$/i.test(text.slice(0, result.index)) &&
      !/^(?:last|this|next|on|since)\b/i.test(words)
    )
      continue;
    // "on wed the 25th": chrono reads the weekday alone; the day of the month after it is the date.
    const ordinal = /^\s+the\s+(\d{1,2})(?:st|nd|rd|th)?\b/.exec(
      text.slice(result.index + result.text.length),
    );
    const y = result.start.get('year');
    const m = result.start.get('month');
    const d = result.start.get('day');
    if (y === null || m === null || d === null) continue;
    const day = ordinal
      ? nearestDayOfMonth(Number(ordinal[1]), reference, zone)
      : `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const length = result.text.length + (ordinal?.[0].length ?? 0);
    // "on", "as of" and "at" go with the date; "during the Oct 14 outage" keeps "during the outage".
    const lead = /(?:\b(?:on|as of|at|since)\s+)?$/.exec(text.slice(0, result.index));
    const start = result.index - (lead?.[0].length ?? 0);
    const from = startOfLocalDay(day, zone).toISOString();
    // "what changed about X since monday": from that day up to the as-of time; a weekday ahead of it is last week's.
    if (/^since\b/.test(lead?.[0] ?? '')) {
      const since = Date.parse(from) > Date.parse(reference) && !/\d/.test(words) ? addDays(day, -7) : day;
      return {
        rest: cut(text, start, result.index + length - start),
        phrase: `since ${words}`,
        kind: 'relative',
        at: reference,
        window: { from: startOfLocalDay(since, zone).toISOString(), to: reference },
      };
    }
    const to = startOfLocalDay(nextDate(day), zone).toISOString();
    return {
      rest: cut(text, start, result.index + length - start),
      phrase: words,
      kind: 'date',
      at: new Date(Date.parse(to) - 1).toISOString(),
      window: { from, to },
    };
  }
  return undefined;
}

function cut(text: string, start: number, length: number): string {
  return `${text.slice(0, start)} ${text.slice(start + length)}`.replace(/\s+/g, ' ').trim();
}

/** The date with that day of the month nearest `reference` (this month, the one before or the one after). */
function nearestDayOfMonth(dayOfMonth: number, reference: string, zone: string): string {
  const today = localDate(reference, zone);
  const [year, month] = today.split('-').map(Number);
  const candidates = [-1, 0, 1].map((shift) => {
    const at = new Date(Date.UTC(year, month - 1 + shift, dayOfMonth));
    return at.toISOString().slice(0, 10);
  });
  const distance = (date: string): number => Math.abs(Date.parse(date) - Date.parse(today));
  return candidates.reduce((best, next) => (distance(next) < distance(best) ? next : best));
}
