import type { ResolvedDate } from './due-dates.js';
import { summaryOf } from './action-item-parts.js';

/**
 * "I'll call the customer today and update the claim in TMS by wed", "pls send the storyboard today
 * and book the review call for thursday": one sentence, two pieces of work. The second half must
 * open with a verb of work (after "and", "and I'll", "and then"), so "call the customer and the
 * carrier" stays one.
 */
const SECOND_DEED =
  /,?\s+(?:and|&|\+)\s+(?:(?:i['’]ll|i will|then|also|pls|please)\s+)*(?=(?:update|send|call|email|book|add|fix|write|check|review|post|file|put|make|set up|prep|prepare|finish|draft|share|upload|schedule|order|submit|publish|merge|deploy|ship|open|close|test|run|cancel|confirm|create|print|clean up|pay|sign|invite|forward|attach|install|restart|reply to|follow up|chase|log|record|raise|refund|renew|reset|rotate|move|rebook|reschedule)\b)/i;

/**
 * The unit's text as one or two deeds, each as said (the second without its "and I'll"). Split only
 * when a half names its own day (`hasDay`): "download and install phpmyadmin", "go ahead and put
 * the dvd in" stay one.
 */
export function splitDeeds(text: string, hasDay: (part: string) => boolean): string[] {
  const match = SECOND_DEED.exec(text);
  if (!match || match.index < 12) return [text];
  const first = text.slice(0, match.index).trim();
  const second = text.slice(match.index + match[0].length).trim();
  // "update and send the deck": one deed with two verbs, nothing done to the first; "Add-On Applications" is a name.
  if (second.split(/\s+/).length < 3 || first.split(/\s+/).length < 4 || !/^\p{Ll}+\s/u.test(second))
    return [text];
  if (/\bgo ahead$/i.test(first) || (!hasDay(first) && !hasDay(second))) return [text];
  return [first, second];
}

/**
 * The items a unit makes: one per deed, each summarised and with its own day, or the unit as one
 * (`summary`, no day of its own) when it holds a single deed.
 */
export function deedsOf(
  text: string,
  summary: string,
  dueOf: (part: string) => ResolvedDate | null,
): Array<{ said: string; own: ResolvedDate | null }> {
  const parts = splitDeeds(text, (part) => dueOf(part) !== null);
  return parts.length > 1
    ? parts.map((part) => ({ said: summaryOf(part), own: dueOf(part) }))
    : [{ said: summary, own: null }];
}
