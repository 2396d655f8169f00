import type { ParsedResult } from 'chrono-node';
import { MAY_HOLD_DATE } from '../../../domain/date-words.js';
import { MONTH_NAMES } from '../../../domain/time-zones.js';
import { chrono } from '../lazy-chrono.js';

/** A piece of a sentence that is the kind of thing a question asks for: a date, an amount, a person. */
export interface TypedSpan {
  text: string;
  index: number;
}

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
/** "Nov 9–13", "9-13 Nov": chrono reads only the first day of these. */
const DAY_RANGE = new RegExp(
  `\\b${MONTH} \\d{1,2}(?:st|nd|rd|th)?\\s*(?:[–—-]|to|through)\\s*(?:${MONTH} )?\\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{1,2}\\s*[–—-]\\s*\\d{1,2} ${MONTH}`,
  'gi',
);
const WEEKDAY = /\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday)?\.?$/i;
const MOVED =
  /\b(?:mov(?:e|es|ed|ing)|push(?:es|ed|ing)?|slip(?:s|ped|ping)?|shift(?:s|ed|ing)?|postpon\w*|reschedul\w*|bump(?:s|ed)?|delay(?:s|ed)?|chang(?:e|es|ed|ing))\b/i;
const RELEASE_WHEN =
  /\b(?:in|with|until|till|after)\s+(?:the\s+)?(?:v(?=\d)|version\s+|release\s+|build\s+)?\d+\.\d+(?:\.\d+)?\b(?!\s*(?:%|x\b|h\b|hours?|days?|weeks?|months?|min(?:ute)?s?|secs?|seconds?|ms\b|s\b|[kmg]b\b|k\b|percent))|\bv\d+(?:\.\d+)+\b|\b(?:in|by|until|till|during)\s+(?:early\s+|late\s+|mid[- ])?q[1-4](?:\s+\d{4})?\b|\b(?:in|during|by)\s+(?:the\s+)?(?:next|this|following)\s+(?:sprint|release|quarter)\b/gi;
/** Words chrono reads as times that in chat are rarely one. */
const NOT_TIMES =
  /^(?:now|today|tonight|a sec(?:ond)?|second|sun|may|march|mar|fri|sat|noon|later|soon)$|^in (?:a|the) (?:sec|secs|min|mins|hr|hrs)$/i;

/**
 * The dates and times a sentence states, read against the time it was written: "Nov 9–13",
 * "Monday the 2nd", "Oct 30", "next Thursday", "2026-11-02". Bare words ("now", "today") are not
 * dates an answer can give.
 */
