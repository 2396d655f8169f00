import type { Prng } from '../slack-gen/prng.js';
import { CLOSERS, EMOJIS, LINK_HOSTS, REPOS } from '../slack-gen/vocabulary.js';
import { drawWord, type ZipfVocabulary } from './zipf-vocabulary.js';

/** A person and a channel as the bench writes them into the log. */
export interface BenchPerson {
  key: string;
  nativeId: string;
  name: string;
}

export interface BenchChannel {
  key: string;
  nativeId: string;
  name: string;
}

const TICKET_PREFIXES = ['OPS', 'BILL', 'INC', 'SEC', 'WEB'];

/**
 * Chat text: 2–40 Zipf-drawn words (median ~12), with the extras that make chat hard to index —
 * mentions (rendered `@Name`, and some raw `<@U…|name>`), links with labels, emoji codes, bold,
 * code spans, ticket ids (OPS-1234), versions (v4.2.1) and snake_case identifiers.
 */
export function messageText(
  prng: Prng,
  vocabulary: ZipfVocabulary,
  people: readonly BenchPerson[],
  channels: readonly BenchChannel[],
): string {
  const parts: string[] = [];
  if (prng.chance(0.1)) parts.push(`@${prng.pick(people).name}`);
  if (prng.chance(0.02)) {
    const person = prng.pick(people);
    parts.push(`<@${person.nativeId}|${person.name.split(' ')[0].toLowerCase()}>`);
  }
  const words = Math.max(2, Math.min(40, Math.round(prng.exponential(11)) + 2));
  for (let i = 0; i < words; i++) {
    const roll = prng.next();
    if (roll < 0.004) parts.push(`${prng.pick(TICKET_PREFIXES)}-${prng.range(100, 9999)}`);
    else if (roll < 0.006) parts.push(`v${prng.range(1, 9)}.${prng.range(0, 20)}.${prng.range(0, 30)}`);
    else if (roll < 0.009) parts.push(`${drawWord(vocabulary, prng)}_${drawWord(vocabulary, prng)}`);
    else if (roll < 0.011) parts.push(`*${drawWord(vocabulary, prng)}*`);
    else if (roll < 0.013)
      parts.push(`\`${drawWord(vocabulary, prng)}_${prng.pick(['id', 'count', 'at', 'ms'])}\``);
    else parts.push(drawWord(vocabulary, prng));
  }
  if (prng.chance(0.03))
    parts.push(
      `<${prng.pick(LINK_HOSTS)}/${prng.pick(REPOS)}/${prng.range(1, 9999)}|${drawWord(vocabulary, prng)} ${drawWord(vocabulary, prng)}>`,
    );
  if (prng.chance(0.01)) parts.push(`see <#${prng.pick(channels).nativeId}|${prng.pick(channels).name}>`);
  if (prng.chance(0.04)) parts.push(`:${prng.pick(EMOJIS)}:`);
  const text = parts.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1) + prng.pick(CLOSERS);
}
