import type { AnnotatedFact, AnnotateOutput } from './annotate-types.js';
import { itemId, type AnnotateContext, type ReadMessage } from './annotate-context.js';
import { CORRECTION_PATTERNS } from './lexicon/fact-patterns.js';
import { COMPONENT_HEADS } from './lexicon/entity-words.js';
import {
  correctedClaim,
  correctionRetractions,
  negationRetractions,
  sameName,
  unownedRetractions,
} from './facts/corrections.js';
import { entityOfPhrase, objectSlot } from './facts/object-slot.js';
import { lastNamedIn } from './facts/person-slots.js';
import { lastEntityIn } from './facts/pronoun-antecedent.js';
import { handedOver } from './facts/handover.js';
import { nameAnswer } from './facts/name-answers.js';
import { ownershipClaims } from './facts/slot-filler.js';
import { LISTED_TOGETHER, templateFacts } from './facts/template-facts.js';
import { earlierOwnedThing, listedParts, type OwnedThing } from './owned-things.js';
import { answeredMessage, messageById } from './message-index.js';

type Retraction = AnnotateOutput['retractions'][number];

/**
 * Facts (owns, works_on, expert_in) in two passes per message: the precise templates of
 * lexicon/fact-patterns.ts first (facts/template-facts.ts), then slot filling over the units that
 * read as ownership statements (facts/slot-filler.ts) for the persons the templates did not place.
 * Hedged wording keeps a low confidence. A correction retracts the claim it corrects: the listed
 * phrasings ("it's A, not B"), or any later message by someone else, answering it, that gives the
 * same object another owner with a correction marker (facts/corrections.ts).
 */
