import type { AnnotatedDecision } from '../annotate-types.js';
import { itemId, readAsAnswerTo, type AnnotateContext, type ReadMessage } from '../annotate-context.js';
import { AGREEMENT_QUESTION, HEDGE_CUES, JOKING } from '../lexicon/cues.js';
import { answerable, POSITIVE_REACTIONS } from './responses.js';
import type { ReadUnit } from './unit-acts.js';

/**
 * The units of a message that put something to the group for agreement: a proposal, or a statement
 * followed in the same message by a question that only asks for agreement ("… from Nov 4.
 * objections?", "Dec 2–4 suits us. @Leila ok for you?").
 */
export function proposalUnits(read: ReadMessage): ReadUnit[] {
  // "let's just rewrite it in Rust 😂": a joke put to nobody.
  if (JOKING.test(read.text) || NOT_PUT_FORWARD.test(read.text)) return [];
  const proposals = read.units.filter((unit) => unit.act === 'proposal');
  if (proposals.length > 0) return proposals;
  const asking = read.units.findIndex((unit) => AGREEMENT_QUESTION.test(withoutMentions(unit.text)));
  if (asking <= 0) return [];
  return read.units
    .slice(0, asking)
    .filter(
      (unit) =>
        !['question', 'request', 'acceptance', 'rejection'].includes(unit.act) &&
        unit.text.split(/\s+/).length >= 4,
    );
}

/** An idea its author does not put forward: "just thinking out loud", "… or not", "someday", "food for thought". */
const NOT_PUT_FORWARD =
  /\bthinking out loud\b|\bor not\W*$|\bsomeday\b|\bsome day\b|\bone of these days\b|\bfood for thought\b|\bno need to decide\b|\bnot now,? (?:but|just)\b|\bif we ever\b|\bwhat would we (?:even )?do if\b|\bhypothetically\b|\b(?:dunno|idk|not sure)\W*$/i;

