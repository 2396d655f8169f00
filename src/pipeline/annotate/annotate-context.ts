import { boundedMemo } from './bounded-memo.js';
import { stableId } from '../../domain/ids.js';
import type { AnnotateInput, AnnotateMessage, AnnotatePerson } from './annotate-types.js';
import { EntityBook } from './entities.js';
import { knownStateOf } from './known-state.js';
import type { ActContext, DialogueAct } from './acts/act.js';
import type { ActModel } from './acts/act-model.js';
import { actOfMessage, readUnitActs, type ReadUnit } from './dialogue/unit-acts.js';
import { PeopleResolver } from './people-resolver.js';
import { withEmoji } from './units/emoji-codes.js';
import { splitUnits } from './units/split-units.js';
import type { Unit } from './units/unit.js';
import { irregularBase } from './lexicon/irregular-verbs.js';

/** One message with what every extractor needs: its sentences and who it addresses. */
export interface ReadMessage {
  message: AnnotateMessage;
  index: number;
  sentences: string[];
  /** Its sentences joined by spaces, made once: a dozen extractors read the message as one text. */
  text: string;
  /** Person keys the message is addressed to: @mentions, a leading name, the other member of a DM. */
  addressees: string[];
  isBot: boolean;
  /** Its units with the act each was read as (none for bots and notices). */
  units: ReadUnit[];
  /** What the classifier read around the message: reply, DM, the acts of the message before and the one answered. */
  actContext: ActContext;
  /** Its units hold more work than MESSAGE_WORK_BUDGET: only the first units within it were analysed. */
  partial?: boolean;
}

/**
 * Work one message may take to read (units, acts, extractors) before the rest of it is left out of
 * the analysis (issue 16: bounded cost per message). Counted, not timed, so the same input gives
 * the same events on any machine: each unit costs UNIT_WORK plus the length of its analysed text
 * (skipped units, code and traces, cost UNIT_WORK alone). splitUnits caps a message at 1,000 units
 * of at most 4 KB, so a message of a thousand ordinary sentences (~90 K) stays whole; 1,000 long
 * paragraphs do not. The log keeps the message whole.
 */
export const MESSAGE_WORK_BUDGET = 128 * 1024;
/** Work counted for each unit besides its text. */
export const UNIT_WORK = 16;

export interface ReadOptions {
  /** Per-message work budget (default MESSAGE_WORK_BUDGET). */
  workBudget?: number;
}

/** The first units of `units` whose work fits `budget` (always the first one), and whether any were left out. */
export function unitsWithinBudget(
  units: readonly Unit[],
  budget: number,
): { units: Unit[]; partial: boolean } {
  let work = 0;
  for (let k = 0; k < units.length; k++) {
    const unit = units[k];
    work += UNIT_WORK + (unit.skip ? 0 : unit.text.length);
    if (work > budget) return { units: units.slice(0, Math.max(1, k)), partial: true };
  }
  return { units: [...units], partial: false };
}

/** Acts read elsewhere (a model), by unit id `<message id>#<k>` (k: position among the message's read units). */
export type GivenActs = ReadonlyMap<string, { act: DialogueAct; confidence: number }>;

export interface AnnotateContext {
  input: AnnotateInput;
  people: PeopleResolver;
  entities: EntityBook;
  messages: ReadMessage[];
  /** The dialogue-act model the units were read with (null: cues alone). */
  acts: ActModel | null;
}

const NON_MESSAGES = new Set(['bot', 'join', 'leave', 'system', 'huddle', 'tombstone']);

/** A long dash between clauses ("I'll bring the cake — any allergies?") separates two acts. */
function splitClauses(units: readonly Unit[]): Unit[] {
  return units.flatMap((unit) => {
    // Most units hold no long dash: a substring check spares the regex.
    if (unit.skip || !(unit.text.includes('—') || unit.text.includes('–')) || !/\s[—–]\s/.test(unit.text))
      return [unit];
    const parts: Unit[] = [];
    let offset = 0;
    for (const part of unit.text.split(/(?<=\s)[—–](?=\s)/)) {
      const text = part.trim();
      if (text)
        parts.push({ ...unit, text, start: unit.start + offset, end: unit.start + offset + part.length });
      offset += part.length + 1;
    }
    return parts.length > 0 ? parts : [unit];
  });
}

