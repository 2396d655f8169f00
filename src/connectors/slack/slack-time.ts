/**
 * Slack `ts` to ISO time, fast: every message needs one, and `Date#toISOString` is a measurable
 * share of a large ingest. Gives exactly what `slackTsToIso` (domain/time.ts) gives — the same
 * rounding to milliseconds — but formats times within the last-seen UTC day by integer arithmetic.
 */

const DAY_MS = 86_400_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
/** Past year 9999 Date writes a signed six-digit year: left to Date's own formatting. */
const MAX_FAST_MS = Date.UTC(9999, 11, 31);

let dayStart = -1;
let dayPrefix = '';

/** ISO time of a Slack ts (string or number), or undefined when it is not a positive time. */
export function slackTimeToIso(ts: unknown): string | undefined {
  if (typeof ts !== 'string' && typeof ts !== 'number') return undefined;
  const seconds = Number(ts);
  if (!Number.isFinite(seconds) || seconds <= 0) return undefined;
  const ms = Math.round(seconds * 1000);
  if (ms > MAX_FAST_MS) return new Date(ms).toISOString();
  let offset = ms - dayStart;
  if (dayStart < 0 || offset < 0 || offset >= DAY_MS) {
    dayStart = ms - (ms % DAY_MS);
    dayPrefix = new Date(dayStart).toISOString().slice(0, 11);
    offset = ms - dayStart;
  }
  const millis = offset % 1000;
  const totalSeconds = (offset - millis) / 1000;
  const secs = totalSeconds % 60;
  const totalMinutes = (totalSeconds - secs) / 60;
  const minutes = totalMinutes % 60;
  const hours = (totalMinutes - minutes) / 60;
  return `${dayPrefix}${TWO_DIGITS[hours]}:${TWO_DIGITS[minutes]}:${TWO_DIGITS[secs]}.${THREE_DIGITS[millis]}Z`;
}
