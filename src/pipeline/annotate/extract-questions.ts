import type { AnnotatedQuestion } from './annotate-types.js';
import { itemId, matchesAny, type AnnotateContext, type ReadMessage } from './annotate-context.js';
import { namesNothing, threadRoot } from './thread-context.js';
import { unitAddressing } from './dialogue/addressing.js';
import { proposalUnits } from './dialogue/decision-pairs.js';
import { answerable } from './dialogue/responses.js';
import {
  AGREEMENT_QUESTION,
  APPROVAL_CUES,
  BLOCKER_CUES,
  HEDGE_CUES,
  NOT_QUESTIONS,
  NOT_REQUESTS,
  REQUEST_CUES,
  SMALL_TALK,
} from './lexicon/cues.js';
import { messageById } from './message-index.js';

const QUESTION_START =
  /^(?:@?[\p{L}][\p{L}_.-]*[,:]?\s+)?(who|what|when|where|why|how|which|is|are|was|were|does|do|did|can|could|should|would|will|has|have|any|anyone|anybody|anything|someone|somebody)\b/iu;

/** Short questions that still ask for information ("who can look?", "when's v3 landing?"). */
const WH_START = /^(who|what|when|where|why|how|which|anything|anyone|anybody)\b/i;

const QUESTION_INSIDE =
  /(?:[,:;—–]|\s-)\s*(who|what|when|where|why|how|which|is there|are there|is it|does it|do we|can i|can we|are we|should we|will we|did we|have we|is anyone|does anyone|(?:do|can|could|would|are|did|have) you)\b/i;

/** Asks for the room's view: "thoughts on moving the retro?", "any objections to Thursday?". */
const VIEWS_ASKED =
  /^(?:any\s+)?(?:thoughts|opinions|ideas|feedback|objections?|concerns|preferences|views|input|takers|volunteers)\b/i;

/** The question a sentence asks, or undefined (statements, "can you believe it", "…, right?"). */
function questionSentence(sentence: string): boolean {
  const trimmed = sentence.trim();
  if (!/\?\s*[\p{Emoji}\s]*$/u.test(trimmed) && !/\?\s/.test(trimmed)) return false;
  if (matchesAny(trimmed, NOT_QUESTIONS)) return false;
  return trimmed.split(/\s+/).length >= 3;
}

/** A request that asks for work (an action item), not an answer. */
function isTaskRequest(sentence: string): boolean {
  return (
    matchesAny(sentence, REQUEST_CUES) &&
    !matchesAny(sentence, NOT_REQUESTS) &&
    !/\b(approve|sign)\b/i.test(sentence)
  );
}

/** An imperative ask to approve, put to someone addressed: "@Dana pls approve the PO", "Lena: sign off on it". */
const ASKS_TO_APPROVE =
  /(?:^|[,:]\s*|\b(?:please|pls|plz|kindly)\s+)(?:approve|sign off|give (?:it|this|us) the green light)\b|\bneed (?:a |an )?(?:yes\/no|yes or no|decision|go\/no[- ]go|go-ahead|verdict|final (?:call|answer|word))\b/i;