export function extractFacts(
  context: AnnotateContext,
  mainEntity: () => string | undefined,
): Pick<AnnotateOutput, 'facts' | 'retractions'> {
  const facts: AnnotatedFact[] = [];
  const retractions: Retraction[] = [];
  const sameOwner = (a: string, b: string): boolean =>
    a === b ||
    context.people.resolve(context.people.nameOf(a)) === b ||
    context.people.resolve(context.people.nameOf(b)) === a;
  const push = (said: AnnotatedFact): void => {
    const fact = sameThingAsBefore(said);
    if (
      !facts.some(
        (f) =>
          f.subject === fact.subject &&
          f.relation === fact.relation &&
          f.object === fact.object &&
          f.evidence[0] === fact.evidence[0],
      )
    )
      facts.push(fact);
  };
  /** "owns the sync engine: the queue worker, the retry job": those are the sync engine's other names. */
  const nameListedParts = (fact: AnnotatedFact): void => {
    const read = messageById(context.messages, fact.evidence[0]);
    if (!read) return;
    const parts = listedParts(read.message.text, context.entities.formsOf(fact.object));
    for (const part of parts) context.entities.addAlias(fact.object, part);
  };
  /** An owner said to own a thing again under another name keeps one ownership: the earlier name's. */
  const sameThingAsBefore = (fact: AnnotatedFact): AnnotatedFact => {
    if (fact.relation !== 'owns') return fact;
    const owned: OwnedThing[] = [
      ...(context.input.priorFacts ?? []).filter((f) => f.relation === 'owns'),
      ...facts
        .filter((f) => f.relation === 'owns')
        .map((f) => ({
          subject: f.subject,
          object: f.object,
          message: f.evidence[0],
          validTo: f.validTo,
          retracted: retractions.some((r) => r.factId === f.id),
        })),
    ];
    const object = earlierOwnedThing(
      {
        subject: fact.subject,
        object: fact.object,
        message: fact.evidence[0],
        validTo: fact.validTo,
        catchAll: fact.scope,
        listed: LISTED_TOGETHER.has(fact),
      },
      owned,
      (id) => context.entities.formsOf(id),
      sameOwner,
    );
    if (fact.evidence[0]) nameListedParts(fact);
    if (!object) return fact;
    context.entities.markUsed(object);
    // Said of the thing the owner holds, a catch-all is that thing, no longer a scope of its own.
    const { scope: _scope, ...named } = fact;
    return { ...named, object };
  };
  const retract = (retraction: Retraction): void => {
    if (!retractions.some((r) => r.factId === retraction.factId)) retractions.push(retraction);
  };
  let previous: ReadMessage | undefined;
  for (const read of context.messages) {
    const before = facts.length;
    if (read.isBot) continue;
    for (const fact of templateFacts(context, read, mainEntity)) push(fact);
    const placed = new Set(
      facts
        .slice(before)
        .filter((fact) => fact.relation === 'owns')
        .map((fact) => fact.subject),
    );
    const earlier = facts.slice(0, before);
    const claims = ownershipClaims(context, read, {
      antecedentPerson: previous ? lastNamedIn(context, previous) : undefined,
      antecedentObject: (near, before) => antecedentObject(context, read, near, before, earlier),
    });
    for (const claim of claims) {
      if (claim.negated || placed.has(claim.subject)) continue;
      push({
        id: itemId(context.input, read.message.id, `fact:owns:${claim.subject}:${claim.object}`),
        subject: claim.subject,
        relation: 'owns',
        object: claim.object,
        validFrom: claim.validFrom,
        ...(claim.validTo ? { validTo: claim.validTo } : {}),
        hedged: claim.hedged,
        evidence: [read.message.id],
        confidence: claim.confidence,
        ...(claim.catchAll ? { scope: true } : {}),
      });
    }
    // "who owns the partner API?" → "Priya": the name alone answers it.
    const answer = claims.length === 0 ? nameAnswer(context, read) : undefined;
    if (answer)
      push({
        id: itemId(
          context.input,
          read.message.id,
          `fact:${answer.relation}:${answer.subject}:${answer.object}`,
        ),
        subject: answer.subject,
        relation: answer.relation,
        object: answer.object,
        validFrom: read.message.ts,
        hedged: answer.hedged,
        evidence: [read.message.id, answer.question],
        confidence: answer.hedged ? 0.35 : 0.75,
      });
    // A handover from a later day ends the holding of whoever the message says is moving on.
    const stated = facts.slice(before).filter((fact) => fact.relation === 'owns');
    for (const held of handedOver(context, read, stated))
      push({
        id: itemId(context.input, read.message.id, `fact:owns:${held.subject}:${held.object}`),
        subject: held.subject,
        relation: 'owns',
        object: held.object,
        validFrom: held.validFrom,
        validTo: held.validTo,
        hedged: false,
        evidence: [read.message.id],
        confidence: 0.6,
      });
    const named = patternCorrection(context, read, facts, push);
    if (named) retract(named);
    else for (const r of correctionRetractions(context, read, facts.slice(before), earlier)) retract(r);
    const negated = claims.filter((claim) => claim.negated);
    for (const r of negationRetractions(context, read, negated, earlier)) retract(r);
    for (const r of unownedRetractions(context, read, earlier)) retract(r);
    previous = read;
  }
  return { facts, retractions };
}

/**
 * What "that"/"it" in an ownership statement means: the claim a correction sets right (when the
 * clause before names the same thing, or nothing), else the thing the clause before names
 * ("tax rounding sits in the invoice service, so that's me"), else what the message it answers is
 * about. Nothing else: "that's me" answering "who signs?" names no thing, and no fact is guessed.
 */
function antecedentObject(
  context: AnnotateContext,
  read: ReadMessage,
  near: string | undefined,
  before: string,
  earlier: readonly AnnotatedFact[],
): string | undefined {
  const phrase = near ? objectSlot(near).phrases[0] : undefined;
  const corrected = correctedClaim(context, read, earlier);
  if (corrected && (!phrase || sameName(phrase, context.entities.nameOf(corrected.object))))
    return corrected.object;
  const named = phrase ? entityOfPhrase(context, phrase) : undefined;
  return named ?? lastEntityIn(context, before) ?? answeredTopic(context, read, earlier);
}

