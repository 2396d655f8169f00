import { FactAsserted, FactRetracted } from '../../domain/annotations.js';
import { EVENT, type StoredEvent } from '../../domain/events.js';
import { toAssertionClaim, toRetractionClaim } from './claims.js';
import { slotOf, type AssertionClaim, type RetractionClaim } from './fact-types.js';

export const FACT_EVENT_TYPES = [EVENT.factAsserted, EVENT.factRetracted] as const;

export type ParsedFactEvent =
  | { kind: 'assert'; seq: number; slot: string; claim: AssertionClaim }
  | { kind: 'retract'; seq: number; claim: RetractionClaim };

/** A fact event as a claim, or undefined when it is not one or its payload does not validate (it is skipped). */
export function parseFactEvent(event: StoredEvent): ParsedFactEvent | undefined {
  if (event.type === EVENT.factAsserted) {
    const parsed = FactAsserted.safeParse(event.payload);
    if (!parsed.success) return undefined;
    const fact = parsed.data;
    return { kind: 'assert', seq: event.seq, slot: slotOf(fact.relation, fact.subject, fact.object), claim: toAssertionClaim(event.id, event.recordedAt, fact) };
  }
  if (event.type === EVENT.factRetracted) {
    const parsed = FactRetracted.safeParse(event.payload);
    if (!parsed.success) return undefined;
    return { kind: 'retract', seq: event.seq, claim: toRetractionClaim(event.id, event.recordedAt, parsed.data) };
  }
  return undefined;
}
