import { stableId } from '../../domain/ids.js';
import type { AnnotateInput, AnnotateMessage } from './annotate-types.js';
import { EntityBook } from './entities.js';
import { sentences } from './nlp.js';
import { PeopleResolver } from './people-resolver.js';

/** One message with what every extractor needs: its sentences and who it addresses. */
export interface ReadMessage {
  message: AnnotateMessage;
  index: number;
  sentences: string[];
  /** Person keys the message is addressed to: @mentions, a leading name, the other member of a DM. */
  addressees: string[];
  isBot: boolean;
}

export interface AnnotateContext {
  input: AnnotateInput;
  people: PeopleResolver;
  entities: EntityBook;
  messages: ReadMessage[];
}

const NON_MESSAGES = new Set(['bot', 'join', 'leave', 'system', 'huddle', 'tombstone']);

export function readConversation(input: AnnotateInput): AnnotateContext {
  const people = new PeopleResolver(input.people, `${input.ref.source}:`);
  const entities = new EntityBook(input.entities);
  const bots = new Set(input.people.filter((person) => person.isBot).map((person) => person.key));
  const messages = input.messages.map((message, index): ReadMessage => {
    const text = sentences(message.text);
    const addressees: string[] = [];
    const add = (key: string | undefined): void => {
      if (key && key !== message.author && !addressees.includes(key)) addressees.push(key);
    };
    for (const key of people.atMentions(message.text)) add(key);
    for (const key of message.mentions ?? []) add(key);
    for (const sentence of text) add(people.leadingName(sentence));
    for (const sentence of text) if (/\?\s*$/.test(sentence) || /\b(can|could|would) you\b/i.test(sentence)) add(people.trailingName(sentence));
    if (input.dm) for (const key of input.members ?? []) add(key);
    if (input.dm && addressees.length === 0) {
      const other = input.messages.find((m) => m.author !== message.author);
      add(other?.author);
    }
    return { message, index, sentences: text, addressees, isBot: bots.has(message.author) || NON_MESSAGES.has(message.kind ?? 'message') };
  });
  return { input, people, entities, messages };
}

/** Deterministic item id: conversation, evidence message, kind (and a discriminator when one message holds several). */
export function itemId(input: AnnotateInput, messageId: string, kind: string, extra = ''): string {
  return stableId('annotate', input.channel, input.conversationId, messageId, kind, extra);
}

export function matchesAny(text: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((pattern) => pattern.test(text));
}

const STOP = new Set(['the', 'a', 'an', 'to', 'for', 'of', 'and', 'or', 'on', 'in', 'it', 'is', 'i', 'you', 'we', 'my', 'your', 'this', 'that', 'can', 'will', 'ill', 'be', 'by', 'with', 'up', 'get', 'do', 'done', 'now', 'today', 'tomorrow', 'please', 'pls']);

export function contentWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .replace(/[^\p{L}\d ]+/gu, ' ')
      .split(/\s+/)
      .filter((word) => word.length > 2 && !STOP.has(word))
      .map((word) => word.replace(/(ing|ed|es|s)$/, '')),
  );
}

export function overlap(a: string, b: string): number {
  const left = contentWords(a);
  let count = 0;
  for (const word of contentWords(b)) if (left.has(word)) count++;
  return count;
}
