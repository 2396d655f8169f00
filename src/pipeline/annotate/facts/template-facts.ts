import type { AnnotatedFact } from '../annotate-types.js';
import { itemId, matchesAny, type AnnotateContext, type ReadMessage } from '../annotate-context.js';
import { HEDGE_CUES } from '../lexicon/cues.js';
import { FACT_PATTERNS } from '../lexicon/fact-patterns.js';
import { effectiveDate, effectiveEnd } from './effective-date.js';
import { entityOfPhrase, isOwnable, objectSlot, withoutTail } from './object-slot.js';
import { LiteralGate } from '../literal-gate.js';
import { pronounAntecedent } from './pronoun-antecedent.js';

/** The fact patterns' gates, checked in one scan of a sentence (literal-gate.ts). */
let factGate: LiteralGate | undefined;

const PRONOUNS = new Set(['it', 'that', 'this', 'them', 'those', 'these']);
/** "@priya can you own the doc?": asked, not stated. */
const ASKED_TO = /\b(?:can|could|would|will|wanna)\s+(?:you|u|someone|anyone|somebody)\b/i;

/** "billing issues", "the POS thing": the thing they are about (not "into problems": a phrase, no thing). */
const ABOUT_SUFFIX =
  /(?<=\S)(?<!\b(?:into|in|on|at|to|for|with|of|from|about|over|through|across|by|up|out|the|a|an|any|some|no|more|my|your|our|their))\s+(?:questions|issues|requests|queries|tickets|problems|stuff|thing|things)$/i;

/** Facts about things named together ("X and the Y"): two things, not one thing said twice. */
export const LISTED_TOGETHER = new WeakSet<AnnotatedFact>();

/**
 * The first pass: facts (owns, works_on, expert_in) from the precise phrasings of
 * lexicon/fact-patterns.ts. The person slot resolves "I"/"me"/"mine" to the speaker, "you" to the
 * addressee, names and @handles through the people index; "it", "them", "those" name what
 * pronoun-antecedent.ts finds (the phrase set first, the conversation's main entity, the thing before).
 * Hedged wording ("I think", "might", a question mark) lowers the confidence.
 */
