import { MAY_HOLD_DATE } from '../../domain/date-words.js';
import * as chrono from 'chrono-node';
import { startOfLocalDay, wallTime, zoneOffsetMs } from '../../domain/time-zones.js';

export interface ResolvedDate {
  /** `YYYY-MM-DD` in the zone, or a full ISO time when a time of day was given. */
  value: string;
  /** The words it came from ("by Wed", "EOD Friday"). */
  text: string;
  /** Local midnight of that day, as an ISO instant (for valid-from). */
  startOfDay: string;
}

/** Minutes east of UTC of `zone` at `instant` (what chrono takes as its reference zone). */
function offsetMinutes(zone: string, instant: Date): number {
  return Math.round(zoneOffsetMs(instant.getTime(), zone) / 60_000);
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * The local day of `instant` in `zone`: the wall clock is the instant (to the second) plus the
 * zone's offset then, which `zoneOffsetMs` keeps by day; Intl (`wallTime`) is read only for an
 * instant that is not a time (it throws, as before).
 */
function localDay(zone: string, instant: Date): { y: number; m: number; d: number; weekday: number } {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) {
    const { year, month, day } = wallTime(ms, zone);
    return { y: year, m: month, d: day, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() };
  }
  const wall = new Date(Math.floor(ms / 1000) * 1000 + zoneOffsetMs(ms, zone));
  return {
    y: wall.getUTCFullYear(),
    m: wall.getUTCMonth() + 1,
    d: wall.getUTCDate(),
    weekday: wall.getUTCDay(),
  };
}

function midnight(zone: string, y: number, m: number, d: number): string {
  return startOfLocalDay(`${y}-${pad(m)}-${pad(d)}`, zone).toISOString();
}

function addDays(y: number, m: number, d: number, days: number): { y: number; m: number; d: number } {
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** Chat shorthands for days, written out so the date reader knows them ("tmrw", "nxt wk", "weds"). */
const SHORTHANDS: Array<[RegExp, string]> = [
  [/\b(?:tmrw|tmrow|tmmrw|tmw|tmr|tomo|tomoz|2moro|2morrow|2mrw)\b/gi, 'tomorrow'],
  [/\b(?:nxt|nex)\s+(?:wk|week)\b|\bnext\s+wk\b/gi, 'next week'],
  [/\b(this|end of)\s+wk\b/gi, '$1 week'],
  [/\bweds\b/gi, 'wednesday'],
  [/\bthurs?\b/gi, 'thursday'],
  [/\btues\b/gi, 'tuesday'],
  [/\beom\b/gi, 'end of month'],
  [/\bb4\b/gi, 'before'],
  // "by wendesday", "thrusday": a weekday misspelt by a letter or two.
  [/\bwen(?:d|s)?n?e?s?day\b|\bwednsday\b/gi, 'wednesday'],
  [/\bthr?usday\b|\bthursdy\b/gi, 'thursday'],
  [/\btusday\b|\btuseday\b/gi, 'tuesday'],
  [/\bfirday\b|\bfrdiay\b/gi, 'friday'],
];
const MAY_BE_SHORTHAND = /\b(?:tm|tomo|2m|nxt|nex|wk|weds|thur|thr|tues|tus|eom|b4|wen|wedn|fir|frd)/i;

function spelledOut(sentence: string): string {
  if (!MAY_BE_SHORTHAND.test(sentence)) return sentence;
  let out = sentence;
  for (const [pattern, full] of SHORTHANDS) out = out.replace(pattern, full);
  return out;
}

const COUNTS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  'a couple of': 2,
  'a couple': 2,
  'couple of': 2,
  'a few': 3,
  few: 3,
};
/** "in two weeks", "within 48 hours", "in 3 business days": a span from the message day. */
const IN_SPAN =
  /\b(?:in|within)\s+(?:the next\s+)?(a couple of|a couple|couple of|a few|few|a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})\s+(hours?|days?|weeks?|business days?|working days?)\b/i;
