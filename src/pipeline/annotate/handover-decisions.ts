import { itemId, type AnnotateContext, type ReadMessage } from './annotate-context.js';
import type { AnnotatedDecision, AnnotatedFact } from './annotate-types.js';
import { messageById } from './message-index.js';

/** Words that say a responsibility changes hands. */
const HANDOVER =
  /\b(?:takes? over|taking over|is moving to|moves to|moving (?:over )?to|hands? (?:it )?over|handing (?:it )?over|handover|hand-off|transition(?:s|ing)? to|steps? (?:in|down)|stepping (?:in|down))\b/i;
/** The start is said as one to come ("from Monday", "starting the 16th"), not "took over … this week". */
const FROM_THEN =
  /\b(?:from|starting|as of|effective)\s+(?:on\s+)?(?:mon|tue|wed|thu|fri|sat|sun|tomorrow|today|next|now on|the\s+\d|\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\bwill\b|['’]ll\b|\bnext (?:week|month)\b|\btomorrow\b/i;
/** A stated start this much after the message is a change announced ahead ("from Monday Wen owns …"). */
const AHEAD_MS = 6 * 3_600_000;

/**
 * A change of who owns what, announced ("team update: Keisha moves to carrier integrations from
 * Wednesday, Hiro takes over the routing engine", "heads-up: from the 3rd Priya owns the billing
 * service"), is also a decision the team was told: one per message, citing it, about the things it
 * hands over, unless a decision already cites that message or an earlier message of the
 * conversation already told the same change. A plain statement of who owns what
 * now ("Lena runs billing") changes nothing and stays a fact only.
 */
export function handoverDecisions(
  context: AnnotateContext,
  facts: readonly AnnotatedFact[],
  decisions: readonly AnnotatedDecision[],
): AnnotatedDecision[] {
  const cited = new Set(decisions.map((decision) => decision.evidence[0]));
  const told = new Set<string>();
  const byMessage = new Map<string, { read: ReadMessage; about: string[] }>();
  for (const fact of facts) {
    // Said again later ("so from monday, billing questions → Marco. got it"): the first telling is the decision.
    if (fact.relation !== 'owns' || fact.hedged || fact.scope || told.has(fact.object)) continue;
    const messageId = fact.evidence[0];
    const read = messageById(context.messages, messageId);
    if (!read || read.isBot || cited.has(messageId)) continue;
    const text = read.text;
    if (/\?\s*$/.test(text)) continue;
    const ahead =
      Date.parse(fact.validFrom) - Date.parse(read.message.ts) >= AHEAD_MS && FROM_THEN.test(text);
    if (!ahead && !HANDOVER.test(text)) continue;
    told.add(fact.object);
    const telling = byMessage.get(messageId) ?? { read, about: [] };
    telling.about.push(fact.object);
    byMessage.set(messageId, telling);
  }
  const out: AnnotatedDecision[] = [];
  for (const [messageId, { read, about }] of byMessage) {
    out.push({
      id: itemId(context.input, messageId, 'decision', 'handover'),
      summary: summaryOf(read.sentences),
      about,
      decidedBy: [read.message.author],
      reverses: null,
      evidence: [messageId],
      confidence: 0.7,
    });
  }
  return out;
}

/** The announcement without its label ("org note 📣", "team update:"), cut at 280 characters. */
function summaryOf(sentences: readonly string[]): string {
  return sentences
    .slice(0, 2)
    .join(' ')
    .replace(/^[^:]{1,30}:\s*(?=\S)/, (label) => (/\d/.test(label) ? label : ''))
    .replace(/:[a-z0-9_+-]+:/gi, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 280);
}
