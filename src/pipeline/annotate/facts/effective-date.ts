import type { AnnotateContext, ReadMessage } from '../annotate-context.js';
import { resolveDue } from '../due-dates.js';

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
    const match = /\b(?:from|starting|as of|effective|beginning|since)\b.{0,40}/i.exec(text);
    if (!match) return undefined;
    const when = resolveDue(match[0], ts, zone);
    if (!when) return undefined;
    // "since Monday" looks back: the weekday before the message, not after it.
    if (/^since\b/i.test(match[0]))
      return when.startOfDay > ts
        ? new Date(Date.parse(when.startOfDay) - 7 * 86_400_000).toISOString()
        : when.startOfDay;
    return when.startOfDay > ts ? when.startOfDay : undefined;
  };
  return cued(clause) ?? (clauseOnly ? undefined : cued(read.sentences.join(' '))) ?? ts;
}