/** The person a blocker names as what it waits on: "blocked on Dana", "waiting on @lena to …". */
function blockingPerson(context: AnnotateContext, sentence: string, author: string): string | undefined {
  const name =
    /\b(?:[Bb]locked (?:on|by)|[Ww]aiting (?:on|for)|[Bb]locking on)\s+(?:@([\p{L}][\p{L}_.-]*)|(\p{Lu}[\p{L}_.-]*))/u.exec(
      sentence,
    );
  const key = name ? context.people.resolve((name[1] ?? name[2]).replace(/['’]s$/, '')) : undefined;
  return key && key !== author ? key : undefined;
}

/** How long a two-person exchange is taken to go on without a new address. */
const DIALOGUE_GAP_MS = 60 * 60_000;

/**
 * The person the author is in a dialogue with: the last message before this one is theirs, less
 * than an hour old, and it answers the author's own message before it, which was addressed to them.
 */
function dialoguePartner(context: AnnotateContext, read: ReadMessage): string | undefined {
  const [reply, asked] = lastHumanMessages(context, read.index, 2);
  if (!reply || !asked) return undefined;
  const partner = reply.message.author;
  if (partner === read.message.author || asked.message.author !== read.message.author) return undefined;
  if (Date.parse(read.message.ts) - Date.parse(reply.message.ts) > DIALOGUE_GAP_MS) return undefined;
  return asked.addressees.includes(partner) ? partner : undefined;
}

/** The last `count` messages by people before position `index`, newest first. */
function lastHumanMessages(context: AnnotateContext, index: number, count: number): ReadMessage[] {
  const out: ReadMessage[] = [];
  for (let i = index - 1; i >= 0 && out.length < count; i--)
    if (!context.messages[i].isBot) out.push(context.messages[i]);
  return out;
}

/** A sentence that is only a person's name and a question mark: "Noor Haddad?", "@lena??". */
const NAME_TAG = /^@?(\p{L}[\p{L}'’.-]*(?:\s+\p{L}[\p{L}'’-]*)?)\s*\?+\s*$/u;

/**
 * The person a message's trailing "Name?" asks, with the sentence before it as the question
 * ("no idea who approves it. Lena Vogel?" is that question, put to Lena).
 */
function nameTag(context: AnnotateContext, read: ReadMessage): { key: string; text: string } | undefined {
  const { sentences } = read;
  for (let i = sentences.length - 1; i >= 0; i--) {
    const name = NAME_TAG.exec(sentences[i].trim())?.[1];
    if (!name) continue;
    const key = context.people.resolve(name);
    if (!key || key === read.message.author) return undefined;
    const before = i > 0 ? sentences[i - 1] : '';
    return { key, text: `${before} ${sentences[i].trim()}`.trim() };
  }
  return undefined;
}

/**
 * Questions addressed to a person (mention, DM, leading name) or to the room, approvals ("can you
 * approve …", "I want your sign-off") and blockers ("blocked on you"); answered by the first later
 * message of an addressee (of anyone else when asked to the room) that is not itself hedged.
 */
export function extractQuestions(context: AnnotateContext): AnnotatedQuestion[] {
  const out: AnnotatedQuestion[] = [];
  for (const read of context.messages) {
    if (read.isBot) continue;
    const { message } = read;
    const approval = read.sentences.find(
      (sentence) =>
        // "me: sign off the renewal by Friday": the speaker's own line of a roster, asked of nobody.
        !/^\W*(?:me|myself)\s*[:—–-]/i.test(sentence) &&
        matchesAny(sentence, APPROVAL_CUES) &&
        (/\b(you|your)\b/i.test(sentence) || (read.addressees.length > 0 && ASKS_TO_APPROVE.test(sentence))),
    );
    const blocker = read.sentences.find((sentence) => matchesAny(sentence, BLOCKER_CUES));
    const blocking = blocker ? blockingPerson(context, blocker, message.author) : undefined;
    const questions = read.sentences.filter(
      (sentence) => questionSentence(sentence) && !isTaskRequest(sentence),
    );
    // A statement put to the room for agreement ("… from Nov 4. objections?") asks each member.
    const agreement = proposalUnits(read);
    const agreementAsk =
      agreement.length > 0
        ? read.units.find((unit) => AGREEMENT_QUESTION.test(stripMentions(unit.text)))
        : undefined;
    const agreementText = agreementAsk
      ? `${agreement.map((unit) => unit.text).join(' ')} ${agreementAsk.text}`.trim()
      : undefined;
    if (agreementText) questions.unshift(agreementText);
    // "no idea who approves it. Lena?": a name alone with a question mark puts the question to them.
    const tag = nameTag(context, read);
    if (tag) questions.unshift(tag.text);
    // A subject line ("Who owns billing now?") and its body: the fuller question speaks for the message.
    const asked = questions.find((sentence) => sentence.split(/\s+/).length >= 5) ?? questions[0];
    const text =
      approval ?? asked ?? (blocker && (read.addressees.length > 0 || blocking) ? blocker : undefined);
    if (!text) continue;
    if (!approval && !asked && !blocker) continue;
    if (
      !approval &&
      asked &&
      asked !== agreementText &&
      !QUESTION_START.test(asked.trim()) &&
      !QUESTION_INSIDE.test(asked) &&
      !VIEWS_ASKED.test(asked.trim()) &&
      !/\b(you|anyone|known|still|news)\b/i.test(asked) &&
      read.addressees.length === 0 &&
      !tag
    )
      continue;
    const kind: AnnotatedQuestion['kind'] = approval ? 'approval' : blocker ? 'blocker' : 'question';
    if (kind !== 'question' && read.addressees.length === 0 && !(kind === 'blocker' && blocking)) continue;
    const addressees = read.addressees.filter((key) => key !== message.author);
    if (kind === 'blocker' && blocking && !addressees.includes(blocking)) addressees.unshift(blocking);
    if (tag && text === tag.text && !addressees.includes(tag.key)) addressees.unshift(tag.key);
    // "everyone, …?", "@here …?", "@cs-leads …?" and agreement asks reach the members.
    const asking = read.units.find((unit) => text.includes(unit.text));
    const group = asking ? unitAddressing(context, read, asking) : undefined;
    if (addressees.length === 0 && group?.to === 'everyone') addressees.push(...group.keys);
    if (addressees.length === 0 && agreementAsk) addressees.push(...membersOf(context, message.author));
    // A reply (Discord/Teams reply, or a thread reply) asks the author it replies to.
    if (addressees.length === 0) {
      const target = message.replyTo ?? message.thread;
      const parent = target && target !== message.id ? messageById(context.messages, target) : undefined;
      if (parent && parent.message.author !== message.author && !parent.isBot)
        addressees.push(parent.message.author);
      // In a thread of one's own post, a "you" asks whoever answered in it last ("also, who is your contact?").
      else if (parent && /\b(?:you|your)\b/i.test(text)) {
        const other = answerable(context.messages, read).find(
          (candidate) => candidate.message.author !== message.author,
        );
        if (other) addressees.push(other.message.author);
      }
    }
    // "can we run it overnight?" right after someone's message asks that person about it.
    if (addressees.length === 0 && /\b(it|that|this|those|them)\b/i.test(text)) {
      const previous = context.messages
        .slice(0, read.index)
        .reverse()
        .find((m) => !m.isBot && !/^\s*(\+1|👍|agreed|thanks|thx|ty|lol|nice|same)\b/iu.test(m.message.text));
      if (
        previous &&
        previous.message.author !== message.author &&
        Date.parse(message.ts) - Date.parse(previous.message.ts) <= 10 * 60_000
      )
        addressees.push(previous.message.author);
    }
    // A dialogue goes on: after "@Owen could you …" and Owen's reply, "also: can I …?" asks Owen again.
    if (addressees.length === 0) {
      const partner = dialoguePartner(context, read);
      if (partner) addressees.push(partner);
    }
    // A short question to the room is chatter ("why tho?") unless the message explains it
    // ("Brightwave's PDF still shows the old address … who can look?").
    if (
      addressees.length === 0 &&
      kind === 'question' &&
      text.split(/\s+/).length < 5 &&
      !(WH_START.test(text.trim()) && message.text.split(/\s+/).length >= 10)
    )
      continue;
    if (addressees.length === 0 && kind === 'question' && matchesAny(text, [SMALL_TALK[0]])) continue;
    const hedged = matchesAny(text, HEDGE_CUES);
    out.push({
      id: itemId(context.input, message.id, 'question'),
      text: text.slice(0, 280),
      asker: message.author,
      addressees,
      kind,
      evidence: [message.id, ...contextOf(context, read, text)],
      confidence: hedged ? 0.5 : addressees.length > 0 || kind !== 'question' ? 0.85 : 0.7,
      answered: findAnswer(context, read.index, message.author, addressees, ASKS_THEIR_CALL.test(text)),
    });
  }
  return out;
}

/**
 * A question only the person asked can answer: their choice, their consent, what they need ("@Ines
 * which do you want?", "ok for you?", "anything I can do to speed it up?"). Someone else's reply in
 * the thread is an opinion, not the answer.
 */
const ASKS_THEIR_CALL =
  /\b(?:(?:which|what)(?: \w+)? (?:do|would) you (?:want|prefer|like|pick|choose|rather)|do you (?:want|prefer)|your (?:call|pick|choice|decision|preference|go-ahead|ok)|ok (?:for|with) you|are you (?:ok|fine|happy|good) with|anything (?:I|we) can do|what do you (?:think|need)|can you live with)\b/i;

/** The thread's first message, cited too when the question names nothing itself ("@Leila which do you want?"). */
function contextOf(context: AnnotateContext, read: ReadMessage, text: string): string[] {
  const root = namesNothing(stripMentions(text)) ? threadRoot(context, read) : undefined;
  return root ? [root] : [];
}

/** A reply that holds the question for later: "checking, one sec", "let me find out", "will check". */
const HOLDING_REPLY =
  /^\W*(?:(?:ok|okay|sure|yep|hmm|good q(?:uestion)?)[,!.]?\s+)?(?:checking|let me (?:check|look|see|find out|dig|ask)|lemme (?:check|look|see)|one sec|one moment|give me a (?:sec|second|minute|min)|(?:i'?ll|i will|will|let me|lemme) (?:check|look|find out|get back to you|come back to you|ask|confirm|verify|double[- ]check)|looking(?: into it)?|not sure,? (?:let me|i'?ll|will))\b/i;

/** The end of a holding reply that says the answer comes later. */
const ANSWER_LATER = /\b(?:(?:get|come|circle) back to you|let you know|report back|revert)\b/i;

/** "Dana said yes in standup", "per Dana: go ahead": someone passing on the answer of the person asked. */
function relaysAnswerOf(context: AnnotateContext, text: string, addressees: readonly string[]): boolean {
  const match =
    /\b(\p{Lu}[\p{L}'-]+) (?:already )?(?:said|says|told (?:me|us)|confirmed|approved|agreed|decided|ok'?d|signed off)\b|\bper (\p{Lu}[\p{L}'-]+)\b/u.exec(
      text,
    );
  const name = match?.[1] ?? match?.[2];
  const key = name ? context.people.resolve(name) : undefined;
  return key !== undefined && addressees.includes(key);
}

/** A reply that answers flatly: "yes, saw it this morning", "nope, still building", "it's live". */
const FLAT_ANSWER =
  /^\W*(?:yes|yep|yeah|yup|no|nope|nah|not yet|it['’]?s (?:live|up|out|there|in|done))\b(?![,\s]*(?:idea|clue|sure|clear|one knows|sorry))/i;
/** A sentence that asks, "?" or not: "also did anyone take my charger". */
const OWN_QUESTION =
  /^\W*(?:(?:also|btw|oh|and|unrelated|random q|side note)[,:]?\s+)?(?:did|does|do|can|could|would|has|have|anyone|any1|who|what|where|when|why|how)\b/i;

function findAnswer(
  context: AnnotateContext,
  index: number,
  asker: string,
  addressees: string[],
  theirCall = false,
): AnnotatedQuestion['answered'] {
  for (const later of context.messages.slice(index + 1)) {
    if (later.isBot || later.message.author === asker) continue;
    // Asked of someone, their reply answers it; so does anyone's reply in its thread or reply chain
    // ("one question for @Leila: …" — Ravi answers for her).
    const inChain =
      (later.message.thread !== null &&
        later.message.thread !== undefined &&
        later.message.thread !== later.message.id) ||
      Boolean(later.message.replyTo);
    const direct =
      inChain && answerable(context.messages, later).some((candidate) => candidate.index === index);
    const text = later.text;
    // "@priya is 818 on testflight yet?" → next, from lena: "yes, saw it this morning": answered for her.
    const answersForThem =
      later.index === index + 1 && !theirCall && FLAT_ANSWER.test(text) && !/\?\s*$/.test(text);
    if (
      addressees.length > 0 &&
      !addressees.includes(later.message.author) &&
      (!direct || theirCall) &&
      !answersForThem &&
      !relaysAnswerOf(context, text, addressees)
    )
      continue;
    if (!text || /^\s*(correction|actually)\b/i.test(text)) continue;
    // "checking, one sec", "let me look": the answer is still to come.
    // "I'll check with finance and get back to you": longer, but it says the answer comes later.
    const words = text.split(/\s+/).length;
    if (HOLDING_REPLY.test(text) && (words <= 8 || (words <= 16 && ANSWER_LATER.test(text)))) continue;
    // Asked to the room, a guess ("I think Sam might …") is not the answer; asked to a person, their reply is.
    if (addressees.length === 0 && matchesAny(text, HEDGE_CUES)) continue;
    const yes = /^(yes|yep|yeah|sure|ok|okay|no|nope|approved|done)\b/i.test(text);
    // "also did anyone take my charger": a question of their own, with or without its "?".
    if (!yes && later.sentences.every((sentence) => /\?\s*$/.test(sentence) || OWN_QUESTION.test(sentence)))
      continue;
    return {
      messageId: later.message.id,
      by: later.message.author,
      confidence: addressees.length > 0 ? 0.8 : 0.6,
    };
  }
  return null;
}

/** "@Leila ok for you?" reads as "ok for you?". */
function stripMentions(text: string): string {
  return text.replace(/@[\p{L}][\p{L}\d_.-]*(?: \p{Lu}[\p{L}'-]+)?/gu, '').trim();
}

/** The channel's members other than the asker, for a question put to a small room (a team channel, not #general). */
function membersOf(context: AnnotateContext, asker: string): string[] {
  const members = (context.input.channelMembers ?? []).filter((key) => key !== asker);
  return members.length <= 12 ? members : [];
}
