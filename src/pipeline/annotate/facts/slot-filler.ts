import { matchesAny, type AnnotateContext, type ReadMessage } from '../annotate-context.js';
import { HEDGE_CUES } from '../lexicon/cues.js';
import type { ReadUnit } from '../dialogue/unit-acts.js';
import { clausesOf } from './clauses.js';
import { sameObject } from './corrections.js';
import { effectiveDate, effectiveEnd } from './effective-date.js';
import { entityOfPhrase, objectSlot } from './object-slot.js';
import { underPlanHeading } from '../plan-lines.js';
import { CLASSIFIED_FRAME, OWNERSHIP_FRAMES, type OwnershipFrame } from './ownership-frames.js';
import { markPersons } from './person-slots.js';
import { foldForGate } from '../regex-gate.js';
import { LiteralGate } from '../literal-gate.js';

/** One "person owns object" read from a clause. */
export interface OwnershipClaim {
  subject: string;
  object: string;
  hedged: boolean;
  /** Negated ("Sam doesn't own billing"): never asserted, may retract. */
  negated: boolean;
  validFrom: string;
  /** Where the statement says when it ends ("until Friday", "my last day on X today"). */
  validTo?: string;
  confidence: number;
  frame: string;
  /** Said only as a catch-all ("Ines for anything technical"): a scope, not a named thing. */
  catchAll?: boolean;
}

/** What the filler asks of the rest of the conversation. */
export interface ClaimSurroundings {
  /** The person "she"/"he" names when the unit names nobody before it. */
  antecedentPerson?: string;
  /**
   * The thing "that"/"it" means when the clause does not say: `near` is the subject of the clause
   * before ("tax rounding sits in …, so that's me"), `before` the message's text before the unit.
   */
  antecedentObject: (near: string | undefined, before: string) => string | undefined;
}

/** Words without which a unit is not read for ownership (the classifier may still say it is). */
const HINT =
  /own|anything|everything|questions about|full[- ]time|for good|permanently|→|->|=>|⇒|➡|(?:['’][sm]|\bis|\bare|\bam) on\b|\bmine\b|['’]s\b|\bmy\b|through|\bwith\b|\b(?:ask|ping|talk to|route|send|contact|point person|poc|go-to|dri|lead|maintain|handl|manag|look(?:s|ing)? after|take care|taking care|in charge|responsible|accountable|on point|point on|cover|runs?|running|belongs|whoever|that'?s|for anything|for everything|if it(?:'?s| is)|oversee|heads|last day|final say|last word|admin|always been|go(?:es)? to)/i;
const NEGATION =
  /\b(?:not|no longer|never|nobody|no one|isn't|aren't|doesn't|don't|won't|wasn't|ain't)\b|n['’]t\b/i;
