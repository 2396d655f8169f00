import { capSummary, capTopic } from '../../domain/text-caps.js';
import { matchesAny, type AnnotateContext } from './annotate-context.js';
import { boundedMemo } from './bounded-memo.js';
import { nounPhrases } from './nlp.js';
import { SMALL_TALK } from './lexicon/cues.js';
import type { PeopleResolver } from './people-resolver.js';

const TIME_WORDS =
  /^(today|tomorrow|yesterday|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|week|weekend|month|morning|afternoon|evening|min|mins|minute|minutes|hour|hours|sec|day|days|next|last|first|thing|ships|lands|land|ship)$/i;
const EMOJI_CODE = /:[a-z0-9_+-]+:/gi;
const WEAK_PHRASES = new Set([
  'morning',
  'thanks',
  'thing',
  'one',
  'lol',
  'time',
  'sec',
  'way',
  'lot',
  'bit',
  'today',
  'tomorrow',
  'week',
  'people',
  'folks',
  'guys',
  'all',
  'everyone',
]);

/**
 * A short noun phrase for the conversation (80 characters at most): its most named entity, else
 * its most repeated noun phrase.
 */
export function topicOf(context: AnnotateContext, entities: string[]): string {
  return capTopic(rankedTopic(context, entities));
}

function rankedTopic(context: AnnotateContext, entities: string[]): string {
  const counts = new Map<string, number>();
  const humans = context.messages.filter((read) => !read.isBot);
  for (const read of humans.length > 0 ? humans : context.messages) {
    // ":clinking_glasses:" names a picture, not what the conversation is about.
    for (const phrase of nounPhrases(read.text.replace(EMOJI_CODE, ' '))) {
      const clean = topicWords(context.people, phrase);
      if (clean.length < 3 || WEAK_PHRASES.has(clean) || /^\d/.test(clean)) continue;
      counts.set(clean, (counts.get(clean) ?? 0) + (clean.includes(' ') ? 1.5 : 1));
    }
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length);
  const entity = entities[0] ? context.entities.nameOf(entities[0]) : undefined;
  const phrase = ranked[0]?.[0];
  if (entity && phrase && phrase.includes(entity) && phrase !== entity) return phrase;
  return entity ?? phrase ?? 'conversation';
}

/** Phrases' topic words by resolver (it only reads): the same phrases recur across conversations. */
const topicWordsBy = new WeakMap<PeopleResolver, (phrase: string) => string>();
const TOPIC_WORDS_KEPT = 50_000;

/** Person names, times and stray verbs out of a noun phrase: "whitfield", "first thing tomorrow", "ships next monday". */
function topicWords(people: PeopleResolver, phrase: string): string {
  let words = topicWordsBy.get(people);
  if (!words) {
    words = boundedMemo(
      (text) =>
        text
          .toLowerCase()
          .replace(/^@\S+\s*/, '')
          .split(' ')
          .filter((word) => !TIME_WORDS.test(word) && !people.isNameWord(word))
          .join(' '),
      TOPIC_WORDS_KEPT,
    );
    topicWordsBy.set(people, words);
  }
  return words(phrase);
}

/** Two lines at most (300 characters): the sentences that carry items, else the first substantial ones. */
export function summaryOf(context: AnnotateContext, keyMessages: string[]): string {
  return capSummary(pickedSummary(context, keyMessages));
}

function pickedSummary(context: AnnotateContext, keyMessages: string[]): string {
  const picked: string[] = [];
  const add = (sentence: string | undefined): void => {
    if (sentence && picked.length < 2 && !picked.includes(sentence))
      picked.push(sentence.length > 140 ? `${sentence.slice(0, 139)}…` : sentence);
  };
  for (const id of keyMessages)
    add(
      context.messages
        .find((read) => read.message.id === id)
        ?.sentences.find((s) => s.split(' ').length >= 4),
    );
  for (const read of context.messages) {
    if (read.isBot) continue;
    add(read.sentences.find((sentence) => sentence.split(' ').length >= 6));
  }
  if (picked.length === 0)
    add(context.messages.find((read) => !read.isBot)?.sentences[0] ?? context.messages[0]?.sentences[0]);
  return picked.join('\n');
}

/**
 * Bot chatter and joins only, or small talk: no decision, action item or fact, no known component
 * named, and at least half the messages small talk ("morning!", lunch, the weekend, the cat).
 */
export function isNoise(context: AnnotateContext, workItems: number, namesKnownEntity: boolean): boolean {
  const human = context.messages.filter((read) => !read.isBot && read.sentences.length > 0);
  if (human.length === 0) return true;
  if (workItems > 0 || namesKnownEntity) return false;
  const chatty = human.filter((read) => matchesAny(read.text, SMALL_TALK)).length;
  return chatty * 2 >= human.length;
}
