import type { AnnotatedDecision } from '../annotate-types.js';
import type { AnnotateContext } from '../annotate-context.js';
import { answerOf, decision } from './answered-asks.js';

/** A choice handed to someone: "lena, your call on the trailer music", "up to you, sam", "you decide". */
const HANDED_OVER =
  /\byour (?:call|choice|decision)\b|\bup to you\b|\byou (?:pick|choose|decide)\b|\byou have the final say\b/i;
/** What the choice is about: "your call on the trailer music" → "the trailer music". */
const CHOICE_ABOUT = /\byour (?:call|choice|decision) (?:on|for|about) ([^,.;!?]{3,60})/i;
/** An answer that picks nothing: "not sure", "dunno", "let me think", "no idea", "hmm". */
const NO_PICK =
  /^\W*(?:not sure|dunno|idk|no idea|let me (?:think|check|look|sleep)|hm+|ugh|either|both (?:are )?fine|no preference|give me|thanks|thank you|thx|ty|cheers|noted|got it|will do|on it|passing|(?:ok|okay|sure|yes|yep|👍)\W*$)/iu;

/**
 * Decisions made by the one a choice was handed to: "lena, your call on the trailer music" answered
 * "then the synthwave one. the orchestral one fights the VO" by Lena is a decision citing both.
 */
export function decisionsByDelegation(context: AnnotateContext): AnnotatedDecision[] {
  const out: AnnotatedDecision[] = [];
  for (const read of context.messages) {
    if (read.isBot || !HANDED_OVER.test(read.text)) continue;
    const chooser = read.addressees.filter((key) => key !== read.message.author);
    if (chooser.length !== 1) continue;
    const answer = answerOf(context, read, (later) => {
      const first = later.sentences[0] ?? '';
      return later.message.author === chooser[0] && !/\?\s*$/.test(first) && !NO_PICK.test(first);
    });
    if (!answer) continue;
    const pick = (answer.sentences[0] ?? '')
      .replace(/^\W*(?:@\S+\s+)?(?:(?:then|ok|okay|alright|fine|sure|hmm+|so|in that case)[,.!]?\s+)+/i, '')
      .replace(/[.!]+\s*$/, '')
      .trim();
    if (pick.split(/\s+/).length > 12) continue;
    const about = CHOICE_ABOUT.exec(read.text)?.[1]?.trim();
    out.push(decision(context, read, answer, about ? `${about}: ${pick}` : pick));
  }
  return out;
}
