import { itemId, readAsAnswerTo, type AnnotateContext, type ReadMessage } from '../annotate-context.js';
import { summaryOf, type Found } from '../action-item-parts.js';
import { answerable, DONE_REACTIONS, POSITIVE_REACTIONS } from './responses.js';
import type { ReadUnit } from './unit-acts.js';
import { WORK_UNDER_WAY } from '../lexicon/cues.js';

/** A unit that only apologises ("sorry!!", "oops", "my bad"). */
const APOLOGY = /^(?:so\s+|very\s+)?(?:sorry|oops|whoops|my bad|apologies|argh|ugh)[\s!.,…]*$/i;

/** Requests put to a group: who answers a call to everyone or to anyone, by a reply or a reaction. */

/** A request put to everyone (each responder gets an item) or to whoever takes it (the first taker does). */
export interface OpenCall {
  read: ReadMessage;
  unit: ReadUnit;
  to: 'everyone' | 'anyone';
  members: string[];
  responders: Set<string>;
}

/** The open call (to everyone, to anyone) this message answers by taking it on or saying it is done. */
export function answerCall(
  context: AnnotateContext,
  calls: OpenCall[],
  read: ReadMessage,
): { call: OpenCall; done: boolean; assignee?: string } | undefined {
  const author = read.message.author;
  const reachable = answerable(context.messages, read);
  for (const call of [...calls].reverse()) {
    if (call.read.message.author === author || call.responders.has(author)) continue;
    if (!reachable.some((candidate) => candidate.index === call.read.index)) continue;
    if (call.to === 'anyone' && call.responders.size > 0) continue;
    // "who's doing the release notes?" — "Priya's on it": someone else names who took it.
    const taker = call.to === 'anyone' ? namedTaker(context, read) : undefined;
    if (taker && taker !== call.read.message.author) {
      call.responders.add(taker);
      return { call, done: false, assignee: taker };
    }
    if (call.to === 'everyone' && call.members.length > 0 && !call.members.includes(author)) continue;
    // "sorry!! in now": an apology before the answer is not a refusal of it.
    const units = readAsAnswerTo(context, read, 'request').filter((unit) => !APOLOGY.test(unit.text));
    // "maybe the DNS cache again? lookng at the resolver": a guess before taking it on does not refuse it.
    const first =
      units.find((unit) => unit.act !== 'other' && unit.act !== 'question') ??
      units.find((unit) => WORK_UNDER_WAY.test(unit.text));
    const act = first && WORK_UNDER_WAY.test(first.text) && first.act === 'other' ? 'commitment' : first?.act;
    if (!first || !act || !['commitment', 'acceptance', 'completion'].includes(act)) continue;
    // Asked of anyone, a plain "ok" agrees with the idea; taking it on is a commitment or a done.
    if (
      call.to === 'anyone' &&
      first.act === 'acceptance' &&
      !/\b(i'?ll|i can|i will|mine|me)\b/i.test(first.text)
    )
      continue;
    call.responders.add(author);
    return { call, done: act === 'completion' };
  }
  return undefined;
}

/** "Priya's on it", "Marco has it", "Zara said she'd take it": a person named as the one who took the work. */
const NAMED_TAKER =
  /^(?:(?:i think|looks like|pretty sure|fyi)[,\s]+)?@?(\p{Lu}[\p{L}'’-]+)(?:(?:['’]s| is)\s+(?:on it|on that|doing it|taking it|handling it|taking care of it|looking (?:at|into) it)|(?:['’]s| has)\s+got (?:it|this|that)|\s+has (?:it|this|that)\b(?!\s+\w)|\s+said (?:she|he|they)(?:['’]d| would| will|['’]ll) (?:take|do|handle|grab|look at) (?:it|that|this))\b/u;

function namedTaker(context: AnnotateContext, read: ReadMessage): string | undefined {
  const name = NAMED_TAKER.exec(read.sentences[0] ?? '')?.[1];
  const key = name ? context.people.resolve(name) : undefined;
  return key && key !== read.message.author ? key : undefined;
}

/** A ✅ by the assignee on the request means done; a ✅ by a member on a request to everyone means their part is done. */
export function answerReactions(
  context: AnnotateContext,
  read: ReadMessage,
  calls: OpenCall[],
  found: Found[],
  complete: (id: string, messageId: string, by: string) => void,
): void {
  for (const reaction of read.message.reactions ?? []) {
    if (reaction.user === read.message.author) continue;
    for (const entry of found.filter(
      (candidate) => candidate.at === read.index && candidate.item.assignee === reaction.user,
    )) {
      if (DONE_REACTIONS.test(reaction.emoji)) complete(entry.item.id, read.message.id, reaction.user);
      else if (POSITIVE_REACTIONS.test(reaction.emoji))
        entry.item.confidence = Math.min(0.95, entry.item.confidence + 0.1);
    }
    const call = calls.find(
      (candidate) => candidate.read.index === read.index && candidate.to === 'everyone',
    );
    if (
      call &&
      DONE_REACTIONS.test(reaction.emoji) &&
      !call.responders.has(reaction.user) &&
      (call.members.length === 0 || call.members.includes(reaction.user))
    ) {
      call.responders.add(reaction.user);
      const id = itemId(context.input, read.message.id, 'action_item', reaction.user);
      found.push({
        at: read.index,
        item: {
          id,
          summary: summaryOf(call.unit.text),
          assignee: reaction.user,
          requestedBy: read.message.author,
          due: null,
          dueText: null,
          evidence: [read.message.id],
          confidence: 0.6,
        },
      });
      complete(id, read.message.id, reaction.user);
    }
  }
}
