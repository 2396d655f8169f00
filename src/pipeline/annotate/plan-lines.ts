import type { AnnotateContext, ReadMessage } from './annotate-context.js';
import type { ReadUnit } from './dialogue/unit-acts.js';
import { THIRD_PERSON_TASK } from './lexicon/cues.js';

/** Someone other than the speaker named as doing the work ("Owen will handle …", "Owen writes it up, I check"). */
export function thirdPersonKey(context: AnnotateContext, text: string, author: string): string | null {
  const groups =
    THIRD_PERSON_TASK.exec(text)?.groups ??
    ASSIGNED_TO.exec(text)?.groups ??
    LABELLED_TASK.exec(text)?.groups;
  const key = groups
    ? context.people.resolve(
        (
          groups.name ??
          groups.name2 ??
          groups.name3 ??
          groups.name4 ??
          groups.name5 ??
          groups.name6 ??
          ''
        ).replace(/^@/, ''),
      )
    : undefined;
  return key && key !== author ? key : null;
}

/** Work given to someone by name: "assigning the export ticket to Lena", "the ticket is assigned to @lena". */
const ASSIGNED_TO =
  /\b(?:(?:re)?assign(?:ing|ed|s)?\b(?![^.?!]{0,60}\bto (?:me|myself)\b)[^.?!]{1,60}?\bto|(?:is|are|was|now|been|got) (?:re)?assigned to)\s+@?(?<name>\p{Lu}[\p{L}_-]+)\b(?!['’]s\b)/u;

/** A task line labelled with its owner: "Action item for @sam: follow up with Acme", "TODO(marco): bump Node", "AI - Lena: …". */
const LABELLED_TASK =
  /^\W*(?:action items?|AI|TODO|to-?do|follow-?ups?|next steps?)\s*(?:for\s+|\(\s*|[:—–-]\s*)?@?(?<name>\p{L}[\p{L}_.-]*)\s*\)?\s*[:—–-]\s*\S+\s+\S+/iu;

/** "(Lena)", "(Marco → Sam)": a person in brackets at a line of notes, the first one doing it. */
const BRACKETED_OWNER =
  /\((\p{Lu}[\p{L}'-]+)(?:\s+\p{Lu}[\p{L}'-]+)?(?:\s*(?:→|->|=>|\/|&|and)\s*[^()]{1,40})?\)/u;

/**
 * Whose a line of meeting notes is: a list item of a message with two or more, naming one person in
 * brackets ("Acme (Lena) sends the invoices by Fri", "migration guide by Nov 20 (Marco)"); not a
 * line that records a decision, something done (✅, "done"), a status ("still open") or a question.
 */
export function notesOwner(context: AnnotateContext, read: ReadMessage, unit: ReadUnit): string | null {
  if (unit.unit.listIndex === undefined) return null;
  if (read.units.filter((candidate) => candidate.unit.listIndex !== undefined).length < 2) return null;
  if (['completion', 'question', 'decision'].includes(unit.act) || /\?\s*$/.test(unit.text)) return null;
  if (
    /✅|✔|☑|\b(?:done|finished|shipped|arrived|tested|confirmed)\b|\b(?:still open|still pending|in progress|outstanding)\b|^\W*(?:decided|decision|agreed)\b/iu.test(
      unit.text,
    )
  )
    return null;
  const name = BRACKETED_OWNER.exec(unit.text)?.[1];
  const key = name ? context.people.resolve(name) : undefined;
  return key ?? null;
}

/** A line of a plan: at least three words, no question, not a done or an agreement. */
const stepOf = (candidate: ReadUnit): boolean =>
  candidate.text.split(/\s+/).length >= 3 &&
  !/\?\s*$/.test(candidate.text) &&
  !['completion', 'question', 'acceptance'].includes(candidate.act);
export const addressedStep = (candidate: ReadUnit): boolean =>
  /^@[\p{L}]/u.test(candidate.text) && stepOf(candidate);

/** One line of a plan that hands out work: "@tomás final feed import Mon night", in a message with two or more such lines. */
export function planLine(read: ReadMessage, unit: ReadUnit): boolean {
  return addressedStep(unit) && read.units.filter(addressedStep).length >= 2;
}

/** The speaker's own line of such a plan: "me on the call with the customer from 08:45". */
export function selfPlanLine(read: ReadMessage, unit: ReadUnit): boolean {
  return (
    unit.unit.listIndex !== undefined &&
    /^(?:me|myself)\b/i.test(unit.text) &&
    stepOf(unit) &&
    read.units.filter(addressedStep).length >= 2
  );
}

/** A heading that hands out work below it: "Next steps:", "Action items:", "follow-ups from the call:". */
const PLAN_HEADING =
  /^[\W_]*(?:next steps?|action items?|actions|ais|to-?dos?|follow[- ]?ups?|who does what|assignments|tasks)\b[^:\n.?!]{0,40}:\s*/iu;
/** A step that names who does it: "Priya drafts the RFC", "Marco to review it by Monday", "@sam will update the CRM". */
const STEP =
  /^(?:and\s+|then\s+)?@?(?<name>[\p{L}][\p{L}_.-]*)(?:\s+\p{Lu}[\p{L}'-]+)?\s+(?:(?:will|to|is going to|should)\s+|['’]ll\s+)?(?<verb>\p{L}{3,})\b/u;
/** Words after a name that do not make it a step: states, sayings, prepositions ("Priya on the RFC" is a holding). */
const NOT_STEP_VERBS = new Set(
  'is was has had does did says said thinks thought knows wants needs seems looks feels sounds agrees agreed mentioned asked owns and the for from with'.split(
    ' ',
  ),
);

/** One step of a plan: who does it and the words that say what. */
export interface PlanStep {
  key: string;
  text: string;
}

/** The unit sits under a plan heading: it opens with one, or it is a list item after a unit that is one. */
export function underPlanHeading(read: ReadMessage, unit: ReadUnit): boolean {
  return planBody(read, unit) !== undefined;
}

function planBody(read: ReadMessage, unit: ReadUnit): string | undefined {
  const own = PLAN_HEADING.exec(unit.text);
  if (own) return unit.text.slice(own[0].length);
  if (unit.unit.listIndex === undefined) return undefined;
  const index = read.units.indexOf(unit);
  for (let i = index - 1; i >= 0; i--) {
    const before = read.units[i];
    if (before.unit.listIndex !== undefined) continue;
    return PLAN_HEADING.test(before.text) ? unit.text : undefined;
  }
  return undefined;
}

/**
 * The steps a unit under a plan heading hands out, one per clause that opens with a person and a
 * verb: "Next steps: Priya drafts the RFC, Marco reviews it by Monday" gives Priya and Marco a step
 * each; "me" or "I" is the speaker. Clauses naming nobody known give nothing.
 */
export function planSteps(context: AnnotateContext, read: ReadMessage, unit: ReadUnit): PlanStep[] {
  // "1) Sam images the thin clients by Wed 2) Lena updates the mappings": a list of steps is a plan without a heading.
  const headed = planBody(read, unit);
  // Each line of such a list is one step, commas and all.
  const body =
    headed ?? (unit.unit.listIndex !== undefined && listedSteps(context, read) >= 2 ? unit.text : undefined);
  if (!body) return [];
  const out: PlanStep[] = [];
  const clauses = headed ? body.split(/\s*[;,]\s+|\s+and\s+(?=@?\p{Lu}[\p{L}_.-]*\s+\p{Ll})/u) : [body];
  for (const clause of clauses) {
    const match = STEP.exec(clause.trim());
    if (!match?.groups || NOT_STEP_VERBS.has(match.groups.verb.toLowerCase())) continue;
    const name = match.groups.name;
    const key = /^(?:me|i)$/i.test(name) ? read.message.author : context.people.resolve(name);
    if (key) out.push({ key, text: clause.trim().replace(/[.!]+$/, '') });
  }
  return out;
}

/** List items of the message that open with a known person (or "I") and a verb; counted once per message. */
const stepsListed = new WeakMap<ReadMessage, number>();
function listedSteps(context: AnnotateContext, read: ReadMessage): number {
  const known = stepsListed.get(read);
  if (known !== undefined) return known;
  const count = read.units.filter((unit) => {
    if (unit.unit.listIndex === undefined) return false;
    const match = STEP.exec(unit.text.trim());
    if (!match?.groups || NOT_STEP_VERBS.has(match.groups.verb.toLowerCase())) return false;
    return /^(?:me|i)$/i.test(match.groups.name) || context.people.resolve(match.groups.name) !== undefined;
  }).length;
  stepsListed.set(read, count);
  return count;
}
