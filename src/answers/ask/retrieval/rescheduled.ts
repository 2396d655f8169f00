import { MONTH_NAMES } from '../../../domain/time-zones.js';
import type { QuestionFrame } from './question-frame.js';
import type { Passage } from './rank-passages.js';
import { timeSpans } from './typed-spans.js';

const MONTHS = MONTH_NAMES.map((name) => name.toLowerCase());
const MONTH = String.raw`(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?`;
const MONTH_DAY = new RegExp(
  String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?\b|\b(\d{1,2})(?:st|nd|rd|th)?\s+${MONTH}`,
  'i',
);

/** "Fri Oct 30", "30 October", "oct 30th" → "10-30"; null when the text names no month and day. */
export function monthDayOf(text: string): string | null {
  const found = MONTH_DAY.exec(text);
  if (!found) return null;
  const month = (found[1] ?? found[4]).toLowerCase().slice(0, 3);
  const day = Number(found[2] ?? found[3]);
  return `${MONTHS.indexOf(month) + 1}-${day}`;
}

/** Says the date before it was the old one: "(was Oct 30)", "moved from Oct 30", "instead of Oct 30". */
const WAS_BEFORE = /(?:\(|\b)(?:was|from|instead of|not)\s+(?:\w+\s+)?$/i;

/**
 * "the rollout lands Dec 4 (was Nov 20)": for a date, a later sentence among the retrieved ones
 * that names the chosen date as the one replaced gives the new date, however few of the question's
 * words it repeats. The chosen passage otherwise.
 */
export function rescheduled(frame: QuestionFrame, chosen: Passage, passages: readonly Passage[]): Passage {
  const old = frame.type === 'time' && chosen.span ? monthDayOf(chosen.span.text) : null;
  if (!old) return chosen;
  // Only a sentence that writes the old date after "was" or "from" is read for dates (chrono is slow).
  const [month, day] = old.split('-');
  const name = MONTHS[Number(month) - 1];
  const saysOld = new RegExp(
    String.raw`(?:\(|\b)(?:was|from|instead of|not)\s+(?:\w+\s+)?(?:${name}[a-z]*\.?\s+${day}(?!\d)|${day}(?:st|nd|rd|th)?\s+${name})`,
    'i',
  );
  const later = passages
    .filter((passage) => passage.hit.at > chosen.hit.at && saysOld.test(passage.sentence))
    .sort((a, b) => (a.hit.at < b.hit.at ? 1 : -1));
  for (const passage of later) {
    const spans = timeSpans(passage.sentence, passage.hit.at);
    const replaced = spans.some(
      (span) => monthDayOf(span.text) === old && WAS_BEFORE.test(passage.sentence.slice(0, span.index)),
    );
    if (!replaced) continue;
    const now = spans.find((span) => {
      const day = monthDayOf(span.text);
      return day !== null && day !== old;
    });
    if (now) return { ...passage, span: now };
  }
  return chosen;
}
