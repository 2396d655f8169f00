import { EVENT, parseEvent, type StoredEvent } from '../../domain/events.js';
import { toAssertionClaim, toRetractionClaim } from './claims.js';
import { slotOf, type AssertionClaim, type RetractionClaim } from './fact-types.js';
import { FACT_EVENT_TYPES } from '../graph/projected-event-types.js';

export { FACT_EVENT_TYPES } from '../graph/projected-event-types.js';

export type ParsedFactEvent =
  | { kind: 'assert'; seq: number; slot: string; claim: AssertionClaim }
  | { kind: 'retract'; seq: number; claim: RetractionClaim };

/** A fact event as a claim, or undefined when it is not one or its payload does not validate (it is skipped). */
export function parseFactEvent(event: StoredEvent): ParsedFactEvent | undefined {
  const typed = parseEvent(event, FACT_EVENT_TYPES);
  if (!typed) return undefined;
  if (typed.type === EVENT.factAsserted) {
    const fact = typed.payload;
    return {
      kind: 'assert',
      seq: event.seq,
      slot: slotOf(fact.relation, fact.subject, fact.object),
      claim: toAssertionClaim(event.id, event.recordedAt, fact),
    };
  }
  return {
    kind: 'retract',
    seq: event.seq,
    claim: toRetractionClaim(event.id, event.recordedAt, typed.payload),
  };
}
