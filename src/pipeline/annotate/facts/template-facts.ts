import type { AnnotatedFact } from '../annotate-types.js';
import { itemId, matchesAny, type AnnotateContext, type ReadMessage } from '../annotate-context.js';
import { HEDGE_CUES } from '../lexicon/cues.js';
import { FACT_PATTERNS } from '../lexicon/fact-patterns.js';
import { effectiveDate, effectiveEnd } from './effective-date.js';
import { isOwnable, withoutTail } from './object-slot.js';
import { LiteralGate } from '../literal-gate.js';

/** The fact patterns' gates, checked in one scan of a sentence (literal-gate.ts). */
let factGate: LiteralGate | undefined;

const PRONOUNS = new Set(['it', 'that', 'this', 'them']);
/** "@priya can you own the doc?": asked, not stated. */
const ASKED_TO = /\b(?:can|could|would|will|wanna)\s+(?:you|u|someone|anyone|somebody)\b/i;

/**
 * The first pass: facts (owns, works_on, expert_in) from the precise phrasings of
 * lexicon/fact-patterns.ts. The person slot resolves "I"/"me"/"mine" to the speaker, "you" to the
 * addressee, names and @handles through the people index; "it" names the conversation's main entity.
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
      const subject = personOf(context, read, match.groups.p);
      if (!subject) continue;
      const surface = match.groups.y.trim();
      // "SSO / auth", "billing and invoicing": one fact per named part.
      const parts = PRONOUNS.has(surface.toLowerCase())
        ? [mainEntity()]
        : surface
            .split(/\s*(?:\/|&|\band\b|\bor\b)\s*/i)
            .map((part) => withoutTail(part))
            .filter((part) => part && isOwnable(part))
            .map((part) => context.entities.resolve(part));
      const hedged = matchesAny(sentence, HEDGE_CUES) || /\?\s*$/.test(sentence);
      const validFrom = dated ? effectiveDate(context, read, sentence.slice(match.index)) : read.message.ts;
      const end = effectiveEnd(context, read, sentence.slice(match.index));
      const validTo = end && end > validFrom ? end : undefined;
      for (const object of parts) {
        if (!object) continue;
        // "I'm working on the empty states": works-on needs a component-like object (known, or "… service/api/sdk").
        if (relation === 'works_on' && !context.entities.isComponentLike(object)) continue;
        out.push({
          id: itemId(context.input, read.message.id, `fact:${relation}:${subject}:${object}`),
          subject,
          relation,
          object,
          validFrom,
          ...(validTo ? { validTo } : {}),
          hedged,
          evidence: [read.message.id],
          confidence: hedged ? 0.35 : relation === 'owns' ? 0.85 : 0.7,
        });
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

export function personOf(context: AnnotateContext, read: ReadMessage, slot: string): string | undefined {
  const word = slot.toLowerCase();
  if (word === 'i' || word === 'me' || word === 'mine') return read.message.author;
  if (word === 'you') return read.addressees[0];
  if (!/^@/.test(slot) && !/^\p{Lu}/u.test(slot)) return undefined;
  return context.people.resolve(slot.replace(/^@/, '').replace(/[._-]+$/, ''));
}
