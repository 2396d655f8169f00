import type { DecisionItem } from './brief-types.js';
import { dedupeByEvidence, type SectionContext } from './waiting-section.js';

/**
 * Decisions made or reversed in the window, newest first. A reversal names what it reverses; a
 * decision reversed later in the window says by what.
 */
export function decisionsSection(context: SectionContext): DecisionItem[] {
  const { data, since, until, people, citer } = context;
  const byId = new Map(data.decisions.map((decision) => [decision.decisionId, decision]));
  const reversedBy = new Map<string, { id: string; summary: string; at: string }>();
  for (const decision of data.decisions) {
    if (decision.reverses && decision.at <= until) {
      const current = reversedBy.get(decision.reverses);
      if (!current || decision.at < current.at)
        reversedBy.set(decision.reverses, {
          id: decision.decisionId,
          summary: decision.summary,
          at: decision.at,
        });
    }
  }
  const items: DecisionItem[] = data.decisions
    .filter((decision) => decision.at >= since && decision.at <= until)
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.decisionId.localeCompare(b.decisionId)))
    .map((decision) => ({
      id: decision.decisionId,
      summary: decision.summary,
      decidedBy: decision.decidedBy.map((key) => people.ref(key)),
      at: decision.at,
      reverses: decision.reverses
        ? { id: decision.reverses, summary: byId.get(decision.reverses)?.summary ?? null }
        : null,
      reversedBy: reversedBy.get(decision.decisionId) ?? null,
      about: decision.about.map((id) => data.entities.get(id)?.name ?? id),
      conversationId: decision.conversationId,
      confidence: decision.confidence,
      evidence: citer.citeAll(decision.evidence, decision.conversationId),
    }));
  return dedupeByEvidence(items);
}