/** A reply that only half agrees: "hm ok", "i guess", "fine, whatever", "… though", "but …", a joke. */
const HALF_HEARTED =
  /^\W*(?:h+m+|meh|i guess|fine,? whatever|if we must|no strong (?:opinion|feelings?)|either way|don'?t mind)\b|\bthough\W*$|^\W*but\b/i;
/** "I agree with Priya's proposal", "let's go with sam's idea": a reply that says whose proposal it takes. */
const WHOSE_PROPOSAL = /\b([\p{L}]+)['’]s? (?:proposal|idea|plan|suggestion|version|option)\b/giu;

function namesProposer(context: AnnotateContext, later: ReadMessage, proposer: string): boolean {
  for (const match of later.text.matchAll(WHOSE_PROPOSAL))
    if (context.people.resolve(match[1]) === proposer) return true;
  return false;
}

/** A reply on something else: "btw the feed had 2 gaps last night, looking into it". */
const ASIDE = /^\W*(?:btw|fyi|unrelated|side note|also,|oh and|random)\b/i;

/** The text without its @-mentions, a display name's surname and an exporter's "(Org)" after it included. */
function withoutMentions(text: string): string {
  return text
    .replace(/@[\p{L}][\p{L}\d_.-]*(?: \p{Lu}[\p{L}'-]+)*(?:\s*\([^()\n]{1,40}\))?/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A reply that agrees, read as an answer to a proposal: its first act is an acceptance, a decision, or taking the work on. */
function agrees(context: AnnotateContext, read: ReadMessage): boolean | undefined {
  const units = readAsAnswerTo(context, read, 'proposal');
  const first = units.find((unit) => unit.act !== 'other') ?? units[0];
  if (!first) return undefined;
  if (first.act === 'rejection') return false;
  if (JOKING.test(read.text) || HALF_HEARTED.test(read.text) || ASIDE.test(read.text)) return undefined;
  // "maybe we'll go with it, not sure yet" agrees to nothing.
  if (units.some((unit) => HEDGE_CUES.some((cue) => cue.test(unit.text)))) return undefined;
  if (['acceptance', 'decision', 'commitment', 'completion'].includes(first.act)) return true;
  return undefined;
}

function summaryOf(units: readonly ReadUnit[]): string {
  return (
    units
      .map((unit) => unit.text)
      .join(' ')
      .replace(/^(?:@[\p{L}][\p{L}\d_.-]*[,:]?\s+)+/u, '')
      .replace(/^(?:(?:proposal|suggestion|idea|q|question)\s*[:—–-]\s*)/i, '')
      .replace(
        /^(?:(?:i'?d like to|i propose (?:that |we )?|how about (?:we )?|what if we|should we|can we|could we|shall we)\s+)/i,
        '',
      )
      // "thinking we should switch the backup to 2am", "maybe we could …": agreed to, the course itself.
      .replace(
        /^(?:(?:(?:i'?m |i was |was |just )?thinking(?: that)?|i (?:think|suggest|propose|reckon)(?: that)?|i'?d (?:suggest|propose)(?: that)?|maybe|perhaps)\s+)?we\s+(?:should|could|might)\s+|^(?:i'?d |i )?(?:suggest|propose|recommend)(?: that)?\s+we\s+(?:just\s+)?(?=\p{L})/iu,
        '',
      )
      .replace(/\s+/g, ' ')
      .trim()
      // "should we move standup to 9:30?" agreed to: the decision is a statement.
      .replace(/\s*\?+$/, '')
      .slice(0, 280)
  );
}

/**
 * Decisions made by agreeing: a proposal (or a statement put to the room) that someone else
 * accepts — in a reply, in its thread, in the next messages, or with a 👍/✅ reaction — becomes a
 * decision citing the proposal and every acceptance. A rejection first, or nobody answering, makes none.
 */
export function decisionsByAgreement(context: AnnotateContext): AnnotatedDecision[] {
  const out: AnnotatedDecision[] = [];
  const taken = new Set<string>();
  for (const read of context.messages) {
    if (read.isBot) continue;
    const units = proposalUnits(read);
    if (units.length === 0) continue;
    const proposer = read.message.author;
    const acceptors: string[] = [];
    const evidence = [read.message.id];
    let rejected = false;
    for (const reaction of read.message.reactions ?? []) {
      if (
        reaction.user !== proposer &&
        POSITIVE_REACTIONS.test(reaction.emoji) &&
        !acceptors.includes(reaction.user)
      )
        acceptors.push(reaction.user);
    }
    for (const later of context.messages.slice(read.index + 1)) {
      if (later.isBot || taken.has(later.message.id)) continue;
      if (!answerable(context.messages, later).some((candidate) => candidate.index === read.index)) continue;
      if (later.message.author === proposer) {
        // The proposer closing it ("ok, Tuesday it is") is the same decision, once someone agreed.
        if (acceptors.length > 0 && later.units.some((unit) => unit.act === 'decision')) {
          taken.add(later.message.id);
          evidence.push(later.message.id);
        }
        continue;
      }
      // Only the nearest open proposal a reply could answer takes it.
      // A question someone else asked since ("who's getting lunch?" → "me!") takes the reply too.
      const nearer = answerable(context.messages, later).find(
        (candidate) =>
          candidate.index > read.index &&
          candidate.message.author !== later.message.author &&
          (proposalUnits(candidate).length > 0 ||
            (candidate.message.author !== proposer &&
              candidate.units.some((unit) => unit.act === 'question'))),
      );
      if (nearer && !namesProposer(context, later, proposer)) continue;
      const verdict = agrees(context, later);
      if (verdict === false && acceptors.length === 0) {
        rejected = true;
        break;
      }
      if (verdict === true) {
        taken.add(later.message.id);
        evidence.push(later.message.id);
        if (!acceptors.includes(later.message.author)) acceptors.push(later.message.author);
      }
    }
    if (rejected || acceptors.length === 0) continue;
    const summary = summaryOf(units);
    if (summary.split(/\s+/).length < 3) continue;
    out.push({
      id: itemId(context.input, read.message.id, 'decision'),
      summary,
      about: [...new Set(units.flatMap((unit) => context.entities.mentionedIn(unit.text)))],
      decidedBy: [proposer, ...acceptors],
      reverses: null,
      evidence,
      confidence: Math.min(0.9, 0.65 + 0.05 * acceptors.length),
    });
  }
  return out;
}