export function timeSpans(sentence: string, writtenAt: string): TypedSpan[] {
  const spans: TypedSpan[] = [];
  const covered: TypedSpan[] = [];
  for (const match of sentence.matchAll(DAY_RANGE)) {
    covered.push({ text: match[0], index: match.index });
    // "the go-live moves from Mar 3 to Mar 10" is a change of date, not a range: the new date is the answer.
    const moved = /\bfrom\s*$/i.test(sentence.slice(0, match.index)) && MOVED.test(sentence);
    const to = moved ? /\s(?:to|through|[–—-])\s*/i.exec(match[0]) : null;
    if (to) {
      const start = to.index + to[0].length;
      spans.push({ text: match[0].slice(start), index: match.index + start });
    } else spans.push({ text: match[0], index: match.index });
  }
  // "ships in 2.14", "lands in Q1", "in the next sprint": a release or a quarter is when, too.
  for (const match of sentence.matchAll(RELEASE_WHEN)) {
    covered.push({ text: match[0], index: match.index });
    spans.push({ text: match[0], index: match.index });
  }
  let results: ParsedResult[] = [];
  try {
    // A sentence with no word chrono could read as a date is not handed to it (~0.3 ms a sentence).
    if (MAY_HOLD_DATE.test(sentence))
      results = chrono().parse(sentence, new Date(writtenAt), { forwardDate: true });
  } catch {
    results = [];
  }
  for (const found of results) {
    // chrono's forward dating moves "last Friday" to the next one: a day said to be past is read back.
    const result = PAST_DAY.test(found.text) ? (pastReading(found, writtenAt) ?? found) : found;
    const words = result.text.trim();
    // "live for 2 weeks" is a duration, not a date.
    if (
      NOT_TIMES.test(words) ||
      // "< 1 min lag", "2 hours": a length of time, not when.
      /^\d+\s*(?:min|mins|minutes?|secs?|seconds?|hrs?|hours?|ms)$/i.test(words) ||
      /^for\s+(?:\d+|a|an|one|two|three|a few|several)\s+(?:days?|weeks?|months?|hours?)$/i.test(words)
    )
      continue;
    if (
      !result.start.isCertain('day') &&
      !result.start.isCertain('weekday') &&
      !result.start.isCertain('month')
    )
      continue;
    if (covered.some((span) => result.index >= span.index && result.index < span.index + span.text.length))
      continue;
    // "Thursday 29th": chrono reads the weekday alone; the day of the month is the date.
    const day = /^(?:\s+the)?\s+\d{1,2}(?:st|nd|rd|th)?\b/.exec(sentence.slice(result.index + words.length));
    const text = day && WEEKDAY.test(words) ? words + day[0] : words;
    // "Tue", "next Thursday", "tomorrow": the day it meant, read against when it was written.
    const named = NAMES_A_DAY.test(text);
    spans.push({ text: named ? text : `${text} (${monthDay(result.start.date())})`, index: result.index });
  }
  return spans.sort((a, b) => a.index - b.index);
}

const PAST_DAY = /\b(?:last|past|previous)\b/i;

function pastReading(found: ParsedResult, writtenAt: string): ParsedResult | undefined {
  try {
    const back = chrono().parse(found.text, new Date(writtenAt))[0];
    return back ? Object.assign(back, { index: found.index }) : undefined;
  } catch {
    return undefined;
  }
}