const REQUEST =
  /\b(?:can|could|would|will|wanna|won't|should)\s+(?:you|u|someone|anyone|somebody|one of you|⟦\d+⟧)\b|^(?:pls|please)\b/i;
const WHO_QUESTION = /^(?:so\s+|and\s+)?(?:who|whom|which one)\b|\bwho(?:'s| is| do| does| should| can)\b/i;
/** Frames whose object may be "that"/"it": the thing talked about before. */
const PRONOUN_OBJECTS = new Set(['area', 'possessive', 'through', 'passive', 'belongs']);
/** A clock time ("04:45", "5am", "3 pm"). */
const CLOCK = /\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s?(?:am|pm)\b/i;
const WHEN_CLAUSE =
  /^(?:(?:so|and|but|ok|okay)\s+)?(?:from|starting|as of|effective|beginning|until|till|through)\b[^⟦]*$/i;
/** Verbs ending a subject noun phrase: "tax rounding sits in the invoice service" → "tax rounding". */
const SUBJECT_END =
  /\s(?:is|are|was|were|lives?|sits?|runs?|goes|belongs?|needs?|has|have|lands?|falls?|comes?|moved?|depends?|should|will|can)\b/i;

/**
 * Slot filling over the units of one message that read as ownership statements, by a frame
 * (ownership-frames.ts) or by the classifier: each clause gives its person slot (a name, @handle,
 * I/me/my/mine → the speaker, you/your → the addressee, she/he → the person just named) and its object
 * slot (a known entity, or the noun phrase left when the person, the copula and the cue are gone).
 */
export function ownershipClaims(
  context: AnnotateContext,
  read: ReadMessage,
  around: ClaimSurroundings,
): OwnershipClaim[] {
  const claims: OwnershipClaim[] = [];
  let antecedentPerson = around.antecedentPerson;
  // A bot states no ownership (its rota notices are on-call facts: extract-schedule.ts).
  if (read.isBot) return [];
  const units: SaidUnit[] = read.units;
  const frames = OWNERSHIP_FRAMES;
  for (const [index, unit] of units.entries()) {
    if (unit.act !== 'ownership' && !HINT.test(unit.text)) continue;
    // "lena you still manage the Vimeo account, right?": asked of the holder, not stated; the answer says.
    if (/\?\s*$/.test(unit.text) && /\b(?:you|u)\b/i.test(unit.text)) continue;
    const before = units
      .slice(0, index)
      .map((earlier) => earlier.text)
      .join(' ');
    // "last day on the search indexer today": the speaker's, said without "my".
    const text = unit.text.replace(
      /^(?:(?:it['’]?s|it is|today is|today['’]s)\s+)?last day\b/i,
      'my last day',
    );
    const marked = markPersons(context, read, text, { antecedent: antecedentPerson });
    if (marked.persons.length === 0) continue;
    antecedentPerson = marked.persons.filter((key) => key !== read.message.author).pop() ?? antecedentPerson;
    const { heading, clauses } = clausesOf(marked.text);
    const markedFolded = foldForGate(marked.text);
    const read1 = (candidates: OwnershipFrame[]): Hit[] => {
      const whole = candidates.flatMap((frame) => {
        const match =
          frame.whole && tryFrame(frame, marked.text, markedFolded) ? frame.pattern.exec(marked.text) : null;
        return match?.groups
          ? [{ clause: marked.text, lead: '', negated: false, previous: undefined, frame, match }]
          : [];
      });
      if (whole.length > 0) return whole.slice(0, 1);
      return clauses.flatMap((said, index) => {
        // "Lena doesn't handle the indexer" is read as "Lena handle the indexer", negated.
        const clause = said.replace(NEGATION, '').replace(/\s+/g, ' ');
        const negated = clause !== said.replace(/\s+/g, ' ');
        const lead = [heading ?? '', ...clauses.slice(0, index)].join(' ');
        const folded = foldForGate(clause);
        for (const frame of candidates) {
          if (frame.whole || !tryFrame(frame, clause, folded)) continue;
          const match = frame.pattern.exec(clause);
          if (match?.groups) return [{ clause, lead, negated, previous: clauses[index - 1], frame, match }];
        }
        return [];
      });
    };
    let hits = read1(frames);
    // A step of a plan ("Next steps: Priya drafts the RFC") hands out work; it holds nothing.
    if (hits.length === 0 && unit.act === 'ownership' && !underPlanHeading(read, read.units[index]))
      hits = read1([CLASSIFIED_FRAME]);
    // "so from monday, billing questions → Marco": a clause that only says when.
    const when = clauses.filter((clause) => WHEN_CLAUSE.test(clause)).join(' ');
    const frame = {
      heading,
      before,
      when,
      pairs: hits.filter((hit) => !hit.frame.antecedent).length,
      persons: marked.persons,
    };
    for (const hit of hits) {
      for (const claim of claimOf(context, read, unit, hit, frame, around)) {
        // "Kofi owns the search indexer … route search stuff to Kofi": one thing, named twice in one message.
        const again = claims.some(
          (other) =>
            other.subject === claim.subject &&
            other.negated === claim.negated &&
            (other.object === claim.object || sameObject(context, other.object, claim.object)),
        );
        if (!again) claims.push(claim);
      }
    }
  }
  return claims;
}

/**
 * Whether a frame may match a clause (`folded` by `foldForGate`): its pattern's required literals
 * (regex-gate.ts) and, where a frame says one, the cue it cannot match without. Exact: a frame
 * ruled out here could not have matched.
 */
function tryFrame(frame: OwnershipFrame, text: string, folded: string): boolean {
  return (
    (frame.cue === undefined || frame.cue.test(folded)) &&
    (frameGate ??= new LiteralGate([...OWNERSHIP_FRAMES, CLASSIFIED_FRAME].map((each) => each.pattern)))
      .scanned(text)
      .mayMatch(frame.pattern)
  );
}
/** The frames' pattern gates, checked in one scan of a clause (literal-gate.ts). */
let frameGate: LiteralGate | undefined;

/** What the filler reads of a unit: its text and its act (a bot's sentence reads as "other"). */
type SaidUnit = Pick<ReadUnit, 'text' | 'act'>;

interface Hit {
  clause: string;
  /** The unit's heading and clauses before this one: a hedge there ("not sure, but …") covers it. */
  lead: string;
  negated: boolean;
  /** The clause before it in the unit: what "so that's me" refers back to. */
  previous: string | undefined;
  frame: OwnershipFrame;
  match: RegExpExecArray;
}

/** What the whole unit tells each clause: its heading, how many pairs it lists, its persons. */
interface UnitFrame {
  heading: string | undefined;
  /** The message's text before the unit. */
  before: string;
  /** The unit's clauses that only say when ("so from monday"). */
  when: string;
  pairs: number;
  persons: string[];
}

function claimOf(
  context: AnnotateContext,
  read: ReadMessage,
  unit: SaidUnit,
  hit: Hit,
  whole: UnitFrame,
  around: ClaimSurroundings,
): OwnershipClaim[] {
  const { clause, frame, match } = hit;
  const groups = match.groups ?? {};
  const subject = whole.persons[Number(groups.p)];
  if (!subject || WHO_QUESTION.test(clause)) return [];
  // "Ines + Leila for anything …", "Sam and Lena own billing": shared, not one holder.
  if (/⟦\d+⟧\s*(?:\+|&|and|,|\/)\s*$/i.test(clause.slice(0, match.index + match[0].indexOf(`⟦${groups.p}⟧`))))
    return [];
  if (frame.declarative && (REQUEST.test(clause) || unit.act === 'request')) return [];
  // "me on the call with Gordon from 06:15": a weak frame at a clock time is a plan step, not a holding.
  if ((frame.needs === 'pairing' || frame.name === 'classified') && CLOCK.test(clause)) return [];
  const slot = frame.antecedent ? undefined : objectSlot(groups.y ?? '');
  if (frame.needs === 'pairing' && !slot?.catchAll && whole.pairs < 2 && unit.act !== 'ownership') return [];
  let objects: Array<string | undefined> = [];
  if (!slot)
    objects = [around.antecedentObject(hit.previous ? subjectOf(hit.previous) : undefined, whole.before)];
  else if (slot.pronoun)
    objects = PRONOUN_OBJECTS.has(frame.name) ? [around.antecedentObject(undefined, whole.before)] : [];
  else if (slot.phrases.length > 0)
    objects = slot.phrases
      // "Kofi is on Zendesk, I'm on phones": who covers what names a thing; "on phones", "on leave" is a shift.
      .filter((phrase) => frame.name !== 'covers' || namesAThing(context, phrase))
      .map((phrase) => entityOfPhrase(context, phrase));
  else if (slot.catchAll && whole.heading) objects = [scopeOf(context, whole.heading)];
  const ids = [...new Set(objects.filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return [];
  const negated = hit.negated;
  // The hedges read the speaker back as "I" ("⟦0⟧ think" is "I think").
  const said = (text: string): string =>
    text.replace(/⟦(\d+)⟧/g, (_, k: string) =>
      whole.persons[Number(k)] === read.message.author ? 'I' : 'X',
    );
  const hedged =
    matchesAny(said(clause), HEDGE_CUES) ||
    matchesAny(said(hit.lead), HEDGE_CUES) ||
    /\?\s*\S*\s*$/.test(unit.text) ||
    unit.act === 'question';
  const validFrom = effectiveDate(context, read, `${clause} ${whole.when}`, true);
  const end = effectiveEnd(context, read, `${clause} ${whole.when}`);
  const validTo = end && end > validFrom ? end : undefined;
  const confidence = hedged ? 0.35 : frame.name === 'classified' ? 0.6 : 0.75;
  return ids.map((object) => ({
    subject,
    object,
    hedged,
    negated,
    validFrom,
    ...(validTo ? { validTo } : {}),
    confidence,
    frame: frame.name,
    ...(slot?.catchAll && slot.phrases.length === 1 ? { catchAll: true } : {}),
  }));
}

/** A name, not a common noun: capitalised where it is said, or an entity known from earlier conversations. */
function namesAThing(context: AnnotateContext, phrase: string): boolean {
  const known = context.entities.resolve(phrase, false);
  return /\p{Lu}/u.test(phrase) || (known !== undefined && context.entities.isKnown(known));
}

/** The subject noun phrase of a clause ("tax rounding sits in the invoice service" → "tax rounding"). */
function subjectOf(clause: string): string | undefined {
  const end = SUBJECT_END.exec(clause);
  return end && !/⟦/.test(clause.slice(0, end.index)) ? clause.slice(0, end.index) : undefined;
}

/** What a heading names ("for anyone new on Halden" → Halden): a known entity, else a capitalised name. */
function scopeOf(context: AnnotateContext, heading: string): string | undefined {
  const known = context.entities.mentionedIn(heading)[0];
  if (known) return known;
  const name = /\s(\p{Lu}[\p{L}-]+(?:\s\p{Lu}[\p{L}-]+)*)/u.exec(heading)?.[1];
  return name ? context.entities.resolve(name) : undefined;
}
