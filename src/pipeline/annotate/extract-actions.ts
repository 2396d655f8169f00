import type { AnnotatedActionItem, AnnotatedCompletion } from './annotate-types.js';
import { itemId, matchesAny, overlap, type AnnotateContext, type ReadMessage } from './annotate-context.js';
import { resolveDue } from './due-dates.js';
import { ACK_CUES, COMMITMENT_CUES, COMPLETION_CUES, NOT_COMPLETIONS, NOT_REQUESTS, PROGRESSIVE_COMMITMENT, REQUEST_CUES, ROOM_REQUEST, TAKES_IT, THIRD_PERSON_TASK, WORK_VERBS } from './lexicon/cues.js';

/** How many later messages an acknowledgement or a "done" may follow its request within one conversation. */
const ACK_WINDOW = 6;

interface Found {
  item: AnnotatedActionItem;
  at: number;
}

/** The addressee of a request sentence: a leading name, an @mention in it, else the message's addressee. */
function requestAssignee(context: AnnotateContext, read: ReadMessage, sentence: string): string | null {
  const leading = context.people.leadingName(sentence);
  if (leading && leading !== read.message.author) return leading;
  const mentioned = context.people.atMentions(sentence).filter((key) => key !== read.message.author);
  if (mentioned.length > 0) return mentioned[0];
  const trailing = context.people.trailingName(sentence);
  if (trailing && trailing !== read.message.author) return trailing;
  // "… before then? … Sofia too pls": a name right before the cue or a vocative anywhere.
  const vocative = /(?:^|[.!?:;]\s+|,\s*)([\p{Lu}][\p{L}]+),\s+(?:can|could|would|will)\s+you\b/u.exec(sentence);
  if (vocative) return context.people.resolve(vocative[1]) ?? null;
  return read.addressees[0] ?? null;
}

