import type { AnnotatedFact, AnnotateOutput } from '../annotate-types.js';
import type { AnnotateContext, ReadMessage } from '../annotate-context.js';
import { normalizeEntityName } from '../entities.js';
import { messageById } from '../message-index.js';

type Retraction = AnnotateOutput['retractions'][number];

/** Words that mark a message as setting an earlier claim right. */
export const CORRECTION_MARKER =
  /\b(?:correction|actually|nope|not quite|wrong|in fact|to be clear|to clarify|fwiw|i meant|not (?:him|her|them))\b|^\s*no\b[,.!—–-]?/i;
/** "not anymore", "no longer": the fact ended, it was not wrong (a reversal, not a correction). */
const ENDED = /\b(?:any ?more|no longer|not now|used to)\b/i;
/** How far after a claim a correction may come without replying to it (messages of the conversation). */
const NEAR = 6;

/** Whether two entity ids name one thing: the same id, or one name a word-prefix or -suffix of the other. */
export function sameObject(context: AnnotateContext, a: string, b: string): boolean {
  return a === b || sameName(context.entities.nameOf(a), context.entities.nameOf(b));
}

/** "tax rounding" and "tax rounding rules", "indexer" and "search indexer": one thing named shorter. */
export function sameName(a: string, b: string): boolean {
  const x = normalizeEntityName(a);
  const y = normalizeEntityName(b);
  if (!x || !y) return false;
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return long.startsWith(`${short} `) || long.endsWith(` ${short}`);
}

/** The message a fact was said in, and whether `read` answers it (reply, thread) or follows it closely. */
function answers(context: AnnotateContext, read: ReadMessage, fact: AnnotatedFact): ReadMessage | undefined {
  const source = messageById(context.messages, fact.evidence[0]);
  if (!source || source.index >= read.index) return undefined;
  const replied =
    read.message.replyTo === source.message.id ||
    (read.message.thread !== undefined &&
      read.message.thread !== null &&
      (read.message.thread === source.message.id || read.message.thread === source.message.thread));
  return replied || read.index - source.index <= NEAR ? source : undefined;
}

/**
 * The earlier ownership claim `read` sets right, when it is one: said by someone else, shortly
 * before or in the message it replies to, and `read` carries a correction marker ("small
 * correction:", "actually", "no,", "not Ines"). The latest such claim wins.
 */
export function correctedClaim(
  context: AnnotateContext,
  read: ReadMessage,
  earlier: readonly AnnotatedFact[],
): AnnotatedFact | undefined {
  const text = read.text;
  if (ENDED.test(text)) return undefined;
  const named = new Set(context.people.namedIn(text).map((hit) => hit.key));
  for (const fact of [...earlier].reverse()) {
    if (fact.relation !== 'owns' || fact.evidence[0] === read.message.id) continue;
    const source = answers(context, read, fact);
    if (!source || source.message.author === read.message.author) continue;
    const negatesOwner = named.has(fact.subject) && /\bnot\b|n['’]t\b/i.test(text);
    if (CORRECTION_MARKER.test(text) || negatesOwner) return fact;
  }
  return undefined;
}

/**
 * Retractions for what `read` asserts after a correction: each earlier claim about the same object
 * (the claim corrected, by someone else, another owner) is retracted by the corrector.
 */
export function correctionRetractions(
  context: AnnotateContext,
  read: ReadMessage,
  asserted: readonly AnnotatedFact[],
  earlier: readonly AnnotatedFact[],
): Retraction[] {
  const corrected = correctedClaim(context, read, earlier);
  if (!corrected) return [];
  const hit = asserted.some(
    (fact) =>
      !fact.hedged &&
      fact.relation === 'owns' &&
      fact.subject !== corrected.subject &&
      sameObject(context, fact.object, corrected.object),
  );
  return hit ? [{ factId: corrected.id, by: read.message.author, messageId: read.message.id }] : [];
}

/**
 * "Sam doesn't own the indexer", "billing isn't Priya's": the negated claim retracts the matching
 * earlier fact (of this conversation, or asserted before it), unless it only ended ("not anymore").
 */
export function negationRetractions(
  context: AnnotateContext,
  read: ReadMessage,
  negated: ReadonlyArray<{ subject: string; object: string }>,
  earlier: readonly AnnotatedFact[],
): Retraction[] {
  if (ENDED.test(read.text)) return [];
  const out: Retraction[] = [];
  for (const claim of negated) {
    const here = [...earlier]
      .reverse()
      .find(
        (fact) =>
          fact.relation === 'owns' &&
          fact.subject === claim.subject &&
          fact.evidence[0] !== read.message.id &&
          sameObject(context, fact.object, claim.object),
      );
    const prior = here
      ? undefined
      : [...(context.input.priorFacts ?? [])]
          .reverse()
          .find(
            (fact) =>
              fact.relation === 'owns' && fact.subject === claim.subject && fact.object === claim.object,
          );
    const factId = here?.id ?? prior?.factId;
    if (factId) out.push({ factId, by: read.message.author, messageId: read.message.id });
  }
  return out;
}

/** "nobody owns the gateway", "it's no one's", "that has no owner": said to deny a claimed owner. */
const UNOWNED =
  /\b(?:nobody|no one|no-one)\s+(?:really\s+)?(?:owns|handles|runs|maintains|looks after|is on)\b|\b(?:nobody|no one|no-one)['’]s\b|\b(?:has|have|there's|there is)\s+no\s+(?:real\s+|actual\s+)?owner\b|\bunowned\b/i;

/**
 * "no, the SMS gateway is nobody's": someone else denies that an earlier claim holds, without
 * naming another owner. The claim about the thing named (or, with a correction marker and no thing
 * named, the claim answered) is retracted; "nobody owns it any more" only ends it and retracts nothing.
 */
export function unownedRetractions(
  context: AnnotateContext,
  read: ReadMessage,
  earlier: readonly AnnotatedFact[],
): Retraction[] {
  const text = read.text;
  if (!UNOWNED.test(text) || ENDED.test(text)) return [];
  const named = context.entities.mentionedIn(text);
  const denied = [...earlier].reverse().find((fact) => {
    if (fact.relation !== 'owns' || fact.evidence[0] === read.message.id) return false;
    const source = answers(context, read, fact);
    if (!source || source.message.author === read.message.author) return false;
    return named.length > 0
      ? named.some((id) => sameObject(context, id, fact.object))
      : CORRECTION_MARKER.test(text);
  });
  return denied ? [{ factId: denied.id, by: read.message.author, messageId: read.message.id }] : [];
}
