import { pickEvidence } from '../../memory/facts/evidence.js';
import type { FactVersion } from '../../memory/facts/fact-types.js';
import type { AnswerEvidence, HistoryEntry } from './ask-types.js';
import {
  collapseSameHuman,
  historyOf,
  toAnswerEvidence,
  type AnswerContext,
  type AskSources,
} from './answer-support.js';
import { resolveComponent } from './resolve-entity.js';

export interface HistoryItem extends HistoryEntry {
  /** When the store first recorded it, and when it was retired there. */
  recordedAt: string;
  retiredAt: string | null;
  evidence: AnswerEvidence[];
}

export interface EntityHistory {
  query: string;
  entity: { kind: 'component' | 'person'; id: string; name: string } | null;
  /** Every fact version about the entity, asserted, superseded, ended, retracted or hedged; oldest first. */
  facts: HistoryItem[];
  /** Decisions about a component, oldest first. */
  decisions: Array<{
    id: string;
    at: string;
    summary: string;
    reversedAt: string | null;
    evidence: AnswerEvidence[];
  }>;
  searched: string[];
}

/** The timeline of every fact about a component or person named `query`. */
export async function entityHistory(query: string, sources: AskSources): Promise<EntityHistory> {
  const { graph, people } = sources;
  const resolved = await resolveComponent(graph, query);
  const human = resolved ? undefined : people.find(query);
  if (!resolved && !human)
    return {
      query,
      entity: null,
      facts: [],
      decisions: [],
      searched: [`components, projects, teams and people named "${query}": none found`],
    };
  const all: FactVersion[] = resolved
    ? await graph.facts({ object: resolved.component.id })
    : await graph.facts({ subjects: human!.keys });
  const versions = collapseSameHuman(all, people);
  const context: AnswerContext = {
    sources,
    question: query,
    intent: 'changed',
    target: query,
    asOf: sources.now.toISOString(),
  };
  const entries = await historyOf(versions, context);
  const facts = entries.map((entry, index) => ({
    ...entry,
    recordedAt: versions[index].recordedAt,
    retiredAt: versions[index].retiredAt,
    evidence: toAnswerEvidence(pickEvidence(sources.evidence.forEvents(versions[index].eventIds), 4), people),
  }));
  const decisions = resolved
    ? (await graph.decisions({ about: resolved.component.id })).map((decision) => ({
        id: decision.id,
        at: decision.at,
        summary: decision.summary,
        reversedAt: decision.reversedAt,
        evidence: toAnswerEvidence(pickEvidence(decision.evidence, 2), people),
      }))
    : [];
  const entity = resolved
    ? {
        kind: 'component' as const,
        id: resolved.component.id,
        name: resolved.component.name ?? resolved.component.id,
      }
    : { kind: 'person' as const, id: human!.keys[0], name: human!.name };
  return {
    query,
    entity,
    facts,
    decisions,
    searched: [
      `facts ${resolved ? 'about' : 'of'} ${entity.name}`,
      ...(resolved ? [`decisions about ${entity.name}`] : []),
    ],
  };
}
