import type { AnnotatedActionItem } from '../annotate-types.js';
import { itemId, type AnnotateContext, type ReadMessage } from '../annotate-context.js';
import { resolveDue } from '../due-dates.js';

/**
 * An offer of work: "I can take over X if that helps", "happy to chase them if you want", "want me
 * to …?", "shall I …?". Group `work` is what is offered.
 */
const OFFERS = [
  /^(?:(?:ok|okay|sure|also|fwiw)[,\s]+)?(?:i can|i could|i'?ll|happy to|i'?m happy to|glad to)\s+(?<work>(?!not\b)[^?]+?)[,\s]+if (?:(?:that|it) (?:helps|would help|works)|(?:that|it)['’]?s (?:ok|okay|fine|easier|useful|alright)|(?:nobody|no one|no-one)(?:['’]s| is)?(?: else)?(?: on it| doing it| has it| has taken it)?|you['’]?re (?:busy|swamped|slammed|stretched))\b/i,
  /^(?:(?:ok|okay|sure|also|fwiw)[,\s]+)?(?:i can|i could|happy to|i'?m happy to|glad to)\s+(?<work>(?!not\b)[^?]+?)[,\s]+if (?:you (?:want|like|need|prefer)|useful|helpful|needed)\b/i,
  /^(?:(?:ok|okay|so|also)[,\s]+)?(?:do you want|would you like|want) me to\s+(?<work>[^?]+)\?\s*$/i,
  /^(?:(?:ok|okay|so|also)[,\s]+)?(?:shall|should) i\s+(?<work>(?!ask\b|check with\b)[^?]+)\?\s*$/i,
  // "i could do the customer-facing timeline?": an offer put as a question.
  /^(?:(?:ok|okay|so|also|hm+)[,\s]+)?i (?:could|can) (?:also )?(?<work>(?!not\b|be\b|see\b|try\b|ask\b|check with\b)[^?]+)\?\s*$/i,
];
/** "yes please", "that would be great", "go for it": an offer taken up. */
const ACCEPTS =
  /^[\p{Extended_Pictographic}\s]*(?:(?:honestly|oh|ah|omg|tbh|god)[,\s]+)?(?:yes|yep|yeah|sure|please do|please|that would be (?:great|amazing|perfect|lovely|a big help|helpful)|that'?d be (?:great|amazing|perfect|lovely)|would be great|go for it|go ahead|do it|perfect|sounds good|absolutely|ok(?:ay)? go)\b(?![^.!?]*\b(?:no|not|don'?t|wait)\b)/iu;
/** Messages after the offer in which someone may take it up. */
const WINDOW = 3;

/**
 * Offers of work that someone else took up in the next messages: each an action item of the one
 * who offered, citing the offer and the acceptance. An offer the offerer answers, or nobody
 * accepts, is no work yet.
 */
export function acceptedOffers(
  context: AnnotateContext,
  zoneOf: (author: string) => string,
): AnnotatedActionItem[] {
  const out: AnnotatedActionItem[] = [];
  for (const read of context.messages) {
    if (read.isBot) continue;
    for (const unit of read.units) {
      // "marco, I'll take the regression pass off your plate if that's ok": the offer after the name.
      const text = context.people.leadingName(unit.text)
        ? unit.text.trim().replace(/^@?[\p{L}][\p{L}_.-]+\s*[,:—–-]\s*/u, '')
        : unit.text;
      const work = offeredWork(text);
      if (!work) continue;
      const accepted = acceptance(context, read);
      if (!accepted) continue;
      const due =
        resolveDue(unit.text, read.message.ts, zoneOf(read.message.author)) ??
        resolveDue(accepted.message.text, accepted.message.ts, zoneOf(read.message.author));
      out.push({
        id: itemId(context.input, read.message.id, 'action_item', 'offer'),
        summary: work,
        assignee: read.message.author,
        requestedBy: accepted.message.author,
        due: due?.value ?? null,
        dueText: due?.text ?? null,
        evidence: [read.message.id, accepted.message.id],
        confidence: 0.75,
      });
      break;
    }
  }
  return out;
}

function offeredWork(text: string): string | null {
  for (const pattern of OFFERS) {
    const work = pattern.exec(text.trim())?.groups?.work?.trim();
    if (work && work.split(/\s+/).length >= 2) return work.replace(/[\s,.;:]+$/, '');
  }
  return null;
}

function acceptance(context: AnnotateContext, offer: ReadMessage): ReadMessage | undefined {
  for (const later of context.messages.slice(offer.index + 1, offer.index + 1 + WINDOW)) {
    if (later.isBot) continue;
    if (later.message.author === offer.message.author) return undefined;
    return ACCEPTS.test(later.message.text.trim()) ? later : undefined;
  }
  return undefined;
}
