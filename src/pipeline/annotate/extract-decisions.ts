import { reversalTarget } from './dialogue/reversal-target.js';
import type { AnnotatedDecision } from './annotate-types.js';
import { itemId, matchesAny, type AnnotateContext } from './annotate-context.js';
import {
  DECISION_CUES,
  HEDGE_CUES,
  JOKING,
  PROPOSAL_CUES,
  REVERSAL_CUES,
  TAG_QUESTION,
} from './lexicon/cues.js';

function summaryOf(sentences: string[]): string {
  return sentences
    .join(' ')
    .replace(/^(?:(?:ok|okay|so|great|sounds good|agreed|alright|yes)[,.!—–-]?\s+)+/i, '')
    .replace(/^(?:ok,?\s+)?(?:decision|decided)\s*[:—–-]\s*/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 280);
}

/**
 * Decisions: a message that states one ("decided: …", "we'll go with X", "let's not …", "agreed.
 * let's …"), not a question or a hedge. A proposal earlier in the conversation joins the evidence.
 * A reversal ("let's go back to …", "scrap that", "reverting") names the earlier decision it
 * points at (in this conversation or before it: reversal-target.ts).
 */
export function extractDecisions(context: AnnotateContext): AnnotatedDecision[] {
  const out: AnnotatedDecision[] = [];
  const decidedAt = new Map<string, string>();
  const topEntities = conversationEntities(context);
  for (const read of context.messages) {
    if (read.isBot) continue;
    const reversal =
      read.sentences.some((sentence) => matchesAny(sentence, REVERSAL_CUES)) &&
      !read.sentences.every((sentence) => /\?\s*$/.test(sentence));
    const headed = underRecap(context, read.index);
    const groups = statedGroups(read.units, headed);
    if (groups.length === 0 && !reversal) continue;
    if (groups.length === 0)
      groups.push([read.units.findIndex((unit) => matchesAny(unit.text, REVERSAL_CUES))]);
    const proposal = context.messages
      .slice(0, read.index)
      .reverse()
      .find((m) => !m.isBot && m.sentences.some((sentence) => matchesAny(sentence, PROPOSAL_CUES)));
    const agreed = context.messages
      .slice(read.index + 1, read.index + 4)
      .filter((m) => /^(\+1|agreed|👍|sounds good|yes|yep)/iu.test(m.message.text.trim()))
      .map((m) => m.message.author);
    groups.forEach((group, k) => {
      // The first decision of a message reads on into the next sentence ("Decided: X. Effective Monday."); later ones (meeting notes) stand alone.
      const first = group[0];
      // "ok: isolation Nov 6, breaker by Friday. let's do that.": a short, pointing decision takes the words before it.
      const pointing =
        group.length === 1 &&
        (read.units[first]?.text.split(/\s+/).length ?? 0) <= 4 &&
        first > 0 &&
        !labelled(read.units, first) &&
        !/\?\s*$/.test(read.units[first - 1].text);
      // A request, a question or the speaker's own promise after it is the next thing said, not part of the decision.
      const following = read.units[first + 1];
      const next = following?.act;
      const readsOn =
        next !== 'request' &&
        next !== 'question' &&
        !(next === 'commitment' && /^\W*i(?:'ll| will|'m| am)\b/i.test(following?.text ?? '')) &&
        !groups.some((other) => other.includes(first + 1));
      const span = pointing
        ? [first - 1, first]
        : k === 0 && group.length === 1 && readsOn
          ? [first, first + 1]
          : group;
      // "We decide to use Sentry, ok?": the tag goes, the decision stays.
      const body = span
        .map((index) => read.units[index]?.text.replace(TAG_QUESTION, ''))
        .filter(
          (text): text is string =>
            Boolean(text) && !/^(thanks|thank you)\b/i.test(text as string) && !/\?\s*$/.test(text as string),
        );
      const about = [
        ...new Set([
          ...context.entities.mentionedIn(body.join(' ')),
          ...(proposal && k === 0 ? context.entities.mentionedIn(proposal.text) : []),
        ]),
      ];
      const aboutIds = about.length > 0 ? about : topEntities.slice(0, 1);
      const stated = group.some(
        (index) =>
          decides(read.units[index]) ||
          labelled(read.units, index) ||
          underHeading(read.units, index, headed),
      );
      const decision: AnnotatedDecision = {
        id: itemId(context.input, read.message.id, 'decision', k > 0 ? String(k) : ''),
        summary: summaryOf(body.length > 0 ? body : read.sentences.slice(0, 1)),
        about: aboutIds,
        decidedBy: [...new Set([read.message.author, ...agreed])],
        reverses:
          reversal && k === 0
            ? reversalTarget(
                {
                  text: read.text,
                  at: read.message.ts,
                  channel: context.input.channel,
                  about: aboutIds,
                  named: about.length > 0,
                },
                [
                  ...out.map((earlier) => ({ ...earlier, at: decidedAt.get(earlier.id) ?? '', local: true })),
                  ...(context.input.priorDecisions ?? []).map((prior) => ({
                    ...prior,
                    id: prior.decisionId,
                    local: false,
                  })),
                ],
              )
            : null,
        evidence: [read.message.id, ...(proposal && k === 0 ? [proposal.message.id] : [])],
        confidence: stated ? (/\bdecided|decision\b/i.test(body[0] ?? '') ? 0.9 : 0.75) : 0.6,
      };
      if (!stated && !decision.reverses) return;
      out.push(decision);
      decidedAt.set(decision.id, read.message.ts);
    });
  }
  return out;
}

/** Runs of units read as decisions (their indexes); a hedged or questioning unit states nothing. */
type ReadUnit = AnnotateContext['messages'][number]['units'][number];