/** What the message `read` answers is about: its ownership fact's object, else the last entity it names. */
function answeredTopic(
  context: AnnotateContext,
  read: ReadMessage,
  earlier: readonly AnnotatedFact[],
): string | undefined {
  const answered = answeredMessage(context.messages, read);
  if (!answered) return undefined;
  const fact = earlier.find((f) => f.relation === 'owns' && f.evidence[0] === answered.message.id);
  const text = answered.text;
  // "who signs on your side?" → "that's me": the answer names who acts, not who holds a thing.
  const who = /\bwho(?:'s|’s)?\b[^?]*\?/i.exec(text)?.[0];
  if (!fact && who && !WHO_HOLDS.test(who)) return undefined;
  return fact?.object ?? lastEntityIn(context, text) ?? possessedThing(context, text);
}

/** A who-question about holding a thing ("who owns …", "who's on call", "who do I ask about …"). */
const WHO_HOLDS =
  /\b(?:own|owns|owner|handles?|responsible|in charge|looks? after|runs?|maintains?|leads?|point|contact|on[- ]?call|pager|ask|ping|talk to|go to|covers?|manages?|dri|poc)\b/i;

/** "are Orion's predictions still jumpy?": the thing asked about is what the possessive holds. */
function possessedThing(context: AnnotateContext, text: string): string | undefined {
  const held = /[\p{L}\d_-]+['’]s\s+([\p{L}][\p{L}\d-]*(?:\s+[\p{L}][\p{L}\d-]*)?)/u.exec(text)?.[1];
  if (!held) return undefined;
  // One word, two when the second is a component word ("Orion's sync worker").
  const [first, second] = held.split(/\s+/);
  const words = second && COMPONENT_HEADS.includes(second.toLowerCase()) ? held : first;
  const phrase = objectSlot(words).phrases[0];
  return phrase ? entityOfPhrase(context, phrase) : undefined;
}

/** The listed correction phrasings (lexicon CORRECTION_PATTERNS) that name the right person, and often the wrong one. */
function patternCorrection(
  context: AnnotateContext,
  read: ReadMessage,
  facts: AnnotatedFact[],
  push: (fact: AnnotatedFact) => void,
): Retraction | undefined {
  const text = read.text;
  for (const pattern of CORRECTION_PATTERNS) {
    const match = pattern.exec(text);
    if (!match?.groups) continue;
    const clean = (name: string): string => name.replace(/^@/, '').replace(/[._-]+$/, '');
    const fresh = context.people.resolve(clean(match.groups.new));
    // Without a named wrong person ("scratch that, it's Lena"), the last fact about someone else is the wrong one.
    const old = match.groups.old
      ? context.people.resolve(clean(match.groups.old))
      : [...facts].reverse().find((fact) => fact.subject !== fresh && fact.evidence[0] !== read.message.id)
          ?.subject;
    if (!fresh || !old || fresh === old) continue;
    const wrong =
      [...facts].reverse().find((fact) => fact.subject === old && fact.evidence[0] !== read.message.id) ??
      [...(context.input.priorFacts ?? [])].reverse().find((fact) => fact.subject === old);
    if (!wrong) continue;
    const wrongId = 'id' in wrong ? wrong.id : wrong.factId;
    push({
      id: itemId(context.input, read.message.id, `fact:${wrong.relation}:${fresh}:${wrong.object}`),
      subject: fresh,
      relation: wrong.relation,
      object: wrong.object,
      validFrom: read.message.ts,
      hedged: false,
      evidence: [read.message.id],
      confidence: 0.8,
    });
    return { factId: wrongId, by: read.message.author, messageId: read.message.id };
  }
  return undefined;
}
