import { FACT_RELATIONS } from '../../domain/annotations.js';
import type { FactChange } from './brief-types.js';
import type { SectionContext } from './waiting-section.js';

/**
 * Changed facts: assertions that became true in the window (for single-valued relations such as
 * ownership, with the holder before), and retractions made in the window. Newest first.
 */
export function factsSection(context: SectionContext): FactChange[] {
  const { data, since, until, people, citer } = context;
  const entityName = (id: string): string => data.entities.get(id)?.name ?? id.replace(/^[a-z]+:/, '');
  const retractedBy = (factId: string, at: string): boolean =>
    (data.retractions.get(factId)?.at ?? '~') <= at;
  const changes: FactChange[] = [];
  const byId = new Map(data.facts.map((fact) => [fact.factId, fact]));
  for (const fact of data.facts) {
    if (fact.validFrom < since || fact.validFrom > until) continue;
    let previous = null;
    if (FACT_RELATIONS[fact.relation].cardinality === 'one') {
      const before = data.facts
        .filter(
          (other) =>
            other.factId !== fact.factId &&
            other.relation === fact.relation &&
            other.object === fact.object &&
            other.validFrom < fact.validFrom &&
            !retractedBy(other.factId, fact.validFrom),
        )
        .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
      if (before && people.idOf(before.subject) === people.idOf(fact.subject)) continue;
      previous = before ? people.ref(before.subject) : null;
    }
    changes.push({
      change: 'asserted',
      relation: fact.relation,
      subject: people.ref(fact.subject),
      object: { id: fact.object, name: entityName(fact.object) },
      previous,
      at: fact.validFrom,
      reason: fact.hedged ? 'hedged' : null,
      confidence: fact.confidence,
      evidence: citer.citeAll(fact.evidence, fact.conversationId),
    });
  }
  for (const retraction of data.retractions.values()) {
    if (retraction.at < since || retraction.at > until) continue;
    const fact = byId.get(retraction.factId);
    if (!fact) continue;
    changes.push({
      change: 'retracted',
      relation: fact.relation,
      subject: people.ref(fact.subject),
      object: { id: fact.object, name: entityName(fact.object) },
      previous: null,
      at: retraction.at,
      reason: retraction.reason,
      confidence: fact.confidence,
      evidence: citer.citeAll(retraction.evidence, fact.conversationId),
    });
  }
  return once(changes, (key) => people.idOf(key)).sort((a, b) =>
    a.at < b.at ? 1 : a.at > b.at ? -1 : a.object.name.localeCompare(b.object.name),
  );
}

/**
 * One line per change: the same change stated again (the owner handover announced in #eng and
 * repeated in a Teams channel asserts the same fact twice) is one change, at its first time, citing
 * every message that stated it.
 */
function once(changes: FactChange[], idOf: (person: string) => string): FactChange[] {
  const kept = new Map<string, FactChange>();
  for (const change of [...changes].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))) {
    const key = [
      change.change,
      change.relation,
      idOf(change.subject.key),
      change.object.id,
      change.previous ? idOf(change.previous.key) : '',
      change.reason ?? '',
    ].join('\u0000');
    const first = kept.get(key);
    if (!first) {
      kept.set(key, { ...change, evidence: [...change.evidence] });
      continue;
    }
    const cited = new Set(first.evidence.map((citation) => `${citation.channel} ${citation.nativeId}`));
    for (const citation of change.evidence)
      if (!cited.has(`${citation.channel} ${citation.nativeId}`)) first.evidence.push(citation);
    first.confidence = Math.max(first.confidence, change.confidence);
  }
  return [...kept.values()];
}
