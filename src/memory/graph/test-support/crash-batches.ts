import type { GraphBatch } from '../graph-records.js';
import { conversation, decision, factVersion, person, question } from './graph-builders.js';

/**
 * The k-th batch of the graph crash test: new records and rewrites of the previous batch's, large
 * enough that a write takes a while (so a kill lands inside one), cursor k.
 */
export function crashBatch(k: number, size = 400): GraphBatch {
  const people = Array.from({ length: 20 }, (_, i) => person(`slack:T1:U${i}`, `Person ${i} v${k}`));
  const ids = people.map((p) => p.key);
  const entity = (i: number): string => `component:c${i % 30}`;
  const span = Array.from({ length: size }, (_, i) => i + (k - 1) * (size / 2));
  return {
    records: {
      person: people,
      conversation: span.map((n) =>
        conversation(
          `conv-${n}`,
          `topic ${topicWord(n)} batch ${k}`,
          [entity(n), entity(n + k)],
          ids.slice(n % 5, (n % 5) + 3),
        ),
      ),
      decision: span.map((n) =>
        decision(`d-${n}`, [entity(n + 1)], { conversationId: `conv-${n}`, summary: `decided ${n} in ${k}` }),
      ),
      question: span.map((n) =>
        question(`q-${n}`, ids[n % 20], [ids[(n + k) % 20]], { conversationId: `conv-${n}` }),
      ),
    },
    slots: span.map((n) => {
      const fact = factVersion(`f-${n}-${k}`, ids[n % 20], entity(n * 7 + k));
      return { slot: fact.slot, facts: [fact] };
    }),
    cursor: k,
  };
}

/** A word of letters only, unique to conversation n (the full-text index splits digits off). */
export function topicWord(n: number): string {
  return `zz${[...String(n)].map((digit) => 'abcdefghij'[Number(digit)]).join('')}`;
}
