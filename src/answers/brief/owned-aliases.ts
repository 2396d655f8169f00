import type { EntityNamed, FactAsserted } from '../../domain/annotations.js';
import { earlierOwnedThing, type OwnedThing } from '../../pipeline/annotate/owned-things.js';

/**
 * One ownership per thing a human owns: an ownership fact that names, for the same human, a thing
 * already owned under another name ("payroll → Leila" in one channel, "Leila looks after the payroll export"
 * in another; two things one message gives one owner) takes the earlier fact's object, so readers
 * see one ownership with every message that says it. The annotate stage merges such names within a
 * conversation; this pass merges them across conversations and sources (pipeline/annotate/owned-things.ts
 * is the one rule for both). Other relations, and different owners, are left as they are. `retracted`:
 * the ids of facts a correction took back, which are nobody's holding.
 */
export function collapseOwnedAliases(
  facts: readonly FactAsserted[],
  entities: ReadonlyMap<string, EntityNamed>,
  humanOf: (key: string) => string,
  retracted: ReadonlySet<string> = new Set(),
): FactAsserted[] {
  const formsOf = (id: string): string[] => {
    const entity = entities.get(id);
    return entity ? [entity.name, ...entity.aliases] : [id.replace(/^[a-z]+:/, '').replace(/-/g, ' ')];
  };
  const sameOwner = (a: string, b: string): boolean => a === b || humanOf(a) === humanOf(b);
  const order = [...facts.keys()].sort(
    (a, b) => facts[a].validFrom.localeCompare(facts[b].validFrom) || a - b,
  );
  const owned: OwnedThing[] = [];
  const out = [...facts];
  for (const index of order) {
    const fact = facts[index];
    if (fact.relation !== 'owns') continue;
    const message = fact.evidence[0]?.id ?? '';
    const object = earlierOwnedThing(
      { subject: fact.subject, object: fact.object, message, validTo: fact.validTo, catchAll: fact.scope },
      owned,
      formsOf,
      sameOwner,
    );
    if (object) out[index] = { ...fact, object };
    owned.push({
      subject: fact.subject,
      object: object ?? fact.object,
      message,
      validTo: fact.validTo,
      retracted: retracted.has(fact.factId),
    });
  }
  return out;
}
