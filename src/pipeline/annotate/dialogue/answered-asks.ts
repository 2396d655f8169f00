import type { AnnotatedDecision } from '../annotate-types.js';
import { itemId, matchesAny, type AnnotateContext, type ReadMessage } from '../annotate-context.js';
import { HEDGE_CUES } from '../lexicon/cues.js';
import { answerable } from './responses.js';

/** Asking leave for a change: "can I bump the budget to 12k?", "ok if we move the launch?", "mind if I merge it?". */
const PERMISSION =
  /^(?:(?:@[\p{L}][\p{L}\d_.-]*(?: \p{Lu}[\p{L}'-]+)?|[\p{Lu}][\p{L}]+)[,:]?\s+)?(?:(?:so|also|quick q)[,:]?\s+)?(?:(?:can|could|may) (?:i|we)|(?:is it |would it be )?(?:ok|okay|alright|fine) (?:(?:if|for) (?:i|we|me|us)|to)|(?:do you |would you )?mind if (?:i|we)|(?:any )?objections? (?:if|to) (?:i|we|me|us))\b/iu;
/** A reply that grants it in so many words; a bare "sure" or "yes" may only be an opinion. */
const APPROVES =
  /^[\p{Emoji}\s]*(?:(?:yes|yep|yeah|ok|okay|sure)[,!.]?\s+)?(?:approved|go ahead|go for it|(?:yes|yep|ok),? go\b|do it\b|green ?light(?:ing)?|greenlit|you have my (?:approval|blessing|ok|go-ahead)|signed off|ship it)\b/iu;
/** A question that puts a choice to the team: "should we use Stripe Tax or build our own?". */
const CHOICE_ASK =
  /\b(?:should|shall|do|would|will|are|can) we\b(?! (?:allowed|supposed|required|able|permitted)\b)|\bwhich (?:one|option|way)\b/i;
/** The one asked is left to choose: "your call", "you pick", "which do you prefer". */
const LEFT_TO_YOU = /\byour call\b|\byou (?:pick|choose|decide)\b|\b(?:do you|would you) prefer\b/i;
/** A choice said to be settled: "Tuesday it is", "ok, talk.", "going with VLAN 40". */
const SETTLED =
  /^\W*(?:(?:ok|okay|great|perfect|alright|cool|fine)[,.!]?\s+)?[\p{L}\d][\p{L}\d -]{0,30}? it is\b|^\W*(?:ok|okay|great|perfect|alright)[,.!]?\s+[\p{L}\d][\p{L}\d -]{0,20}[.!]/iu;
/** The choice left open: "letting it sit", "1-1", "tie", "let's sleep on it", "parking it". */
const UNSETTLED =
  /\b(?:let(?:ting)? it sit|(?:it'?s )?a tie|tied|\d-\d|no decision|undecided|sleep on it|revisit|park(?:ing)? (?:it|this|that)|table (?:it|this|that)|circle back)\b/i;
/** A question of what is so, not of what to do: "is it final or …", "does it still … or did we", "what's our X, A or B?". */
const FACT_ASK =
  /^(?:is|are|was|were|does|do|did|has|have|had|what['’]?s|what (?:is|are|was)|which|how|who)\b/i;
/** The asker's own pick after the discussion: "we wait.", "ok let's keep Trans-Pol", "going with Cubex". */
const ASKER_SETTLES =
  /^\W*(?:(?:ok|okay|alright|right|fine|so|then)[,.!]?\s+)*(?:we(?:['’]ll| will)?|let['’]?s|going with|staying with|sticking with)\s/i;
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

/**
 * The first later message by someone else that answers `read` and passes `test`, before anyone else
 * answers otherwise. An ask put to someone ("@dana are we …?") is answered by them, or by a message
 * spoken back to the asker; what others say meanwhile on another topic does not answer it.
 */
export function answerOf(
  context: AnnotateContext,
  read: ReadMessage,
  test: (later: ReadMessage) => boolean,
): ReadMessage | undefined {
  const asker = read.message.author;
  const askedOf = read.addressees.filter((key) => key !== asker);
  for (const later of context.messages.slice(read.index + 1)) {
    if (later.isBot || later.message.author === asker) continue;
    if (askedOf.length > 0 && !askedOf.includes(later.message.author) && !later.addressees.includes(asker))
      continue;
    if (!answerable(context.messages, later).some((candidate) => candidate.index === read.index)) continue;
    const text = later.text;
    if (matchesAny(text, HEDGE_CUES) || later.sentences.every((sentence) => /\?\s*$/.test(sentence)))
      return undefined;
    return test(later) ? later : undefined;
  }
  return undefined;
}

export function decision(
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
    decidedBy: [...new Set([answer.message.author, asked.message.author])],
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

/** Words of an opinion or a comparison: "Mosaic keeps the profile closer imo", "Nox scrims better". */
const WEIGHING =
  /\b(?:better|best|cheaper|worse|faster|slower|nicer|cleaner|closer|safer|easier|imo|imho|i think|i'?d|i feel|prefer|though|but|maybe|probably|too|vs|tbh|because|since)\b|\?/i;

/** A flat pick: a short first clause that weighs nothing ("Mosaic.", "sleeve. chest stays for …"). */
function decisivePick(later: ReadMessage): boolean {
  if (later.isBot) return false;
  const first = later.sentences[0] ?? '';
  const clause = first.split(/[,.;:!—–]/)[0].trim();
  return (
    clause.split(/\s+/).length <= 5 &&
    !WEIGHING.test(first) &&
    !matchesAny(first, HEDGE_CUES) &&
    !/^\W*(?:yes|yeah|yep|no|nope|ok|okay|sure|agreed|\+1)\b/i.test(first)
  );
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

/** "are we closing early on the 24th?", "do we renew the lease this year?": asks whether the team does it. */
const PLAN_ASK =
  /^(?:@[\p{L}][\p{L}\d_.-]*[,:]?\s+|[\p{Lu}][\p{L}]+,\s+)?(?:(?:so|and|also|quick q)[,:]?\s+)?(?:are|do|will) we\s+(?!still\b|allowed\b|supposed\b|sure\b|good\b|ok\b|okay\b|all\b|on\b|in\b)(\S+(?:\s+\S+){2,})\?+\s*$/iu;
/** A reply that says the team does it: "yes, 2pm close", "@priya yes, deadline's the 30th", "we are". */
const CONFIRMS =
  /^\W*(?:@[\p{L}][\p{L}\d_.-]*[,:]?\s+)?(?:yes|yep|yeah|yup|we are|we do|we will|correct|confirmed|doing it)\b(?!\s*(?:but|though|,?\s*(?:i think|probably|maybe)))/iu;

/** A reply that is another time alone: "next sprint.", "no, after the release", "not till monday". */
const RESCHEDULED =
  /^\W*(?:@\S+\s+)?(?:(?:no|nope|nah)[,.]?\s+)?(?:not (?:this|till|until) |after (?:the )?|(?:the )?(?:week|day) after )?(?:next (?:week|sprint|month|quarter|cycle|release|year|mon|tues|wednes|thurs|fri)\w*|(?:mon|tues|wednes|thurs|fri)day|tomorrow|release|launch|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)\W*$/i;

function firstClause(read: ReadMessage): string {
  return (read.sentences[0] ?? '').split(/[,;:—–]|\.\s/)[0].trim();
}

/** A reply that says the team does not: "no discount this time.", "nope, not this year", "not happening". */
const DECLINES =
  /^\W*(?:@\S+\s+)?(?:(?:no|nope|nah)\b(?!\s+(?:idea|clue|worries|problem|rush|prob|pressure)\b)(?![^.!?]*\?)|not (?:this (?:time|year|round|quarter|sprint|month)|happening|anymore)\b)/i;

/**
 * The reply that settles a plan asked after: the one it was put to (or anyone) saying yes, no, or
 * another time. Comments before it ("last year it did +40%") are passed over; a hedge or a counter-question ends the search.
 */
function settlingAnswer(context: AnnotateContext, read: ReadMessage): ReadMessage | undefined {
  const asker = read.message.author;
  const askedOf = read.addressees.filter((key) => key !== asker);
  for (const later of context.messages.slice(read.index + 1, read.index + 7)) {
    if (later.isBot || later.message.author === asker) continue;
    if (askedOf.length > 0 && !askedOf.includes(later.message.author)) continue;
    if (!answerable(context.messages, later).some((candidate) => candidate.index === read.index)) continue;
    if (matchesAny(later.text, HEDGE_CUES)) return undefined;
    const first = later.sentences[0] ?? '';
    if (CONFIRMS.test(first) || DECLINES.test(first) || RESCHEDULED.test(firstClause(later))) return later;
    if (askedOf.length > 0) return undefined;
  }
  return undefined;
}

/**
 * Decisions confirmed (or put off, "next sprint."): "are we closing Westside early on the 24th?" answered "yes, 2pm close" by the
 * one it was put to (or anyone, when it was put to no one) is a decision citing both. "are we still
 * on for …" confirms a plan already made; "should we …" answered "yes" is an opinion, not this.
 */
export function decisionsByConfirmation(context: AnnotateContext): AnnotatedDecision[] {
  const out: AnnotatedDecision[] = [];
  for (const read of context.messages) {
    if (read.isBot) continue;
    // "dana are we upgrading …?": a lower-case name spoken to, then the ask.
    const unnamed = (sentence: string): string =>
      context.people.leadingName(sentence)
        ? sentence.trim().replace(/^@?[\p{L}][\p{L}_.-]+[,:]?\s+/u, '')
        : sentence.trim();
    const ask = read.sentences.map(unnamed).find((sentence) => PLAN_ASK.test(sentence));
    // "are we doing anything about it?" asks what is being done, not whether a plan holds.
    if (!ask || /\S\s+or\s+\S/.test(ask) || /\b(?:anything|something|about (?:it|this|that))\b/i.test(ask))
      continue;
    const answer = settlingAnswer(context, read);
    if (!answer) continue;
    const plan = PLAN_ASK.exec(ask)?.[1] ?? ask;
    const said = (answer.sentences[0] ?? '').replace(/^\W*@[\p{L}][\p{L}\d_.-]*[,:]?\s+/u, '').trim();
    const yes = CONFIRMS.test(answer.sentences[0] ?? '');
    out.push(decision(context, read, answer, yes ? `we're ${plan}: ${said}` : `${plan} → ${said}`));
  }
  return out;
}

/** "are we still doing the collab?", "bootcamp still on for the 20th?", "is that still happening?": a plan asked after. */
const STILL_ON =
  /\bstill (?:on|happening|planned|going ahead|doing|going|ok|okay|good|fine|a go)\b|\bare we still\b/i;
/** The plan called off or moved: "no, calling it off", "postponing to january", "no, … N9 stays at 30 min". */
const CALLED_OFF =
  /^\W*(?:@\S+\s+)?(?:(?:no|nope|nah)\b|(?:calling it off|cancel(?:l?ing|l?ed)?|postpon(?:e|ing|ed)|pushing (?:it|that|this)?|moving (?:it|that|this) to|scrap(?:ping|ped)?|not (?:happening|anymore)|off for now)\b)/i;

/**
 * Decisions made by calling a plan off: "@dana are we still doing the collab?" answered "no, calling
 * it off" (or "postponing to january") by the one asked is a decision citing both.
 */
export function decisionsByCallingOff(context: AnnotateContext): AnnotatedDecision[] {
  const out: AnnotatedDecision[] = [];
  for (const read of context.messages) {
    if (read.isBot) continue;
    const ask = read.sentences.find((sentence) => /\?\s*$/.test(sentence) && STILL_ON.test(sentence));
    if (!ask) continue;
    const answer = answerOf(context, read, (later) => CALLED_OFF.test(later.sentences[0] ?? ''));
    if (!answer) continue;
    const said = answer.sentences
      .slice(0, 2)
      .join(' ')
      .replace(/^\W*@\S+\s+/, '')
      .trim();
    const asked = ask.replace(/^\W*(?:@\S+|[\p{L}]+,)\s+/u, '').trim();
    out.push(decision(context, read, answer, `${asked} → ${said}`));
  }
  return out;
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
    // Put to someone ("@dana sleeve or chest?"), the one asked chooses, unless it asks what is so
    // ("Sam, is the string table final or …?", "25k or 30k?" after "what's our threshold") or who ("you or me?").
    const unaddressed = ask.replace(/^\W*(?:(?:@\S+|[\p{L}]+,|quick q[,:]?|q[,:]|question[,:])\s+)+/iu, '');
    // "so do I just apt upgrade or …?": advice asked for oneself, not a choice for the team.
    const factual =
      FACT_ASK.test(unaddressed) ||
      /\b(?:do|should|can|could|would|shall|must) i\b[^?]*\bor\b/i.test(ask) ||
      /\b(?:you|me|him|her|us|them)\s+or\s+(?:you|me|him|her|us|them)\b/i.test(ask);
    const choosing =
      CHOICE_ASK.test(ask) ||
      LEFT_TO_YOU.test(read.text) ||
      (read.addressees.some((key) => key !== read.message.author) && !factual);
    const body = ask.replace(CHOICE_LEAD, '').replace(/\?+\s*$/, '');
    const split = body.lastIndexOf(' or ');
    if (split <= 0) continue;
    const sides = [body.slice(0, split), body.slice(split + 4)];
    const own = [ownWords(sides[0], sides[1]), ownWords(sides[1], sides[0])];
    if (own.some((words) => words.length === 0)) continue;
    let picked = -1;
    const picks = (later: ReadMessage): boolean => {
      // "Nox starts, Kaiz is sub": the first clause says which.
      const opening = (later.sentences[0] ?? '')
        .replace(/^\W*(?:(?:ok|okay|alright|right|great|perfect|cool|fine|so|then)[,.!]?\s+)+/i, '')
        .split(/[,.;:!?—–]/)[0]
        .toLowerCase()
        .split(/[^\p{L}\d]+/u)
        .slice(0, 4);
      const hits = own.map((words) => words.filter((word) => opening.includes(word)).length);
      picked = hits[0] > 0 && hits[1] === 0 ? 0 : hits[1] > 0 && hits[0] === 0 ? 1 : -1;
      return picked >= 0;
    };
    // "lift it today or wait for the 2nd sample?" … "we wait.": the one who asked settles it after hearing the team.
    const window = context.messages.slice(read.index + 1, read.index + 9);
    // "ugh 1-1, letting it sit": the one who asked leaves it open.
    if (window.some((later) => later.message.author === read.message.author && UNSETTLED.test(later.text)))
      continue;
    const answer =
      (choosing ? answerOf(context, read, picks) : undefined) ??
      // "zinc or fibre cement?" … "ok fibre cement it is": the settling message says which, not the first opinion.
      window.find((later) => SETTLED.test(later.text) && picks(later)) ??
      window.find(
        (later) =>
          later.message.author === read.message.author &&
          ASKER_SETTLES.test(later.sentences[0] ?? '') &&
          picks(later),
      ) ??
      // "Kaiz or Nox on support?" … opinions … "Nox starts, Kaiz is sub.": the last flat pick after the talk.
      (factual
        ? undefined
        : [...window]
            .reverse()
            .find((later) => later.index >= read.index + 2 && decisivePick(later) && picks(later)));
    if (answer && picked >= 0) {
      // "@lena for the new monitors: VLAN 40 or …": the side chosen is what follows the heading; a
      // long side is said by the answer's first clause ("sleeve").
      const side = sides[picked].replace(/^.*[:]\s+/, '').trim();
      const said = (answer.sentences[0] ?? '').split(/[,.;:!—–]/)[0].trim();
      const chosen = side.split(/\s+/).length > 6 && said.split(/\s+/).length <= 6 ? said : side;
      const asked = body.replace(/^\s*@\S+\s+/, '').trim();
      const made = decision(context, read, answer, `${asked}? → ${chosen}`);
      // "VLAN 40, keeps them isolated" … "VLAN 40 it is": the message that settles it is the same decision.
      const settles = window.find((later) => later.index > answer.index && SETTLED.test(later.text));
      if (settles && !made.evidence.includes(settles.message.id)) made.evidence.push(settles.message.id);
      out.push(made);
    }
  }
  return out;
}
