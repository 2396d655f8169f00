import type { SqliteDatabase } from '../../src/memory/sqlite.js';
import type { SearchRequest } from '../../src/memory/search/search-types.js';
import type { Prng } from '../slack-gen/prng.js';
import type { BenchLog } from './write-log.js';
import type { ZipfVocabulary } from './zipf-vocabulary.js';

export interface QuerySet {
  name: string;
  requests: SearchRequest[];
}

/**
 * Typical queries by kind, drawn from the generator's vocabulary by frequency rank: rare, mid and
 * common single words, two and three words, a phrase taken from a stored message, a prefix, a
 * ticket id, the worst case (the most common words), filters, and OR mode as retrieval uses it.
 */
export function querySets(
  db: SqliteDatabase,
  log: BenchLog,
  vocabulary: ZipfVocabulary,
  prng: Prng,
  perSet: number,
): QuerySet[] {
  const band = (from: number, to: number): string =>
    vocabulary.words[prng.range(from, Math.min(to, vocabulary.words.length - 1))];
  const ticks = (n: number, make: () => SearchRequest): SearchRequest[] => Array.from({ length: n }, make);
  const maxId = db.prepare('SELECT max(id) FROM search_docs').pluck().get() as number;
  const phrase = (): string => {
    for (;;) {
      const body = db
        .prepare(
          "SELECT d.body FROM search_docs d JOIN search_filters x ON x.id = d.id WHERE d.id >= ? AND x.kind = 'message' LIMIT 1",
        )
        .pluck()
        .get(prng.range(1, maxId)) as string | undefined;
      const words = (body ?? '').split(/\s+/).filter((word) => /^[a-z]{3,}$/.test(word));
      if (words.length >= 3) {
        const at = prng.int(words.length - 1);
        return `"${words[at]} ${words[at + 1]}"`;
      }
    }
  };
  const lastMonth = new Date(log.endMs - 30 * 86_400_000).toISOString();
  return [
    { name: 'rare word', requests: ticks(perSet, () => ({ query: band(5_000, 40_000) })) },
    { name: 'mid word', requests: ticks(perSet, () => ({ query: band(300, 3_000) })) },
    { name: 'common word', requests: ticks(perSet, () => ({ query: band(20, 150) })) },
    { name: 'top-10 word', requests: ticks(perSet, () => ({ query: band(0, 9) })) },
    { name: '2 words', requests: ticks(perSet, () => ({ query: `${band(20, 150)} ${band(300, 3_000)}` })) },
    { name: '2 common words', requests: ticks(perSet, () => ({ query: `${band(0, 60)} ${band(20, 150)}` })) },
    {
      name: '3 words',
      requests: ticks(perSet, () => ({ query: `${band(20, 150)} ${band(150, 1_000)} ${band(300, 3_000)}` })),
    },
    { name: 'phrase', requests: ticks(perSet, () => ({ query: phrase() })) },
    { name: 'prefix', requests: ticks(perSet, () => ({ query: `${band(150, 3_000).slice(0, 3)}*` })) },
    {
      name: 'ticket id',
      requests: ticks(perSet, () => ({
        query: `${prng.pick(['OPS', 'BILL', 'INC'])}-${prng.range(100, 9999)}`,
      })),
    },
    {
      name: 'common + from',
      requests: ticks(perSet, () => ({ query: band(20, 150), from: [prng.pick(log.people).key] })),
    },
    {
      name: 'common + since 30d',
      requests: ticks(perSet, () => ({ query: band(20, 150), since: lastMonth })),
    },
    {
      name: 'any of 3 words',
      requests: ticks(perSet, () => ({
        query: `${band(20, 150)} ${band(150, 1_000)} ${band(300, 3_000)}`,
        mode: 'any' as const,
      })),
    },
  ];
}