/** Sentences are the message's units (split-units.ts), quoted and skipped ones left out, long dashes splitting clauses. */
function sentencesOf(units: readonly Unit[]): string[] {
  return units
    .filter((unit) => !unit.skip && !unit.quoted)
    .flatMap((unit) => unit.text.split(/\s-\s/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/** What is read once per people list: every conversation of a batch shares the list (and so these). */
interface PeopleIndex {
  resolvers: Map<string, PeopleResolver>;
  bots: Set<string>;
  /** Profile zones by person key, read when first asked for. */
  zones?: ReadonlyMap<string, string>;
}
const peopleIndexes = new WeakMap<readonly AnnotatePerson[], PeopleIndex>();

function peopleIndexOf(people: readonly AnnotatePerson[]): PeopleIndex {
  let index = peopleIndexes.get(people);
  if (!index) {
    index = {
      resolvers: new Map(),
      bots: new Set(people.filter((person) => person.isBot).map((person) => person.key)),
    };
    peopleIndexes.set(people, index);
  }
  return index;
}

/** The profile zone of each person that has one, by key (read once per people list). */
export function personZones(people: readonly AnnotatePerson[]): ReadonlyMap<string, string> {
  const index = peopleIndexOf(people);
  index.zones ??= new Map(
    people.filter((person) => person.timezone).map((person) => [person.key, person.timezone as string]),
  );
  return index.zones;
}

/** The resolver for a people list, preferring keys with `prefix`; made once per list and prefix (it only reads). */
function peopleResolverOf(people: readonly AnnotatePerson[], prefix: string): PeopleResolver {
  const { resolvers } = peopleIndexOf(people);
  let resolver = resolvers.get(prefix);
  if (!resolver) resolvers.set(prefix, (resolver = new PeopleResolver(people, prefix)));
  return resolver;
}

/**
 * Reads every message of a conversation: units, acts (the learned model fused with the cues, or
 * `given` acts where a model read them), addressees. Later messages see the acts read before them.
 */
export function readConversation(
  input: AnnotateInput,
  acts: ActModel | null = null,
  given?: GivenActs,
  options: ReadOptions = {},
): AnnotateContext {
  const budget = options.workBudget ?? MESSAGE_WORK_BUDGET;
  const people = peopleResolverOf(input.people, `${input.ref.source}:`);
  const entities = new EntityBook(knownStateOf(input)?.entities ?? input.entities);
  const { bots } = peopleIndexOf(input.people);
  const actOf = new Map<string, ReturnType<typeof actOfMessage>>();
  let previousAct: ReturnType<typeof actOfMessage>;
  const messages = input.messages.map((message, index): ReadMessage => {
    const isBot = bots.has(message.author) || NON_MESSAGES.has(message.kind ?? 'message');
    const target =
      message.replyTo ?? (message.thread && message.thread !== message.id ? message.thread : undefined);
    const whole = splitClauses(splitUnits(withEmoji(message.text)));
    const { units: split, partial } = isBot
      ? { units: whole, partial: false }
      : unitsWithinBudget(whole, budget);
    const actContext: ActContext = {
      reply: target !== undefined,
      dm: input.dm,
      previousAct,
      replyToAct: target ? actOf.get(target) : undefined,
    };
    const units = isBot
      ? []
      : readUnitActs(split, actContext, acts).map((unit, k) => {
          const read = given?.get(`${message.id}#${k}`);
          if (read) return { ...unit, act: read.act, confidence: read.confidence };
          // "sam write the ADR by fri": a name then a verb of work is an ask, whatever the words around it.
          return ['other', 'acceptance', 'request', 'proposal', 'ownership'].includes(unit.act) &&
            unit.cue !== 'request' &&
            people.imperativeTo(unit.text)
            ? {
                ...unit,
                act: 'request' as const,
                confidence: Math.max(unit.confidence, 0.75),
                cue: 'request' as const,
              }
            : unit;
        });
    if (!isBot) {
      previousAct = actOfMessage(units);
      actOf.set(message.id, previousAct);
    }
    const text = sentencesOf(split);
    const addressees: string[] = [];
    const add = (key: string | undefined): void => {
      if (key && key !== message.author && !addressees.includes(key)) addressees.push(key);
    };
    for (const key of people.atMentions(message.text)) add(key);
    for (const key of message.mentions ?? []) add(key);
    for (const sentence of text) add(people.leadingName(sentence));
    // "Dana - thoughts on the logo?": the dash that splits sentences also sets off a name.
    for (const unit of split)
      if (!unit.skip && !unit.quoted && /\s[-—–]\s/.test(unit.text)) add(people.leadingName(unit.text));
    // "Dana — do we renew …?": a dash clause split off, and the first clause is the name alone.
    const opening = split[0]?.text.trim() ?? '';
    if (split.length > 1 && /^@?\p{Lu}[\p{L}'-]+$/u.test(opening))
      add(people.resolve(opening.replace(/^@/, '')));
    for (const sentence of text)
      if (/\?\s*$/.test(sentence) || /\b(?:can|could|would) you\b|\b(?:on|for) you\b/i.test(sentence))
        add(people.trailingName(sentence));
    if (input.dm) for (const key of input.members ?? []) add(key);
    if (input.dm && addressees.length === 0) {
      const other = input.messages.find((m) => m.author !== message.author);
      add(other?.author);
    }
    return {
      message,
      index,
      sentences: text,
      text: text.join(' '),
      addressees,
      isBot,
      units,
      actContext,
      ...(partial ? { partial } : {}),
    };
  });
  return { input, people, entities, messages, acts };
}

/**
 * The message's units read again as an answer to `act` (a proposal, a request): what the pairing
 * asks when it checks whether a reply accepts something.
 */
export function readAsAnswerTo(context: AnnotateContext, read: ReadMessage, act: DialogueAct): ReadUnit[] {
  return readUnitActs(
    read.units.map((unit) => unit.unit),
    { reply: true, replyToAct: act, previousAct: act, dm: context.input.dm },
    context.acts,
  );
}

/** Deterministic item id: conversation, evidence message, kind (and a discriminator when one message holds several). */
export function itemId(input: AnnotateInput, messageId: string, kind: string, extra = ''): string {
  return stableId('annotate', input.channel, input.conversationId, messageId, kind, extra);
}

export function matchesAny(text: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((pattern) => pattern.test(text));
}

const STOP = new Set([
  'the',
  'a',
  'an',
  'to',
  'for',
  'of',
  'and',
  'or',
  'on',
  'in',
  'it',
  'is',
  'i',
  'you',
  'we',
  'my',
  'your',
  'this',
  'that',
  'can',
  'will',
  'ill',
  'be',
  'by',
  'with',
  'up',
  'get',
  'do',
  'done',
  'now',
  'today',
  'tomorrow',
  'please',
  'pls',
]);

export function contentWords(text: string): Set<string> {
  return new Set(wordsOf(text));
}

/**
 * `contentWords`, kept by text (read-only): an open item's summary is compared with the messages
 * of every later conversation of its assignee.
 */
const wordsOf = boundedMemo(readContentWords, 50_000);

function readContentWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .replace(/[^\p{L}\d ]+/gu, ' ')
      .split(/\s+/)
      .filter((word) => word.length > 2 && !STOP.has(word))
      .map(stem),
  );
}

/**
 * A word's stem for comparing content: "sent" and "send", "staged" and "stage", "updates" and
 * "updating" are one stem each.
 */
export function stem(word: string): string {
  const base = irregularBase(word) ?? word;
  return base.replace(/(ing|ed|es|s)$/, '').replace(/(.{3})e$/, '$1');
}

export function overlap(a: string, b: string): number {
  return sharedWords(a, b).length;
}

/** The content words (stems) two texts share. */
export function sharedWords(a: string, b: string): string[] {
  const left = wordsOf(a);
  return [...wordsOf(b)].filter((word) => left.has(word));
}
