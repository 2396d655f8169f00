import type { GraphStore } from '../../memory/graph/graph-store.js';
import { searchWords } from '../../memory/graph/search-text.js';
import type { Embedder } from '../../llm/embeddings/embedder.js';
import { cosine } from '../../llm/embeddings/vector-search.js';
import { FILLER } from './resolve-entity.js';

/** A component found by embedding similarity when no name or alias matched the question's words. */
export interface SimilarEntity {
  id: string;
  name: string;
  /** Cosine similarity of the question's words and the closest name or alias (a conversation topic's, times 0.85). */
  score: number;
  /** The text of the component that was closest (a name, an alias, or a topic of a conversation about it). */
  via: string;
  embedder: string;
}

/**
 * Default floor per embedder family. The hashed embedder is lexical (shared words and trigrams):
 * on the fixture workspace one shared word out of two on each side scores 0.52–0.54 ("retry queue"
 * → "sqs queue"), a shared word against a one- or two-word name 0.69–0.74 ("sso login" → "sso",
 * "the billing database" → "billing"); 0.6 keeps the second and refuses the first. Semantic
 * embedders score related phrases higher across the board, so their floor is higher.
 */
export function defaultSimilarityThreshold(embedder: Embedder): number {
  return embedder.id.startsWith('hashed') ? 0.6 : 0.75;
}

const POOL = 30;
/** A conversation topic counts for less than the component's own name or alias (a topic is about several things). */
const TOPIC_WEIGHT = 0.85;

/**
 * The component nearest to `target` by embeddings. Candidates come from the graph's full-text search
 * over component names, aliases and conversation topics (a topic's conversation points at the
 * components it is about); each candidate scores the best cosine of its name, aliases and topics
 * against the target's content words (filler like "service" and "the" removed on both sides).
 * Undefined when nothing reaches `threshold`: the answer stays "I don't know".
 */
export async function findSimilarComponent(
  graph: GraphStore,
  embedder: Embedder,
  target: string,
  threshold = defaultSimilarityThreshold(embedder),
): Promise<SimilarEntity | undefined> {
  const query = content(target);
  if (query === '') return undefined;
  const hits = await graph.search(target, POOL);
  /** Per component: its texts and their weights (1 for a name or alias, TOPIC_WEIGHT for a topic). */
  const texts = new Map<string, Map<string, number>>();
  const add = (id: string, text: string, weight: number): void => {
    const cleaned = content(text);
    if (cleaned === '') return;
    const weights = texts.get(id) ?? new Map<string, number>();
    weights.set(cleaned, Math.max(weight, weights.get(cleaned) ?? 0));
    texts.set(id, weights);
  };
  for (const { component } of hits.components)
    for (const name of [component.name ?? '', ...component.aliases]) add(component.id, name, 1);
  for (const { conversation } of hits.conversations) {
    if (conversation.noise) continue;
    for (const id of conversation.entities) add(id, conversation.topic, TOPIC_WEIGHT);
  }
  const components = await graph.get('component', [...texts.keys()]);
  for (const [id, component] of components)
    for (const name of [component.name ?? '', ...component.aliases]) add(id, name, 1);
  const ids = [...texts.keys()].filter((id) => components.get(id)?.name);
  if (ids.length === 0) return undefined;
  const all = [...new Set(ids.flatMap((id) => [...texts.get(id)!.keys()]))];
  const vectors = await embedder.embed([query, ...all]);
  const score = new Map(all.map((text, index) => [text, cosine(vectors[0], vectors[index + 1])]));
  let best: SimilarEntity | undefined;
  for (const id of ids.sort()) {
    for (const [text, weight] of texts.get(id)!) {
      const value = score.get(text)! * weight;
      if (value >= threshold && (!best || value > best.score))
        best = {
          id,
          name: components.get(id)!.name!,
          score: Math.round(value * 1000) / 1000,
          via: text,
          embedder: embedder.id,
        };
    }
  }
  return best;
}

/** The words that can identify something: stopwords and filler removed, stemmed, in order. */
function content(text: string): string {
  return searchWords(text)
    .filter((word) => !FILLER.has(word))
    .join(' ');
}
