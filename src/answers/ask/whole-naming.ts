import type { FactRelation } from '../../domain/annotations.js';
import { escapeRegExp } from '../../domain/escape-regexp.js';
import type { FactVersion } from '../../memory/facts/fact-types.js';
import type { ComponentNode } from '../../memory/graph/graph-records.js';
import { collapseSameHuman, factEvidence, type AnswerContext } from './answer-support.js';

/**
 * The whole a part is held with, for a part with no facts of its own: the other object of a fact
 * whose statement names the part after naming that object ("Wen owns the sync service: export
 * worker, import queue, the latency dashboards"). The earliest such statement decides.
 */
export async function wholeNaming(
  context: AnswerContext,
  part: ComponentNode,
  relation: FactRelation,
): Promise<{ component: ComponentNode; versions: FactVersion[] } | undefined> {
  const { graph, people, search } = context.sources;
  if (!search) return undefined;
  const partNames = [part.name ?? '', ...part.aliases].map((name) => name.toLowerCase()).filter(Boolean);
  // Statements (fact documents) that name the part; the things they are about are the candidates.
  const statements = partNames.flatMap((name) => {
    try {
      return search.search({
        query: `"${name.replace(/"/g, ' ')}"`,
        kinds: ['fact'],
        asOf: context.sources.readUntil ?? context.asOf,
        limit: 20,
      }).hits;
    } catch {
      return [];
    }
  });
  const seen = new Set<string>([part.id]);
  for (const statement of statements.sort((a, b) => a.at.localeCompare(b.at))) {
    for (const { component: whole } of (await graph.search(statement.text, 20)).components) {
      if (seen.has(whole.id)) continue;
      seen.add(whole.id);
      const versions = (await graph.facts({ object: whole.id, relation })).filter(
        (version) => version.status !== 'retracted',
      );
      const wholeNames = [whole.name ?? '', ...whole.aliases]
        .map((name) => name.toLowerCase())
        .filter(Boolean);
      const named = versions.some((version) =>
        factEvidence([version], context).some((evidence) =>
          namesAfter(evidence.snippet, wholeNames, partNames),
        ),
      );
      if (named) return { component: whole, versions: collapseSameHuman(versions, people) };
    }
  }
  return undefined;
}

/** `text` names one of `parts` after one of `wholes`, in the same sentence ("the sync service: export worker, …"). */
function namesAfter(text: string, wholes: readonly string[], parts: readonly string[]): boolean {
  const lower = text.toLowerCase();
  const ends = wholes
    .map((name) => ({ at: lower.indexOf(name), name }))
    .filter(({ at }) => at >= 0)
    .map(({ at, name }) => at + name.length);
  if (ends.length === 0) return false;
  // In the same sentence: "the CSV export is mine. Nadia runs … webhooks" does not hold webhooks with the export.
  const start = Math.min(...ends);
  const rest = lower.slice(start);
  // Nor in a clause about someone else: "…, Priya is off to search", "(Priya moved to search)".
  const clause = text.slice(start).search(/[.!?](?:\s|$)|\n|[,;(]\s*\p{Lu}|\(/u);
  const after = rest.slice(0, clause >>> 0);
  return parts.some((name) =>
    new RegExp(`(?:^|[^\\p{L}\\d-])${escapeRegExp(name)}(?:$|[^\\p{L}\\d-])`, 'u').test(after),
  );
}
