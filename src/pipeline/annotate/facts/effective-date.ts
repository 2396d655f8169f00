import type { AnnotateContext, ReadMessage } from '../annotate-context.js';
import { resolveDue, type ResolvedDate } from '../due-dates.js';

const START_CUE = /\b(?:from|starting|as of|effective|beginning|since)\b.{0,40}/i;
/** "until Friday", "through Nov 20", "till end of month": the last day of a holding. */
const END_CUE =
  /\b(?:until|till|til|through|thru|up to and including)\s+(?!\d{1,2}[:.]\d{2}|\d{1,2}\s?(?:am|pm)\b).{0,40}/i;
/** "my last day on billing (today|Friday)", "last day on the search indexer today". */
const LAST_DAY = /\blast day\b(.{0,60})/i;

/**
 * A date in a time phrase, read at the message's time in the reader's zone: the cue word is read
 * as "on" ("as of Nov 3", "through the 20th"), so every cue reads a date the way a due date is read.
 * A clock time alone ("until 17:00") is no day.
 */
function dayOf(phrase: string, ts: string, zone: string): ResolvedDate | undefined {
  const said = phrase.replace(
    /^(?:from|starting|as of|effective|beginning|since|until|till|til|through|thru|up to and including)\b\s*/i,
    'on ',
  );
  const when = resolveDue(said, ts, zone);
  return when && !when.value.includes('T') ? when : undefined;
}

/** The instant a day ends in `zone`: the start of the next local day. */
function endOf(day: ResolvedDate, ts: string, zone: string): string | undefined {
  const [y, m, d] = day.value.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  return resolveDue(`on ${next}`, ts, zone)?.startOfDay;
}

/**
 * When a fact said in `read` starts to hold: a handover's effective day ("from Monday", "starting
 * the 16th", "as of Oct 19") in the clause, else (unless `clauseOnly`) anywhere in the message;
 * "since Monday" looks back;
 * else ("from now on", no date) the message time.
 */
export function effectiveDate(
  context: AnnotateContext,
  read: ReadMessage,
  clause: string,
  clauseOnly = false,
): string {
  const zone = context.input.timezone;
  const ts = read.message.ts;
  const cued = (text: string): string | undefined => {
    const match = START_CUE.exec(text);
    if (!match) return undefined;
    const when = dayOf(match[0], ts, zone);
    if (!when) return undefined;
    // "since Monday" looks back: the weekday before the message, not after it.
    if (/^since\b/i.test(match[0]))
      return when.startOfDay > ts
        ? new Date(Date.parse(when.startOfDay) - 7 * 86_400_000).toISOString()
        : when.startOfDay;
    return when.startOfDay > ts ? when.startOfDay : undefined;
  };
  return cued(clause) ?? (clauseOnly ? undefined : cued(read.text)) ?? ts;
}

/**
 * When a fact said in `clause` stops holding, if the clause says: the end of the day an "until
 * Friday" / "through Nov 20" names, or of the day a "last day on X" is (today when it names none).
 * Undefined when it says no end, or names a day already past.
 */
export function effectiveEnd(
  context: AnnotateContext,
  read: ReadMessage,
  clause: string,
): string | undefined {
  const zone = context.input.timezone;
  const ts = read.message.ts;
  const last = LAST_DAY.exec(clause);
  const until = END_CUE.exec(clause);
  const day = last
    ? (dayOf(`on ${last[1]}`, ts, zone) ?? dayOf('today', ts, zone))
    : until
      ? dayOf(until[0], ts, zone)
      : undefined;
  const end = day ? endOf(day, ts, zone) : undefined;
  return end && end > ts ? end : undefined;
}