function summaryOf(sentence: string): string {
  return sentence
    .replace(/^(?:(?:hey|hi|ok|so|and|also|yes|yep|reminder)[,:!]?\s+)+/i, '')
    .replace(/^@?[\p{L}][\p{L}_.-]*(?: [\p{Lu}][\p{L}'-]+)?\s*[,:—–-]?\s+(?=(can|could|would|will) you)/iu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}

/**
 * Action items: requests ("@x can you …", "Marco, could you …", a DM "can you …") assigned to the
 * addressee, and commitments ("I'll …", "I'll take it") assigned to the speaker. An acknowledgement by
 * the assignee joins the request's evidence; a later "done"/"shipped"/"merged" by the assignee completes it.
 */
export function extractActionItems(context: AnnotateContext): { items: AnnotatedActionItem[]; completions: AnnotatedCompletion[] } {
  const zones = new Map(context.input.people.filter((person) => person.timezone).map((person) => [person.key, person.timezone as string]));
  // Due dates are read in the speaker's zone when their profile has one, else the configured zone.
  const { input } = context;
  const zoneOf = (author: string): string => zones.get(author) ?? context.input.timezone;
  const found: Found[] = [];
  const completions: AnnotatedCompletion[] = [];
  let roomRequest: { read: ReadMessage; sentence: string } | undefined;
  for (const read of context.messages) {
    if (read.isBot) continue;
    const { message } = read;
    // "can someone review this?" … "on it": the taker is the assignee.
    if (roomRequest && roomRequest.read.message.author !== message.author && read.index - roomRequest.read.index <= ACK_WINDOW && TAKES_IT.test(read.sentences.join(' ').trim())) {
      const due = resolveDue(roomRequest.sentence, roomRequest.read.message.ts, zoneOf(roomRequest.read.message.author)) ?? resolveDue(read.sentences.join(' '), message.ts, zoneOf(message.author));
      found.push({
        at: read.index,
        item: { id: itemId(input, roomRequest.read.message.id, 'action_item'), summary: summaryOf(roomRequest.sentence), assignee: message.author, requestedBy: roomRequest.read.message.author, due: due?.value ?? null, dueText: due?.text ?? null, evidence: [roomRequest.read.message.id, message.id], confidence: 0.7 },
      });
      roomRequest = undefined;
      continue;
    }
    const room = read.sentences.find((sentence) => ROOM_REQUEST.test(sentence));
    if (room) roomRequest = { read, sentence: room };
    // An acknowledgement or completion of an open item of this conversation.
    const open = found.filter((entry) => entry.item.assignee === message.author && read.index - entry.at <= ACK_WINDOW && entry.at < read.index);
    const text = read.sentences.join(' ');
    // "handover doc for @marco: runbooks, …" with the file attached: a delivery about the same work is a completion.
    const delivered = message.attachment === true && !/\?/.test(text) && !matchesAny(text, NOT_COMPLETIONS) ? deliveredItem(found, context, message.author, text) : undefined;
    if ((isCompletion(text) || delivered) && !hasNewRequest(read)) {
      const target = delivered ?? pickOpen(found.filter((entry) => entry.item.assignee === message.author && entry.at < read.index && !completions.some((c) => c.itemId === entry.item.id)), text, read.index)
        ?? pickPrior(context, message.author, text);
      if (target) {
        completions.push({ itemId: target, messageId: message.id, by: message.author, confidence: 0.7 });
        // "both called … @marco can you do that?": a completion may hand on a new request.
        if (!read.sentences.some((sentence) => matchesAny(sentence, REQUEST_CUES) && !matchesAny(sentence, NOT_REQUESTS))) continue;
      }
    }
    // An acknowledgement: "yep, on it", "will do", or an "I'll …" about the same work.
    const acked = open.length > 0 && !/\?/.test(text) ? [...open].reverse().find((entry) => matchesAny(text.slice(0, 60), ACK_CUES) || (/\bi('ll| will)\b/i.test(text) && overlap(entry.item.summary, text) >= 1)) : undefined;
    if (acked) {
      const entry = acked;
      if (!entry.item.evidence.includes(message.id)) entry.item.evidence.push(message.id);
      if (!entry.item.due) {
        const due = resolveDue(text, message.ts, zoneOf(message.author));
        if (due) Object.assign(entry.item, { due: due.value, dueText: due.text });
      }
      entry.item.confidence = Math.min(0.95, entry.item.confidence + 0.1);
      continue;
    }
    let made = 0;
    for (const sentence of read.sentences) {
      const third = THIRD_PERSON_TASK.exec(sentence);
      const thirdKey = third?.groups ? context.people.resolve((third.groups.name ?? third.groups.name2 ?? '').replace(/^@/, '')) : undefined;
      const request = (matchesAny(sentence, REQUEST_CUES) || (thirdKey !== undefined && thirdKey !== message.author)) && !matchesAny(sentence, NOT_REQUESTS) && !ROOM_REQUEST.test(sentence);
      const progressive = !request && PROGRESSIVE_COMMITMENT.test(sentence) && !/\?\s*$/.test(sentence);
      const commitment = !request && (progressive || (matchesAny(sentence, COMMITMENT_CUES) && !/^\s*if\b/i.test(sentence) && !/\?\s*$/.test(sentence)));
      if (!request && !commitment) continue;
      const sentenceDue = resolveDue(sentence, message.ts, zoneOf(message.author));
      // A dateless "I'll …" is an action item only when it names work ("I'll fix it", "I'll take it"), not "I'll ask Tom".
      if (commitment && !progressive && !sentenceDue && !WORK_VERBS.test(sentence)) continue;
      const named = thirdKey && thirdKey !== message.author ? thirdKey : null;
      const assignee = request ? (matchesAny(sentence, REQUEST_CUES) ? (requestAssignee(context, read, sentence) ?? named) : named) : message.author;
      if (!assignee) continue;
      let summary = summaryOf(sentence);
      if (commitment && /\bi'?ll take (it|that|this)\b/i.test(sentence)) {
        const previous = context.messages.slice(0, read.index).reverse().find((m) => m.message.author !== message.author && !m.isBot);
        if (previous) summary = `${summaryOf(previous.sentences[0] ?? '')} (${summary})`;
      }
      // "… before then?" / "EOD Friday would be ideal": the date may sit in another sentence of the message.
      const due = sentenceDue ?? resolveDue(read.sentences.filter((other) => other !== sentence).join('. '), message.ts, zoneOf(message.author));
      found.push({
        at: read.index,
        item: {
          id: itemId(input, message.id, 'action_item', made > 0 ? String(made) : ''),
          summary,
          assignee,
          requestedBy: message.author,
          due: due?.value ?? null,
          dueText: due?.text ?? null,
          evidence: [message.id],
          confidence: request ? 0.8 : due ? 0.75 : 0.6,
        },
      });
      made++;
      break;
    }
  }
  return { items: found.map((entry) => entry.item), completions };
}

function hasNewRequest(read: ReadMessage): boolean {
  return read.sentences.some((sentence) => matchesAny(sentence, REQUEST_CUES) && !matchesAny(sentence, NOT_REQUESTS) && /\?/.test(sentence) === false && /can you do that/i.test(sentence) === false);
}

function isCompletion(text: string): boolean {
  const head = text.slice(0, 160);
  if (/^[^.!]*\?/.test(head)) return false;
  return matchesAny(head, COMPLETION_CUES) && !matchesAny(head, NOT_COMPLETIONS) && !/\b(i'll|i will|going to|gonna)\b/i.test(head.split(/[.!]/)[0] ?? '');
}

/** The open item a "done" refers to: shared words with its summary, or a short "done"/"shipped it" soon after it. */
function pickOpen(candidates: Found[], text: string, index: number): string | undefined {
  if (candidates.length === 0) return undefined;
  const scored = candidates.map((entry) => ({ entry, score: overlap(entry.item.summary, text) }));
  const best = scored.sort((a, b) => b.score - a.score || b.entry.at - a.entry.at)[0];
  if (best.score > 0) return best.entry.item.id;
  const latest = candidates[candidates.length - 1];
  return text.split(/\s+/).length <= 8 && index - latest.at <= ACK_WINDOW ? latest.item.id : undefined;
}

/** An open item (here or earlier) of the author that shares at least two content words with a message that delivers a file or link. */
function deliveredItem(found: Found[], context: AnnotateContext, author: string, text: string): string | undefined {
  const here = found.filter((entry) => entry.item.assignee === author).map((entry) => ({ id: entry.item.id, score: overlap(entry.item.summary, text) }));
  const prior = (context.input.openItems ?? []).filter((item) => item.assignee === author).map((item) => ({ id: item.itemId, score: overlap(item.summary, text) }));
  const best = [...here, ...prior].filter((entry) => entry.score >= 2).sort((a, b) => b.score - a.score)[0];
  return best?.id;
}

/** An open item from an earlier conversation: same assignee and at least two shared content words (one for a short summary). */
function pickPrior(context: AnnotateContext, author: string, text: string): string | undefined {
  const candidates = (context.input.openItems ?? []).filter((item) => item.assignee === author);
  const scored = candidates.map((item) => ({ item, score: overlap(item.summary, text) })).filter((entry) => entry.score >= 1);
  scored.sort((a, b) => b.score - a.score || b.item.at.localeCompare(a.item.at));
  return scored[0]?.item.itemId;
}