export function templateFacts(
  context: AnnotateContext,
  read: ReadMessage,
  mainEntity: () => string | undefined,
): AnnotatedFact[] {
  const out: AnnotatedFact[] = [];
  const gate = (factGate ??= new LiteralGate(FACT_PATTERNS.map((fact) => fact.pattern)));
  for (const sentence of read.sentences) {
    // `scanned`: the sentence is read once, and again only if something below read another.
    for (const { relation, pattern, dated } of FACT_PATTERNS) {
      if (!gate.scanned(sentence).mayMatch(pattern)) continue;
      const match = pattern.exec(sentence);
      if (!match?.groups) continue;
      if (relation === 'owns' && ASKED_TO.test(sentence.slice(0, match.index + match[0].length))) continue;
      const subject = personOf(context, read, match.groups.p, match[0].trimEnd().endsWith(match.groups.p));
      if (!subject) continue;
      // "i think it moved to lena": the hedge is not part of what moved.
      const surface = match.groups.y
        .trim()
        .replace(/^(?:(?:i think|i believe|i guess|probably|maybe|afaik|iirc|pretty sure)[,]?\s+)+/i, '');
      // "SSO / auth", "billing and invoicing": one fact per named part.
      const parts = PRONOUNS.has(surface.toLowerCase())
        ? [pronounAntecedent(context, read, textBefore(read, sentence, match.index), mainEntity)]
        : surface
            .split(/\s*(?:\/|&|\band\b|\bor\b)\s*/i)
            .map((part) =>
              withoutTail(part)
                .replace(/^(?:the|our|their|your|my|a|an)\s+/i, '')
                .replace(ABOUT_SUFFIX, ''),
            )
            .filter((part) => part && isOwnable(part))
            .map((part) => context.entities.resolve(part));
      const joined =
        relation !== 'works_on' && !PRONOUNS.has(surface.toLowerCase())
          ? coordinated(context, sentence.slice(match.index + match[0].length))
          : [];
      parts.push(...joined);
      // "SSO / auth" is one thing under two names; "the store page and the achievements" are two.
      const listed = (joined.length > 0 || /\band\b|&/i.test(surface)) && new Set(parts).size > 1;
      const hedged = matchesAny(sentence, HEDGE_CUES) || /\?\s*$/.test(sentence);
      const validFrom = dated ? effectiveDate(context, read, sentence.slice(match.index)) : read.message.ts;
      const end = effectiveEnd(context, read, sentence.slice(match.index));
      const validTo = end && end > validFrom ? end : undefined;
      for (const object of parts) {
        if (!object) continue;
        // "I'm working on the empty states": works-on needs a component-like object (known, or "… service/api/sdk").
        if (relation === 'works_on' && !context.entities.isComponentLike(object)) continue;
        const fact: AnnotatedFact = {
          id: itemId(context.input, read.message.id, `fact:${relation}:${subject}:${object}`),
          subject,
          relation,
          object,
          validFrom,
          ...(validTo ? { validTo } : {}),
          hedged,
          evidence: [read.message.id],
          confidence: hedged ? 0.35 : relation === 'owns' ? 0.85 : 0.7,
        };
        if (listed) LISTED_TOGETHER.add(fact);
        out.push(fact);
        // "I maintain acme-sdk, with @noah doing a lot of the heavy lifting": the helper works on it.
        const helper =
          /\bwith (@?[\p{L}][\p{L}_.-]*)(?: \p{Lu}[\p{L}'-]+)? (?:doing|helping|working)\b/iu.exec(sentence);
        const helperKey = helper ? personOf(context, read, helper[1]) : undefined;
        if (helperKey && helperKey !== subject && relation === 'owns') {
          out.push({
            id: itemId(context.input, read.message.id, `fact:works_on:${helperKey}:${object}`),
            subject: helperKey,
            relation: 'works_on',
            object,
            validFrom,
            hedged,
            evidence: [read.message.id],
            confidence: 0.6,
          });
        }
      }
    }
  }
  return out;
}

/**
 * The person a slot names. Two words: a full name ("Priya Nair") or a name after a word ("so
 * Priya"); a lower-case second word is a verb the slot took in ("I can't run it"), so only a slot
 * that ends the match may drop it ("… handed over to Sam tomorrow").
 */
export function personOf(
  context: AnnotateContext,
  read: ReadMessage,
  slot: string,
  endsMatch = true,
): string | undefined {
  const space = slot.indexOf(' ');
  if (space < 0) return wordPerson(context, read, slot);
  const second = slot.slice(space + 1);
  // "@sam you're on point", "so I own it": the pronoun is the person.
  if (/^(?:i|you|me)$/i.test(second)) return wordPerson(context, read, second);
  // "fyi priya has …": a lower-case first name after a word is the person.
  if (!/^\p{Lu}/u.test(second) && context.people.isCasualName(second))
    return wordPerson(context, read, second);
  if (!/^\p{Lu}/u.test(second))
    return endsMatch ? wordPerson(context, read, slot.slice(0, space)) : undefined;
  return wordPerson(context, read, slot) ?? wordPerson(context, read, second);
}

function wordPerson(context: AnnotateContext, read: ReadMessage, slot: string): string | undefined {
  const word = slot.toLowerCase();
  if (word === 'i' || word === 'me' || word === 'mine') return read.message.author;
  if (word === 'you') return read.addressees[0];
  if (!/^@/.test(slot) && !/^\p{Lu}/u.test(slot) && !context.people.isCasualName(word)) return undefined;
  return context.people.resolve(slot.replace(/^@/, '').replace(/[._-]+$/, ''));
}

/** The message's text before a point in one of its sentences. */
function textBefore(read: ReadMessage, sentence: string, at: number): string {
  const start = read.text.indexOf(sentence);
  return start < 0 ? sentence.slice(0, at) : read.text.slice(0, start + at);
}

/**
 * A second thing joined after the pattern's object: "I handle the store page and the achievements,
 * so …" holds both. Not a clause ("and Lena handles hiring", "and I'll take the rest").
 */
function coordinated(context: AnnotateContext, rest: string): string[] {
  const clause = /^\s*(?:and|&|\+)\s+(?:also\s+)?([^,.;!?]+)/i.exec(rest)?.[1];
  if (!clause || clause.split(/\s+/).length > 5 || context.people.namedIn(clause).length > 0) return [];
  return objectSlot(clause)
    .phrases.map((phrase) => entityOfPhrase(context, phrase))
    .filter((id): id is string => id !== undefined);
}