/** "end of next week", "late next week": that week's Friday; "over the weekend": its Sunday. */
const NEXT_WEEK_END = /\b(?:end of next week|(?:late|later) next week)\b/i;
const WEEKEND = /\b(?:over|during) the weekend\b|\bthis weekend\b/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** "by mid-December": the 15th. */
const MID_MONTH = /\bmid[- ](jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/i;
/** "sometime this week", "later this week": its Friday, like "end of week". */
const THIS_WEEK = /\b(eow|end of (?:the )?week|(?:sometime|later|some time) this week)\b/i;

function spanDays(count: number, unit: string, weekday: number): number {
  if (/^hour/i.test(unit)) return Math.ceil(count / 24);
  if (/^week/i.test(unit)) return count * 7;
  if (!/business|working/i.test(unit)) return count;
  // Working days skip Saturdays and Sundays.
  let days = 0;
  for (let left = count, day = weekday; left > 0;) {
    days++;
    day = (day + 1) % 7;
    if (day !== 0 && day !== 6) left--;
  }
  return days;
}

const DUE_CUE =
  /\b(by|before|until|till|due|on|eod|end of day|cob|eow|end of (?:the )?(?:week|month)|this|next|tomorrow|tonight|today|asap)\b/i;
const WEEKDAY =
  /^(?:by |before |on |until |till |eod |end of day |cob )?(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?$/i;

/**
 * The due date a sentence gives, resolved against the message time in `zone`: "by Wed", "EOD
 * Friday", "tomorrow", "next week" (its Monday), "by the 18th", "before then" is not a date.
 * A bare weekday means the next such day after the message day ("by Monday" said on Monday = in a week).
 */
export function resolveDue(said: string, messageTs: string, zone: string): ResolvedDate | null {
  const sentence = spelledOut(said);
  const instant = new Date(messageTs);
  const today = localDay(zone, instant);
  const make = (day: { y: number; m: number; d: number }, text: string, time?: string): ResolvedDate => {
    const date = `${day.y}-${pad(day.m)}-${pad(day.d)}`;
    return {
      value: time ? `${date}T${time}` : date,
      text: text.trim(),
      startOfDay: midnight(zone, day.y, day.m, day.d),
    };
  };
  if (
    /\b(eod|end of (the )?day|cob|eob|close of business|end of business|by noon|(?:after|before|by) lunch(?:time)?|tonight|this afternoon|this evening|today)\b/i.test(
      sentence,
    ) &&
    !/\b(mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\b|tomorrow/i.test(sentence)
  ) {
    const text =
      /\b(eod|end of (the )?day|cob|eob|close of business|end of business|by noon|(?:after|before|by) lunch(?:time)?|tonight|this afternoon|this evening|today)\b/i.exec(
        sentence,
      )?.[0] ?? 'today';
    return make(today, text);
  }
  const nextWeekEnd = NEXT_WEEK_END.exec(sentence);
  if (nextWeekEnd)
    return make(addDays(today.y, today.m, today.d, ((8 - today.weekday) % 7 || 7) + 4), nextWeekEnd[0]);
  const weekend = WEEKEND.exec(sentence);
  if (weekend) return make(addDays(today.y, today.m, today.d, (7 - today.weekday) % 7 || 7), weekend[0]);
  const thisWeek = THIS_WEEK.exec(sentence);
  if (thisWeek) return make(addDays(today.y, today.m, today.d, (5 - today.weekday + 7) % 7), thisWeek[0]);
  const span = IN_SPAN.exec(sentence);
  if (span) {
    const count = COUNTS[span[1].toLowerCase()] ?? Number(span[1]);
    return make(addDays(today.y, today.m, today.d, spanDays(count, span[2], today.weekday)), span[0]);
  }
  const mid = MID_MONTH.exec(sentence);
  if (mid) {
    const month = MONTHS.indexOf(mid[1].toLowerCase()) + 1;
    const passed = month < today.m || (month === today.m && today.d > 15);
    return make({ y: passed ? today.y + 1 : today.y, m: month, d: 15 }, mid[0]);
  }
  const results = MAY_HOLD_DATE.test(sentence)
    ? chrono.parse(sentence, { instant, timezone: offsetMinutes(zone, instant) }, { forwardDate: true })
    : [];
  for (const result of results) {
    const text = result.text;
    if (/^(now|right now|just now|soon)$/i.test(text.trim())) continue;
    // "when you have 5 minutes": a length of time, not a day ("in 2 hours" is read above).
    if (/^\d+\s*(?:min|mins|minutes?|secs?|seconds?|hours?|hrs?)$/i.test(text.trim())) continue;
    const before = sentence.slice(Math.max(0, result.index - 12), result.index);
    const cue = `${before} ${text}`;
    if (!DUE_CUE.test(cue) && !/^\s*(the )?\d/.test(text) && !/^(mon|tue|wed|thu|fri|sat|sun)/i.test(text))
      continue;
    // "the 2nd" in "renewal call on the 2nd" is fine; years and times alone are not due dates.
    if (
      !result.start.isCertain('day') &&
      !result.start.isCertain('weekday') &&
      !/week|month|tomorrow/i.test(text)
    )
      continue;
    let day = {
      y: result.start.get('year') ?? today.y,
      m: result.start.get('month') ?? today.m,
      d: result.start.get('day') ?? today.d,
    };
    const isToday = day.m === today.m && day.d === today.d;
    // "9 Nov" written on 9 Nov after noon: chrono's forward date moves it a year on; it is today.
    if (isToday && !result.start.isCertain('year')) day = { ...day, y: today.y };
    // "Notes 9 Nov:" on 9 Nov: the date the notes are of, not a day anything is due.
    if (
      isToday &&
      day.y === today.y &&
      result.start.isCertain('month') &&
      result.start.isCertain('day') &&
      !DUE_CUE.test(before)
    )
      continue;
    const bareWeekday =
      WEEKDAY.test(text.trim()) || (result.start.isCertain('weekday') && !result.start.isCertain('day'));
    const sameOrPast = Date.UTC(day.y, day.m - 1, day.d) <= Date.UTC(today.y, today.m - 1, today.d);
    if (bareWeekday && sameOrPast) day = addDays(day.y, day.m, day.d, 7);
    if (/next week/i.test(text)) {
      const monday = addDays(today.y, today.m, today.d, (8 - today.weekday) % 7 || 7);
      // "Tuesday next week": that day of next week, not its Monday.
      const named = /\b(mon|tue|wed|thu|fri|sat|sun)/i.exec(text)?.[1].toLowerCase();
      const offset = named ? ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].indexOf(named) : 0;
      day = addDays(monday.y, monday.m, monday.d, offset);
    }
    const prefix =
      /\b(by|before|until|till|due|on|eod|end of day|from|starting)\s+$/i.exec(before)?.[0] ?? '';
    return make(day, `${prefix}${text}`);
  }
  const ordinal = /\b(by|before|on|until|till|due)?\s*(?:the )?(\d{1,2})(st|nd|rd|th)\b/i.exec(sentence);
  if (ordinal && Number(ordinal[2]) >= 1 && Number(ordinal[2]) <= 31) {
    const d = Number(ordinal[2]);
    // "by the 18th": this month's 18th, or next month's when it has passed.
    const day =
      d >= today.d
        ? { y: today.y, m: today.m, d }
        : { y: today.m === 12 ? today.y + 1 : today.y, m: today.m === 12 ? 1 : today.m + 1, d };
    return make(day, ordinal[0]);
  }
  return null;
}
