import type { AnnotatedFact, AnnotateOutput } from './annotate-types.js';
import { itemId, matchesAny, type AnnotateContext, type ReadMessage } from './annotate-context.js';
import { resolveDue } from './due-dates.js';
import { HEDGE_CUES } from './lexicon/cues.js';
import { CORRECTION_PATTERNS, FACT_PATTERNS } from './lexicon/fact-patterns.js';

const PRONOUNS = new Set(['it', 'that', 'this', 'them']);

/**
 * Facts (owns, works_on, expert_in) from the phrasings in lexicon/fact-patterns.ts. The person slot
 * resolves "I"/"me"/"mine" to the speaker, "you" to the addressee, names and @handles through the
 * people index; "it" names the conversation's main entity. Hedged wording ("I think", "might", a
 * question mark) lowers the confidence. A correction ("it's A, not B") retracts B's fact and asserts A's.
 */
export function extractFacts(
  context: AnnotateContext,
  mainEntity: () => string | undefined,
): Pick<AnnotateOutput, 'facts' | 'retractions'> {
  const facts: AnnotatedFact[] = [];
  const retractions: AnnotateOutput['retractions'] = [];
  const push = (fact: AnnotatedFact): void => {
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
  for (const read of context.messages) {
    if (read.isBot) continue;
    const text = read.sentences.join(' ');
    for (const sentence of read.sentences) {
      for (const { relation, pattern, dated } of FACT_PATTERNS) {
        const match = pattern.exec(sentence);
        if (!match?.groups) continue;
        const subject = personOf(context, read, match.groups.p);
        const surface = match.groups.y.trim();
        // "SSO / auth", "billing and invoicing": one fact per named part.
        const parts = PRONOUNS.has(surface.toLowerCase())
          ? [mainEntity()]
          : surface
              .split(/\s*(?:\/|&|\band\b|\bor\b)\s*/i)
              .filter(Boolean)
              .map((part) => context.entities.resolve(part));
        if (!subject) continue;
        const hedged = matchesAny(sentence, HEDGE_CUES) || /\?\s*$/.test(sentence);
        const validFrom = dated ? effectiveDate(context, read, sentence.slice(match.index)) : read.message.ts;
        for (const object of parts) {
          if (!object) continue;
          // "I'm working on the empty states": works-on needs a component-like object (known, or "… service/api/sdk").
          if (relation === 'works_on' && !context.entities.isComponentLike(object)) continue;
          push({
            id: itemId(context.input, read.message.id, `fact:${relation}:${subject}:${object}`),
            subject,
            relation,
            object,
            validFrom,
            hedged,
            evidence: [read.message.id],
            confidence: hedged ? 0.35 : relation === 'owns' ? 0.85 : 0.7,
          });
          // "I maintain acme-sdk, with @noah doing a lot of the heavy lifting": the helper works on it.
          const helper =
            /\bwith (@?[\p{L}][\p{L}_.-]*)(?: \p{Lu}[\p{L}'-]+)? (?:doing|helping|working)\b/iu.exec(
              sentence,
            );
          const helperKey = helper ? personOf(context, read, helper[1]) : undefined;
          if (helperKey && helperKey !== subject && relation === 'owns') {
            push({
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
      retractions.push({ factId: wrongId, by: read.message.author, messageId: read.message.id });
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
      break;
    }
  }
  return { facts, retractions };
}

/** A handover's effective date: "from Monday", "starting the 16th" in the clause, else anywhere in the message; else the message time. */
function effectiveDate(context: AnnotateContext, read: ReadMessage, clause: string): string {
  const zone = context.input.timezone;
  const ts = read.message.ts;
  const cued = (text: string): string | undefined => {
    const match = /\b(?:from|starting|as of|effective|beginning|since)\b.{0,40}/i.exec(text);
    if (!match) return undefined;
    const when = resolveDue(match[0], ts, zone);
    if (!when) return undefined;
    // "since Monday" looks back: the weekday before the message, not after it.
    if (/^since\b/i.test(match[0]))
      return when.startOfDay > ts
        ? new Date(Date.parse(when.startOfDay) - 7 * 86_400_000).toISOString()
        : when.startOfDay;
    return when.startOfDay > ts ? when.startOfDay : undefined;
  };
  return cued(clause) ?? cued(read.sentences.join(' ')) ?? ts;
}

function personOf(context: AnnotateContext, read: ReadMessage, slot: string): string | undefined {
  const word = slot.toLowerCase();
  if (word === 'i' || word === 'me' || word === 'mine') return read.message.author;
  if (word === 'you') return read.addressees[0];
  if (!/^@/.test(slot) && !/^\p{Lu}/u.test(slot)) return undefined;
  return context.people.resolve(slot.replace(/^@/, '').replace(/[._-]+$/, ''));
}
