import type { AnnotateContext } from '../annotate-context.js';
import { normalizeEntityName } from '../entities.js';
import { COMPONENT_HEADS } from '../lexicon/entity-words.js';
import {
  BARE_GENERIC,
  CATCH_ALL,
  NOT_OWNABLE,
  OBJECT_CUT,
  OBJECT_LEAD,
  OBJECT_TAIL,
} from './ownership-words.js';

/** What is left of an object slot once its frame words are gone. */
export interface ObjectSlot {
  /** The noun phrases it names ("the invoices and anything financial" → "invoices", "financial"). */
  phrases: string[];
  /** It began with a catch-all ("anything", "everything", "questions about"). */
  catchAll: boolean;
  /** It is only a pronoun ("it", "that"): the thing talked about before. */
  pronoun: boolean;
}

const PRONOUNS = /^(?:it|that|this|them|those|these|which)$/i;
/** Words that make a phrase a clause, not a name: a person slot, a pronoun, an auxiliary verb. */
const NOT_A_NAME =
  /⟦\d+⟧|\b(?:i|you|we|they|he|she|me|us|them|is|are|was|were|be|been|am|has|have|had|do|does|did|will|would|can|could|should|shall|may|might|must|need|needs|want|wants)\b|['’](?:s|re|ll|ve|d|m)\b/i;

/**
 * The object slot of a frame: the text on the frame's object side, cut at the next clause word
 * ("so", "because", "with", a comma), its leading determiners, fillers and catch-alls and its
 * trailing time words ("from now on", "these days") removed, split at "and", "&", "+" and "/"-free
 * coordination. Phrases that read as a clause or name nothing ownable ("the timeouts", "the doc")
 * are dropped; `catchAll` and `pronoun` tell the caller to look elsewhere for the thing meant.
 */
export function objectSlot(raw: string): ObjectSlot {
  let text = raw
    .replace(/:[a-z0-9_+-]+:/gi, ' ')
    .replace(/\p{Extended_Pictographic}/gu, ' ')
    .replace(/[\u{1F3FB}-\u{1F3FF}]|\u200d|\uFE0F/gu, '')
    .replace(/[*_~`"“”]/g, '')
    // "payments-related", "money related": the thing is what it relates to.
    .replace(/[- ](?:related|adjacent|wise)\b/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  const cut = OBJECT_CUT.exec(text);
  if (cut) text = text.slice(0, cut.index);
  let catchAll = false;
  for (let changed = true; changed;) {
    changed = false;
    const tail = OBJECT_TAIL.exec(text);
    if (tail) {
      text = text.slice(0, tail.index);
      changed = true;
    }
    const lead = OBJECT_LEAD.exec(text);
    if (lead && lead[0].length > 0) {
      if (CATCH_ALL.test(lead[0])) catchAll = true;
      text = text.slice(lead[0].length);
      changed = true;
    }
    text = text.replace(/[\s.,;:!?)(\]-]+$/, '').trim();
  }
  if (PRONOUNS.test(text)) return { phrases: [], catchAll, pronoun: true };
  if (!text || NOT_A_NAME.test(text)) return { phrases: [], catchAll, pronoun: false };
  const phrases = text
    .split(/\s+(?:and|&|\+|or)\s+(?:(?:anything|everything|all)\s+)?|,\s*/i)
    .map((part) => part.replace(/^(?:the|our|their|your|my|a|an)\s+/i, '').trim())
    .filter((part) => isOwnable(part));
  return { phrases, catchAll, pronoun: false };
}

/** The phrase without trailing time and degree words ("data platform full time" → "data platform"). */
export function withoutTail(phrase: string): string {
  let text = phrase.replace(/[\s.,;:!?]+$/, '');
  for (let tail = OBJECT_TAIL.exec(text); tail; tail = OBJECT_TAIL.exec(text))
    text = text.slice(0, tail.index);
  return text;
}

/** Heads that name nothing alone but a deliverable with a modifier ("release notes", "smoke tests"). */
const DELIVERABLE_HEADS = new Set([
  'notes',
  'doc',
  'docs',
  'document',
  'script',
  'test',
  'sheet',
  'standup',
  'demo',
]);

/** A name a fact may hold: one to five words, not a generic or task word ("thing", "doc", "timeouts"). */
export function isOwnable(phrase: string): boolean {
  const words = phrase.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 5) return false;
  // "the 3 above €200": a count, not a name.
  if (!/\p{L}/u.test(phrase) || /^\d/.test(words[0])) return false;
  const norm = normalizeEntityName(phrase);
  if (!norm) return false;
  const head = words[words.length - 1].toLowerCase().replace(/[^\p{L}\d]+/gu, '');
  if (BARE_GENERIC.has(head)) return words.length > 1;
  // "the outages", "the docs": a plural of a word that names nothing owned.
  const singular = head.replace(/s$/, '');
  // "the release notes", "the deploy script": a deliverable named by what it is for is owned.
  if (words.length > 1 && (DELIVERABLE_HEADS.has(head) || DELIVERABLE_HEADS.has(singular))) return true;
  return !NOT_OWNABLE.has(head) && !NOT_OWNABLE.has(singular) && !NOT_OWNABLE.has(norm);
}

/**
 * The entity a phrase names: a known one when the phrase (or one of its "/"-parts, "fares/ticketing")
 * names it, else a new entity named by its first part, the other parts kept as aliases.
 */
export function entityOfPhrase(context: AnnotateContext, phrase: string): string | undefined {
  if (context.people.resolve(phrase)) return undefined;
  const parts = phrase
    .split(/\s*\/\s*/)
    .map((part) => part.trim())
    .filter((part) => part.length > 1);
  if (parts.length === 0) return undefined;
  // "SDK questions → Marco", "billing issues → Olu": the questions are about a component.
  const about = /^(.+?)\s+(?:questions|issues|requests|queries|tickets|problems)$/i.exec(phrase)?.[1];
  if (
    about &&
    (context.entities.resolve(about, false) || /^[\p{Lu}\d]{2,}$/u.test(about) || isComponentWord(about))
  )
    return entityOfPhrase(context, about);
  const known =
    parts.map((part) => context.entities.resolve(part, false)).find(Boolean) ??
    (parts.length === 1 ? containedKnown(context, phrase) : undefined);
  const id = known ?? context.entities.resolve(parts[0]);
  if (id) for (const part of [phrase, ...parts]) context.entities.addAlias(id, part);
  return id;
}

/** A known entity whose name covers most of the phrase ("the invoice service side" → invoice service). */
function containedKnown(context: AnnotateContext, phrase: string): string | undefined {
  const words = normalizeEntityName(phrase).split(' ').length;
  const hits = context.entities
    .mentionedIn(phrase)
    .filter((id) => normalizeEntityName(context.entities.nameOf(id)).split(' ').length * 2 >= words);
  return hits.length === 1 ? hits[0] : undefined;
}

function isComponentWord(phrase: string): boolean {
  const last =
    phrase
      .toLowerCase()
      .split(/[\s-]+/)
      .pop() ?? '';
  return COMPONENT_HEADS.includes(last);
}