/** A decision stated, or a refusal that states the course instead ("nope, let's keep the current vendor"). */
function decides(unit: ReadUnit | undefined): boolean {
  if (!unit || JOKING.test(unit.text)) return false;
  if (unit.act === 'decision') return true;
  return unit.act === 'rejection' && /\blet'?s\b/i.test(unit.text) && matchesAny(unit.text, DECISION_CUES);
}

/** "Agreed in today's meeting:", "Decisions from the sync:": a heading whose list items below are each a decision. */
const DECISIONS_HEADING =
  /^\W*(?:(?:agreed|decided|settled)(?: (?:in|at|on) (?:today'?s |the |this morning'?s |yesterday'?s )?(?:meeting|call|sync|standup|review|huddle))?|decisions?(?: (?:from|in|at) (?:today'?s |the )?\w+)?|what we (?:agreed|decided)(?: on)?)\s*:\s*$/i;

/** "ok team, decision made — no more deploys after 4pm", "Final call: …": a label whose next unit is the decision. */
const DECISION_LABEL =
  /^\W*(?:(?:ok|okay|so|alright|right)[,!.]?\s+)?(?:(?:team|all|folks|everyone|y'?all)[,!.]?\s+)?(?:(?:the |our |final |my )?decision(?: is| was|'s)?(?: made| taken| in)?|final (?:call|answer|word)|verdict|we(?:'ve| have)? decided|it'?s decided|decided|conclusion|outcome|ruling|let'?s lock (?:it|this|that) in|(?:it'?s )?locked in|agreed with (?:\p{L}+ ){0,2}\p{L}+|(?:i'?m |i am )?(?:calling it|making the call)|my call)\W*$/iu;

/** "ok recap of this morning so we're all on the same page:": the numbered lines after it are what was agreed. */
const RECAP_HEADING =
  /^\W*(?:(?:ok|okay|so|alright|right)[,\s]+)?(?:(?:a |quick |short )?recap|summary|to recap|to sum up|where we landed|what we landed on)\b[^:?]{0,60}:\s*$/i;

/**
 * Whether the message at `index` is a list item below a recap or decisions heading its author posted
 * just before, in messages of their own ("decisions:" then "1) price stays at 2.99", "2) …").
 */
function underRecap(context: AnnotateContext, index: number): boolean {
  const author = context.messages[index].message.author;
  for (let k = index - 1; k >= Math.max(0, index - 8); k--) {
    const before = context.messages[k];
    if (before.message.author !== author) return false;
    const last = before.units[before.units.length - 1]?.text ?? '';
    if (RECAP_HEADING.test(last) || DECISIONS_HEADING.test(last)) return true;
  }
  return false;
}

/** A unit below a decisions heading (in the same message, or `headed` by one just before), itself a statement. */
function underHeading(units: readonly ReadUnit[], index: number, headed = false): boolean {
  const unit = units[index];
  if (
    !['decision', 'other', 'proposal', 'acceptance'].includes(unit.act) ||
    unit.text.split(/\s+/).length < 3
  )
    return false;
  if (headed && (unit.unit.listIndex !== undefined || /^\W*\(?\d{1,2}[).:]\s/.test(unit.text))) return true;
  return units
    .slice(0, index)
    .some((before) => DECISIONS_HEADING.test(before.text) || RECAP_HEADING.test(before.text));
}

/** Someone else's decision, or an old one told as a story: "the publisher's UA team decided to …", "remember when we decided …". */
const REPORTED =
  /\b(?:remember when|back (?:when|in)|years? ago|last year|in 20\d\d|apparently|at my (?:old|last|previous|former) (?:job|company|place|team|gig)|when i was at)\b|\b(?:they|their (?:\p{L}+ )?team|the [\p{L}'’]+ (?:\p{L}+ )?team|[\p{L}]+['’]s (?:\p{L}+ )?team) (?:has |have |had |just |already |apparently )?decided\b/iu;

function labelled(units: readonly ReadUnit[], index: number): boolean {
  // "…, not the main track — decided." closes the sentence before it; it heads nothing after it.
  return (
    index > 0 &&
    DECISION_LABEL.test(units[index - 1].text) &&
    (!/\.\s*$/.test(units[index - 1].text) ||
      /\b(?:calling it|making the call)\W*$/i.test(units[index - 1].text)) &&
    units[index].text.split(/\s+/).length >= 2
  );
}

function statedGroups(units: AnnotateContext['messages'][number]['units'], headed = false): number[][] {
  const groups: number[][] = [];
  units.forEach((unit, index) => {
    const stated =
      ((decides(unit) && (unit.cue === 'decision' || unit.confidence >= 0.8)) ||
        labelled(units, index) ||
        underHeading(units, index, headed)) &&
      (!/\?\s*$/.test(unit.text) || TAG_QUESTION.test(unit.text)) &&
      !matchesAny(unit.text, HEDGE_CUES) &&
      !REPORTED.test(unit.text);
    if (!stated) return;
    const last = groups[groups.length - 1];
    // Meeting notes: each "decided: …" line or list item is its own decision.
    const opensOwn =
      /^\W*(?:decided|decision|agreed|resolved)\s*[:—–-]/i.test(unit.text) ||
      (unit.unit.listIndex !== undefined && unit.unit.listIndex !== units[index - 1]?.unit.listIndex);
    if (last && last[last.length - 1] === index - 1 && !opensOwn) last.push(index);
    else groups.push([index]);
  });
  return groups;
}

/** Entities of the conversation by how often they are named, most first. */
export function conversationEntities(context: AnnotateContext): string[] {
  const counts = new Map<string, number>();
  for (const read of context.messages)
    for (const id of context.entities.mentionedIn(read.text)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}
