import * as chrono from 'chrono-node';
import {
  addDays,
  localDate,
  nextDate,
  startOfLocalDay,
  weekday,
  zoneOffsetMs,
} from '../../domain/time-zones.js';
import { ON_CALL_BACKUP_ROTATION, ON_CALL_ROTATION } from '../../domain/annotations.js';
import type { AnnotatedFact } from './annotate-types.js';
import { itemId, type AnnotateContext, type ReadMessage } from './annotate-context.js';
import { HEDGE_CUES } from './lexicon/cues.js';

/** A statement about who holds the pager: "on-call this week: X (primary) · Y (secondary)", "X has the pager from Tue 08:00". */
const ON_CALL =
  /\b(?:on[- ]?call|on duty|(?:has|have|holds?|holding|takes?|taking|got) the pager|pager duty|rota(?:tion)?)\b/i;
const BACKUP = /\b(?:secondary|backup|back-up|shadow(?:ing)?|second)\b/i;
const PRIMARY = /\b(?:primary|main|first)\b/i;
const FIRST_PERSON = /\b(?:i|i'm|im|i am|i've|me)\b/i;
/** "Oct 19–25", "19-25 Oct", "October 19 to 25". */
const DAY_RANGE =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? (\d{1,2})\s*(?:[–—-]|to|through|until)\s*(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? )?(\d{1,2})\b|\b(\d{1,2})\s*(?:[–—-]|to)\s*(\d{1,2}) (jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

interface Span {
  from: string;
  to: string | null;
}

/**
 * On-call and rotation statements as facts in time (relation `on_call`, subject the person, object
 * the rotation): bot posts ("On-call this week: *X* (primary) · *Y* (secondary)") and people
 * ("Mateo takes the pager from Tue 08:00", "I'm on call Oct 19–25"). The span comes from the
 * statement: "this week" (Monday to Monday in the conversation's zone), "next week", "today",
 * "from <time>", "until <day>", a day range; else from the message on, until the next holder.
 * Backups ("secondary", "backup") hold their own rotation. Hedged wording lowers the confidence.
 */
export function extractSchedule(context: AnnotateContext): AnnotatedFact[] {
  const facts: AnnotatedFact[] = [];
  for (const read of context.messages) {
    const text = read.message.text;
    if (!ON_CALL.test(text)) continue;
    for (const sentence of statements(read)) {
      if (!ON_CALL.test(sentence) || /\?\s*$/.test(sentence) || /\b(?:who|whoever|anyone)\b/i.test(sentence))
        continue;
      const hedged = HEDGE_CUES.some((cue) => cue.test(sentence));
      for (const { key, backup, clause } of holders(context, read, sentence)) {
        // "Marco is on call this week, Priya next week": each holder's own words say their span.
        const span = spanOf(
          SAYS_WHEN.test(clause) ? clause : sentence,
          read.message.ts,
          context.input.timezone,
        );
        const object = backup ? ON_CALL_BACKUP_ROTATION : ON_CALL_ROTATION;
        facts.push({
          id: itemId(context.input, read.message.id, `fact:on_call:${key}:${object}`, span.from),
          subject: key,
          relation: 'on_call',
          object,
          validFrom: span.from,
          ...(span.to ? { validTo: span.to } : {}),
          hedged,
          evidence: [read.message.id],
          confidence: hedged ? 0.4 : read.isBot ? 0.9 : 0.8,
        });
      }
    }
  }
  return facts;
}

/** The message's sentences; a bot post (no units) is read line by line. */
function statements(read: ReadMessage): string[] {
  if (read.sentences.length > 0) return read.sentences;
  return read.message.text
    .split(/\n+|(?<=[.!])\s+(?=[A-Z])/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** Who a statement puts on call, in order, each marked when they are the backup. */
function holders(
  context: AnnotateContext,
  read: ReadMessage,
  sentence: string,
): Array<{ key: string; backup: boolean; clause: string }> {
  const out: Array<{ key: string; backup: boolean; clause: string }> = [];
  const named = context.people.namedIn(sentence.replace(/[*_~]/g, ' '));
  const clean = sentence.replace(/[*_~]/g, ' ');
  named.forEach((hit, index) => {
    if (out.some((holder) => holder.key === hit.key)) return;
    // "Mateo has the pager, Priya is out": only names before the next name's clause count their role.
    const end = index + 1 < named.length ? named[index + 1].index : clean.length;
    const around = clean.slice(hit.index, end);
    // "not Priya", "instead of Priya", "Priya is out / off / away": not on call.
    const before = clean.slice(Math.max(0, hit.index - 14), hit.index);
    if (/\b(?:not|instead of|except|without)\s+$/i.test(before)) return;
    if (/^\S+(?:\s+\S+)?\s+(?:is|'s)\s+(?:out|off|away|on leave|on vacation)\b/i.test(around)) return;
    out.push({ key: hit.key, backup: BACKUP.test(around) && !PRIMARY.test(around), clause: around });
  });
  if (
    out.length === 0 &&
    !read.isBot &&
    FIRST_PERSON.test(sentence) &&
    !/\bi(?:'m| am) (?:out|off)\b/i.test(sentence)
  )
    out.push({ key: read.message.author, backup: BACKUP.test(sentence), clause: sentence });
  return out;
}

/** Words that give a span of their own. */
const SAYS_WHEN =
  /\b(?:this week|next week|week of|today|tonight|this weekend|from|starting|as of|beginning|effective|until|till|through|thru)\b|\d{1,2}\s*[–-]\s*\d{1,2}/i;

/** The span a statement gives, resolved against the message time in `zone`. */
function spanOf(sentence: string, ts: string, zone: string): Span {
  const today = localDate(ts, zone);
  const day = (date: string): string => startOfLocalDay(date, zone).toISOString();
  const monday = addDays(today, -((weekday(today) + 6) % 7));
  const range = DAY_RANGE.exec(sentence);
  if (range) {
    const year = Number(today.slice(0, 4));
    const month = (name: string | undefined): number =>
      MONTHS.indexOf((name ?? '').slice(0, 3).toLowerCase()) + 1;
    const [m1, d1, m2, d2] = range[1]
      ? [month(range[1]), Number(range[2]), month(range[3] ?? range[1]), Number(range[4])]
      : [month(range[7]), Number(range[5]), month(range[7]), Number(range[6])];
    if (m1 > 0 && m2 > 0 && d1 >= 1 && d1 <= 31 && d2 >= 1 && d2 <= 31) {
      const first = `${year}-${String(m1).padStart(2, '0')}-${String(d1).padStart(2, '0')}`;
      const last = `${m2 < m1 ? year + 1 : year}-${String(m2).padStart(2, '0')}-${String(d2).padStart(2, '0')}`;
      return { from: day(first), to: day(nextDate(last)) };
    }
  }
  const from = cuedTime(sentence, /\b(?:from|starting|as of|beginning|effective)\b/i, ts, zone);
  const until = cuedTime(sentence, /\b(?:until|till|through|thru|to)\b/i, ts, zone);
  if (/\bnext week\b/i.test(sentence)) {
    const next = addDays(monday, 7);
    return { from: from ?? day(next), to: until ?? day(addDays(next, 7)) };
  }
  if (/\bthis week\b|\bweek of\b/i.test(sentence))
    return { from: from ?? day(monday), to: until ?? day(addDays(monday, 7)) };
  if (/\b(?:today|tonight)\b/i.test(sentence))
    return { from: from ?? day(today), to: until ?? day(nextDate(today)) };
  if (/\bthis weekend\b/i.test(sentence)) {
    const saturday = addDays(monday, 5);
    return { from: from ?? day(saturday), to: until ?? day(addDays(monday, 7)) };
  }
  return { from: from ?? ts, to: until ?? null };
}

/** The time after a cue word ("from Mon 09:00", "until Friday"): an instant; a day without a time starts (from) or ends (until) there. */
function cuedTime(sentence: string, cue: RegExp, ts: string, zone: string): string | undefined {
  const match = cue.exec(sentence);
  if (!match) return undefined;
  const after = sentence.slice(match.index + match[0].length, match.index + match[0].length + 40);
  const instant = new Date(ts);
  const [result] = chrono.parse(
    after,
    { instant, timezone: Math.round(zoneOffsetMs(instant.getTime(), zone) / 60_000) },
    { forwardDate: true },
  );
  if (!result || result.index > 3) return undefined;
  if (!result.start.isCertain('day') && !result.start.isCertain('weekday') && !result.start.isCertain('hour'))
    return undefined;
  if (result.start.isCertain('hour')) return result.start.date().toISOString();
  const date = localDate(result.start.date().getTime(), zone);
  const isUntil = !/from|start|as of|begin|effective/i.test(match[0]);
  return startOfLocalDay(isUntil ? nextDate(date) : date, zone).toISOString();
}
