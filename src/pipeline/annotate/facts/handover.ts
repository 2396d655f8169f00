import type { AnnotateContext, ReadMessage } from '../annotate-context.js';
import { markPersons } from './person-slots.js';

/** A holding stated in one message: who, what, from when, hedged or not. */
export interface StatedHolding {
  subject: string;
  object: string;
  validFrom: string;
  hedged: boolean;
}

/** "Keisha is moving to carrier integrations", "Priya moves to the data platform": a person leaving what they held. */
const LEAVES =
  /⟦(\d+)⟧\s+(?:(?:is|'s|’s|will be|'ll be)\s+)?(?:moves|moving|moved|switches|switching|transfers|transferring|leaves|leaving|rotates|rotating|steps? (?:down|back|away)|stepping (?:down|back|away))\b/gi;

/**
 * The holder a handover ends: a message that gives a thing a new holder from a later day ("from
 * Monday 19th Kofi owns the search indexer", "Hiro takes over the routing engine … from the 25th") and
 * says someone else is moving on ("Priya moves to the data platform", "Keisha is moving to carrier
 * integrations") says that person held it until then: a holding from the message's time to the
 * handover's day. Nothing when no holding starts later, or nobody is moving on.
 */
export function handedOver(
  context: AnnotateContext,
  read: ReadMessage,
  stated: readonly StatedHolding[],
): Array<StatedHolding & { validTo: string }> {
  const ts = read.message.ts;
  const handovers = stated.filter((holding) => !holding.hedged && holding.validFrom > ts);
  if (handovers.length === 0) return [];
  const leavers = new Set<string>();
  for (const unit of read.units) {
    const marked = markPersons(context, read, unit.text, {});
    for (const match of marked.text.matchAll(LEAVES)) {
      const person = marked.persons[Number(match[1])];
      if (person) leavers.add(person);
    }
  }
  const out: Array<StatedHolding & { validTo: string }> = [];
  for (const handover of handovers) {
    for (const leaver of leavers) {
      if (leaver === handover.subject) continue;
      if (stated.some((holding) => holding.subject === leaver && holding.object === handover.object))
        continue;
      if (out.some((holding) => holding.subject === leaver && holding.object === handover.object)) continue;
      out.push({
        subject: leaver,
        object: handover.object,
        validFrom: ts,
        validTo: handover.validFrom,
        hedged: false,
      });
    }
  }
  return out;
}