/** A span that says its own day: a month name, an ordinal, a numeric date. */
const NAMES_A_DAY = new RegExp(
  `\\b${MONTH}(?!\\w)|\\b\\d{1,2}(?:st|nd|rd|th)\\b|\\d{4}-\\d{2}-\\d{2}|\\b\\d{1,2}[/.]\\d{1,2}\\b`,
  'i',
);
function monthDay(date: Date): string {
  return `${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

const MONEY =
  /(?:[$€£]\s?\d(?:[\d,]*\d)?(?:\.\d+)?(?:\s?(?:k|m|bn|million|thousand)\b)?|\b\d(?:[\d,]*\d)?(?:\.\d+)?\s?(?:k\b|usd|eur|gbp|dollars|euros|pounds))/gi;
const QUANTITY =
  /(?:[$€£~]?\s?\b\d(?:[\d,]*\d)?(?:\.\d+)?\s?(?:%|percent\b|k\b|usd|eur|dollars|euros|ms\b|s\b|secs?\b|seconds?\b|mins?\b|minutes?\b|h\b|hrs?\b|hours?\b|days?\b|weeks?\b|months?\b|years?\b|agencies\b|riders?\b|terminals?\b|trips?\b|refunds?\b)?)/gi;

/** Amounts a sentence states: money only (`money`), or any number that is not part of a date, time or id. */
export function numberSpans(sentence: string, money: boolean, writtenAt: string): TypedSpan[] {
  const dates = timeSpans(sentence, writtenAt);
  const inDate = (index: number): boolean =>
    dates.some((span) => index >= span.index && index < span.index + span.text.length);
  const spans: TypedSpan[] = [];
  for (const match of sentence.matchAll(money ? MONEY : QUANTITY)) {
    const text = match[0].trim();
    const at = match.index + match[0].indexOf(text);
    if (!/\d/.test(text) || inDate(at)) continue;
    // Part of an identifier (OPS-1234, v4.2.1) or a clock time (09:00).
    const before = sentence[at - 1] ?? ' ';
    const after = sentence[at + text.length] ?? ' ';
    if (/[\p{L}_:-]/u.test(before) || /[\p{L}_:]/u.test(after)) continue;
    spans.push({ text, index: at });
  }
  return spans;
}

/**
 * True when a statement is tentative: a proposal, a draft, a question, an estimate, a hedge. An
 * amount or a date in such a sentence is not a fact ("maybe ~10% as a draft?").
 */
export function isTentative(sentence: string): boolean {
  return (
    /\?\s*$/.test(sentence.trim()) ||
    /(?:^|\s)~\s?\d|\b(?:maybe|perhaps|might|could we|should we|what if|how about|thinking (?:of|about)|floated?|floating|draft|proposal|propose|proposing|suggest|suggesting|roughly|ballpark|tbd|not sure|no idea|i think|i guess|probably|unconfirmed|pending|considering|planning to|plans? to|hoping to|hope to|aiming (?:for|to)|tentative(?:ly)?)\b/i.test(
      sentence,
    )
  );
}

/**
 * Wording that gives a cause: "root cause", "because", "caused by", "due to", "was that", and the
 * events that usually break things ("the vendor rotated our token", "the cert expired").
 */
export const REASON_CUES =
  /\b(?:root cause|cause[ds]?|because|due to|caused by|the reason|was that|turned out|turns out|triggered by|led to|so that|resulted? in|found why|figured out why|that's why|which is why|the (?:problem|issue|bug|culprit) (?:is|was)|expired|rotated|revoked|ran out of|misconfigured|timed out|rate[- ]limited|(?:after|since) (?:we|they|the|our|their|someone) \w+ed|fixed (?:the|a|an|our|their)|the fix (?:is|was)|(?:after|since) (?:last |the |that |this |yesterday['’]?s? )?(?:\w+['’]s )?(?:mess|incident|outage|fiasco|disaster|failure|crash|meltdown|rollback|fire)s?)\b/i;

/**
 * A cause stated, not only named: "root cause: a duplicated field", "the cause was …", "because …".
 * "who found the root cause in minutes" names a cause and gives none.
 */
export const STATED_REASON =
  /\b(?:(?:root )?cause[ds]?\s*(?::|was\b|were\b|is\b)|because\b|due to\b|caused by\b|the reason (?:was|is)\b|turned out\b|turns out\b|was that\b|resulted? in\b|led to\b|(?:found|figured out|worked out|know) why\b[^:]*:|the (?:problem|issue|bug|culprit) (?:is|was)\b)/i;

/** Wording that states a state or an outcome. */
export const STATUS_CUES =
  /\b(?:done|finished|completed|shipped|sent|processed|issued|paid|refunded|pending|open|remaining|left|still|blocked|waiting|in progress|on track|delayed|live|merged|signed|approved|so far|out of|of the)\b/i;

/** Wording that approves or decides. */
export const DECISION_CUES =
  /\b(?:approved?|approving|decided|decision|agreed|going with|we'll go|let's go|signed off|sign-off|ok(?:ay)? to|green ?light|confirmed|final)\b/i;

/** Wording that says something holds something up. */
/** A statement that something changed: a date replaced ("(was Oct 30)"), moved, slipped, reversed. */
export const CHANGE_CUES =
  /\(was\b|\bwas\s+(?:\w+\s+)?\d|\b(?:moved?|moving|slips?|slipped|pushed|postponed|delayed|rescheduled|changed?|instead|after all|no longer|anymore)\b/i;

export const BLOCKER_CUES =
  /\b(?:block(?:ed|ing|er)?|waiting (?:on|for)|until|stuck|can't|cannot|can ?not|won't|need(?:s|ed)? (?:to|the)|pending|hold(?:ing)? up|on hold|depends on|dependent on|before (?:we|they|it|you) can|once (?:the|it|that|this|we|they|you)|as soon as|without (?:it|this|that|the|a|an|their|our|your)|only after|not until|gated on|held up)\b/i;
