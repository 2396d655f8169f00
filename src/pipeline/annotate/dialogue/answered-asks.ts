import type { AnnotatedDecision } from '../annotate-types.js';
import { itemId, matchesAny, type AnnotateContext, type ReadMessage } from '../annotate-context.js';
import { HEDGE_CUES } from '../lexicon/cues.js';
import { answerable } from './responses.js';

/** Asking leave for a change: "can I bump the budget to 12k?", "ok if we move the launch?", "mind if I merge it?". */
const PERMISSION =
  /^(?:(?:@[\p{L}][\p{L}\d_.-]*(?: \p{Lu}[\p{L}'-]+)?|[\p{Lu}][\p{L}]+)[,:]?\s+)?(?:(?:so|also|quick q)[,:]?\s+)?(?:(?:can|could|may) (?:i|we)|(?:is it |would it be )?(?:ok|okay|alright|fine) (?:if|for) (?:i|we|me|us)|(?:do you |would you )?mind if (?:i|we)|(?:any )?objections? (?:if|to) (?:i|we|me|us))\b/iu;
/** A reply that grants it in so many words; a bare "sure" or "yes" may only be an opinion. */
const APPROVES =
  /^[\p{Emoji}\s]*(?:(?:yes|yep|yeah|ok|okay|sure)[,!.]?\s+)?(?:approved|go ahead|go for it|green ?light(?:ing)?|greenlit|you have my (?:approval|blessing|ok|go-ahead)|signed off|ship it)\b/iu;
/** A question that puts a choice to the team: "should we use Stripe Tax or build our own?". */
const CHOICE_ASK =
  /\b(?:should|shall|do|would|will|are|can) we\b(?! (?:allowed|supposed|required|able|permitted)\b)|\bwhich (?:one|option|way)\b/i;
/** The one asked is left to choose: "your call", "you pick", "which do you prefer". */
const LEFT_TO_YOU = /\byour call\b|\byou (?:pick|choose|decide)\b|\b(?:do you|would you) prefer\b/i;
/** A choice said to be settled: "Tuesday it is", "ok, talk.", "going with VLAN 40". */
const SETTLED =
  /^\W*(?:(?:ok|okay|great|perfect|alright|cool|fine)[,.!]?\s+)?[\p{L}\d][\p{L}\d -]{0,30}? it is\b|^\W*(?:ok|okay|great|perfect|alright)[,.!]?\s+[\p{L}\d][\p{L}\d -]{0,20}[.!]/iu;
const CHOICE_LEAD =
  /^.*?\b(?:should|shall|do|would|will|are|can) we\s+|^.*?\bwhich (?:one|option|way)\b[^:,]*[:,]?\s*/i;
const STOP = new Set(
  'the a an our we us to for of and in on with it its this that go use do build keep get make one'.split(' '),
);

/** What the ask asks leave for or chooses between, without its lead ("can I", "should we"). */
function askedFor(text: string): string {
  return text
    .replace(PERMISSION, '')
    .replace(/\?+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The first later message by someone else that answers `read` and passes `test`, before anyone else answers otherwise. */
function answerOf(
  context: AnnotateContext,
  read: ReadMessage,
  test: (later: ReadMessage) => boolean,
): ReadMessage | undefined {
  for (const later of context.messages.slice(read.index + 1)) {
    if (later.isBot || later.message.author === read.message.author) continue;
    if (!answerable(context.messages, later).some((candidate) => candidate.index === read.index)) continue;
    const text = later.text;
    if (matchesAny(text, HEDGE_CUES) || later.sentences.every((sentence) => /\?\s*$/.test(sentence)))
      return undefined;
    return test(later) ? later : undefined;
  }
  return undefined;
}

function decision(
  context: AnnotateContext,
  asked: ReadMessage,
  answer: ReadMessage,
  summary: string,
): AnnotatedDecision {
  return {
    id: itemId(context.input, asked.message.id, 'decision'),
    // "should we move standup to 9:30?" answered "yes": the decision is a statement.
    summary: summary.replace(/\s*\?+\s*$/, '').slice(0, 280),
    about: context.entities.mentionedIn(summary),
    decidedBy: [answer.message.author, asked.message.author],
    reverses: null,
    evidence: [asked.message.id, answer.message.id],
    confidence: 0.7,
  };
}

/**
 * Decisions made by granting leave: "can I bump the contractor budget to 12k?" answered "approved"
 * (or "go ahead", "green light") by someone else is a decision citing both. A plain "sure" is not.
 */
export function decisionsByApproval(context: AnnotateContext): AnnotatedDecision[] {
  const out: AnnotatedDecision[] = [];
  for (const read of context.messages) {
    if (read.isBot) continue;
    const ask = read.sentences.find(
      (sentence) => /\?\s*$/.test(sentence) && PERMISSION.test(sentence.trim()),
    );
    if (!ask || askedFor(ask).split(/\s+/).length < 3) continue;
    const answer = answerOf(context, read, (later) => APPROVES.test(later.sentences[0] ?? ''));
    if (answer) out.push(decision(context, read, answer, askedFor(ask)));
  }
  return out;
}

/** Content words of one alternative that the other does not share. */
function ownWords(side: string, other: string): string[] {
  const words = (text: string): string[] =>
    text
      .toLowerCase()
      .split(/[^\p{L}\d]+/u)
      .filter((word) => word.length > 1 && !STOP.has(word));
  const others = new Set(words(other));
  return words(side).filter((word) => !others.has(word));
}

/**
 * Decisions made by choosing: "should we use Stripe Tax or build our own?" answered "stripe tax, not
 * worth building" by someone else is a decision for what the answer's opening words name — one of
 * the two alternatives and not the other. An answer naming both, or neither, decides nothing.
 */
export function decisionsByChoice(context: AnnotateContext): AnnotatedDecision[] {
  const out: AnnotatedDecision[] = [];
  for (const read of context.messages) {
    if (read.isBot) continue;
    const ask = read.sentences.find((sentence) => /\?\s*$/.test(sentence) && /\S\s+or\s+\S/.test(sentence));
    if (!ask) continue;
    // "Monday or Tuesday for the shoot?" is a choice when it says so ("your call") or is settled after ("Tuesday it is").
    const choosing = CHOICE_ASK.test(ask) || LEFT_TO_YOU.test(read.text);
    if (!choosing && !context.messages.slice(read.index + 1).some((later) => SETTLED.test(later.text)))
      continue;
    const body = ask.replace(CHOICE_LEAD, '').replace(/\?+\s*$/, '');
    const split = body.lastIndexOf(' or ');
    if (split <= 0) continue;
    const sides = [body.slice(0, split), body.slice(split + 4)];
    const own = [ownWords(sides[0], sides[1]), ownWords(sides[1], sides[0])];
    if (own.some((words) => words.length === 0)) continue;
    let picked = -1;
    const answer = answerOf(context, read, (later) => {
      const opening = (later.sentences[0] ?? '')
        .toLowerCase()
        .split(/[^\p{L}\d]+/u)
        .slice(0, 4);
      const hits = own.map((words) => words.filter((word) => opening.includes(word)).length);
      picked = hits[0] > 0 && hits[1] === 0 ? 0 : hits[1] > 0 && hits[0] === 0 ? 1 : -1;
      return picked >= 0;
    });
    if (answer && picked >= 0)
      // "@lena for the new monitors: VLAN 40 or …": the side chosen is what follows the heading.
      out.push(
        decision(context, read, answer, `${body.trim()}? → ${sides[picked].replace(/^.*[:]\s+/, '').trim()}`),
      );
  }
  return out;
}
