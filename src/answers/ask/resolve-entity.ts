import type { ComponentNode } from '../../memory/graph/graph-records.js';
import type { GraphStore } from '../../memory/graph/graph-store.js';
import { searchWords } from '../../memory/graph/search-text.js';

export interface ResolvedComponent {
  component: ComponentNode;
  /** The name or alias that matched. */
  matched: string;
  /** Words of the target the match did not use ("retries" in "billing retries"). */
  rest: string[];
}

/** Generic words that never identify an entity on their own. */
export const FILLER = new Set([
  'service',
  'svc',
  'team',
  'project',
  'system',
  'thing',
  'stuff',
  'app',
  'api',
  'new',
  'old',
  'current',
]);

/**
 * The component `target` names. Candidates come from the graph's full-text search over names and
 * aliases (Kùzu FTS, or word overlap in memory); a candidate matches only when every word of one of
 * its names or aliases occurs in the target ("billing" in "the billing database"), so "the mobile
 * app" never resolves to "web app". The longest matching alias wins; ties go to the search score.
 */
export async function resolveComponent(
  graph: GraphStore,
  target: string,
): Promise<ResolvedComponent | undefined> {
  const words = searchWords(target);
  if (words.length === 0) return undefined;
  const have = new Set(words);
  const hits = await graph.search(target, 20);
  let best: { resolved: ResolvedComponent; size: number; score: number } | undefined;
  for (const { component, score } of hits.components) {
    for (const name of [component.name ?? '', ...component.aliases]) {
      const aliasWords = searchWords(name);
      if (aliasWords.length === 0 || !aliasWords.every((word) => have.has(word))) continue;
      if (aliasWords.every((word) => FILLER.has(word))) continue;
      const size = aliasWords.length;
      if (!best || size > best.size || (size === best.size && score > best.score)) {
        best = {
          resolved: { component, matched: name, rest: words.filter((word) => !aliasWords.includes(word)) },
          size,
          score,
        };
      }
    }
  }
  return best?.resolved;
}

/** Word overlap of `text` with `words` (stemmed): how many of `words` it contains. */
/** How many of a question's words a record must hold to be about it: all, or all but one of three or more. */
export function wordsNeeded(words: readonly string[]): number {
  return words.length >= 3 ? words.length - 1 : words.length;
}

export function overlap(text: string, words: readonly string[]): number {
  const have = new Set(searchWords(text));
  return words.filter((word) => have.has(word)).length;
}
