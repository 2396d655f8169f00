import type { AnnotateContext, ReadMessage } from '../annotate-context.js';
import { answeredMessage } from '../message-index.js';
import { entityOfPhrase, objectSlot } from './object-slot.js';

/**
 * A noun phrase set first and taken up by a pronoun after it: "the fax server? I think Lena owns
 * it", "pagerduty schedules... Sam might own it now?", "the Etsy listings — Sam manages them".
 */
const FRONTED = /^\s*((?:[\p{L}\d][\p{L}\d'’_./&+-]*\s*){1,6}?)\s*(?:\?+|\.{2,}|…|—|–|:)\s+/u;
/** Openers that are not a topic: "heads up:", "fyi:", "quick q:", "update —". */
const NOT_A_TOPIC =
  /^(?:heads up|fyi|btw|update|reminder|note|quick q(?:uestion)?|question|q|ok|okay|so|hm+|well|also|and|yes|no|nope|yep|sure|hi|hey|thanks|context|correction|small thing|one thing|re)$/i;

/**
 * What "it", "them", "those" in an ownership statement stand for: the phrase the message set first
 * (above), else the conversation's main entity (heuristic-annotate.ts), else the thing named last
 * before the pronoun in the message ("not on the hook for the VPN anymore, handed it to Sam"), else
 * what the message it answers names last. Undefined when none names a thing.
 */
export function pronounAntecedent(
  context: AnnotateContext,
  read: ReadMessage,
  before: string,
  mainEntity: () => string | undefined,
): string | undefined {
  const set = frontedIn(context, read.text, before.length, [FRONTED]);
  if (set) return set;
  // "I'm rolling off Revit template maintenance, lena's taking it over": what the speaker just let go of.
  const letGo = lastPhraseAfter(context, before, LETTING_GO, /[,.;:?!]|\s[—–-]\s/);
  if (letGo) return letGo;
  // What the conversation is about, else a thing named before the pronoun.
  const main = mainEntity();
  if (main) return main;
  const earlier = lastEntityIn(context, before) ?? lastDefinite(context, before) ?? lastHeld(context, before);
  if (earlier) return earlier;
  const answered = answeredMessage(context.messages, read);
  return answered
    ? (lastEntityIn(context, answered.text) ??
        lastDefinite(context, answered.text) ??
        frontedIn(context, answered.text, answered.text.length, [FRONTED, FRONTED_COMMA]))
    : undefined;
}

/** "minibar restocking, is that still marco?": the phrase a message sets first, as an entity. */
function frontedIn(
  context: AnnotateContext,
  text: string,
  before: number,
  forms: readonly RegExp[],
): string | undefined {
  let fronted: string | undefined;
  for (const form of forms) if (!fronted) fronted = form.exec(text)?.[1]?.trim();
  if (!fronted || NOT_A_TOPIC.test(fronted) || fronted.length >= before) return undefined;
  // "the lab's conda environments...": the thing, not whose it is.
  const phrase = objectSlot(fronted.replace(/^(?:the\s+)?[\p{L}\d_-]+['’]s\s+/u, '')).phrases[0];
  return phrase ? entityOfPhrase(context, phrase) : undefined;
}

/** A topic set off by a comma before a question about it: "minibar restocking, is that still marco?". */
const FRONTED_COMMA =
  /^\s*((?:[\p{L}\d][\p{L}\d'’_./&+-]*\s*){1,5}?),\s+(?:is|are|was|does|do|who)\b[^?]*\?/iu;

/** The entity named last in a text, possessives left out ("are Halden's forecasts …" names the forecasts). */
export function lastEntityIn(context: AnnotateContext, text: string): string | undefined {
  return context.entities.mentionedIn(text.replace(/[\p{L}\d_-]+['’]s\b/gu, ' ')).pop();
}

/** The last "the/our X" before the pronoun that names something ownable. */
function lastDefinite(context: AnnotateContext, text: string): string | undefined {
  return lastPhraseAfter(context, text, /\b(?:the|our|my|your)\s+(?=[\p{L}\d])/gu, /[,.;:?!]/);
}

/** What a holding verb before the pronoun names: "no longer handling supplier invoices — Sam takes them over". */
function lastHeld(context: AnnotateContext, text: string): string | undefined {
  return lastPhraseAfter(context, text, HOLDING_VERB, /[,.;:?!]|\s[—–-]\s/);
}

const LETTING_GO =
  /\b(?:rolling off|rolled off|roll off|stepping (?:back|away|down) from|stepped (?:back|away|down) from|handing off|handing over|giving up|no longer (?:on|doing|handling|running|owning))\s+(?=[\p{L}\d])/giu;

const HOLDING_VERB =
  /\b(?:handle|handles|handling|own|owns|owning|run|runs|running|manage|manages|managing|look after|looks after|looking after|cover|covers|covering|do|does|doing)\s+(?=[\p{L}\d])/giu;

/**
 * The entity of the last phrase that follows an opener in the text, up to the clause's end (objectSlot
 * cuts it further at "for", "with", "these days", …), when it names something ownable.
 */
function lastPhraseAfter(
  context: AnnotateContext,
  text: string,
  opener: RegExp,
  clauseEnd: RegExp,
): string | undefined {
  for (const match of [...text.matchAll(opener)].reverse()) {
    const clause = text.slice(match.index + match[0].length).split(clauseEnd)[0];
    const phrase = objectSlot(clause).phrases[0];
    const id = phrase ? entityOfPhrase(context, phrase) : undefined;
    if (id) return id;
  }
  return undefined;
}
