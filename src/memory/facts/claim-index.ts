import type { StoredEvent } from '../../domain/events.js';
import { parseFactEvent, type ParsedFactEvent } from './fact-events.js';
import type { AssertionClaim, RetractionClaim } from './fact-types.js';

export interface SlotClaims {
  assertions: AssertionClaim[];
  /** Retractions of any fact asserted in the slot. */
  retractions: RetractionClaim[];
}

/**
 * The projector's working memory for facts: which assertions fall in which slot, and which
 * retractions name which facts, so a slot can be resolved again from everything that touches it.
 * Idempotent by event. Implementations: MemoryClaimIndex (below) and SqliteClaimIndex.
 */
export interface ClaimIndex {
  /** Records fact events (others and invalid ones are ignored); returns the slots they touch, sorted. */
  add(events: readonly StoredEvent[]): string[];
  /** The same for events already parsed (replay parses each event once). */
  addClaims(claims: readonly ParsedFactEvent[]): string[];
  /** Replay's path: empties the index and fills it with these claims, reporting nothing. */
  load(claims: readonly ParsedFactEvent[]): void;
  slot(slot: string): SlotClaims;
  /** Every slot, sorted (replay checks). */
  slots(): string[];
  clear(): void;
  counts(): { assertions: number; retractions: number };
}

export class MemoryClaimIndex implements ClaimIndex {
  private readonly assertions = new Map<string, AssertionClaim>();
  private readonly retractions = new Map<string, RetractionClaim>();
  private readonly bySlot = new Map<string, Set<string>>();
  private readonly slotByFact = new Map<string, Set<string>>();
  private readonly retractionsByFact = new Map<string, Set<string>>();

  add(events: readonly StoredEvent[]): string[] {
    return this.addClaims(parseAll(events));
  }

  addClaims(claims: readonly ParsedFactEvent[]): string[] {
    const touched = new Set<string>();
    for (const parsed of claims) {
      if (parsed.kind === 'assert') {
        const { claim, slot } = parsed;
        this.assertions.set(claim.eventId, claim);
        addTo(this.bySlot, slot, claim.eventId);
        addTo(this.slotByFact, claim.factId, slot);
        touched.add(slot);
      } else {
        const { claim } = parsed;
        this.retractions.set(claim.eventId, claim);
        addTo(this.retractionsByFact, claim.factId, claim.eventId);
        for (const slot of this.slotByFact.get(claim.factId) ?? []) touched.add(slot);
      }
    }
    return [...touched].sort();
  }

  load(claims: readonly ParsedFactEvent[]): void {
    this.clear();
    this.addClaims(claims);
  }

  slot(slot: string): SlotClaims {
    const assertions = [...(this.bySlot.get(slot) ?? [])].map((id) => this.assertions.get(id)!);
    const retractionIds = new Set(
      assertions.flatMap((claim) => [...(this.retractionsByFact.get(claim.factId) ?? [])]),
    );
    return { assertions, retractions: [...retractionIds].map((id) => this.retractions.get(id)!) };
  }

  slots(): string[] {
    return [...this.bySlot.keys()].sort();
  }

  clear(): void {
    for (const map of [
      this.assertions,
      this.retractions,
      this.bySlot,
      this.slotByFact,
      this.retractionsByFact,
    ])
      map.clear();
  }

  counts(): { assertions: number; retractions: number } {
    return { assertions: this.assertions.size, retractions: this.retractions.size };
  }
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

export function parseAll(events: readonly StoredEvent[]): ParsedFactEvent[] {
  const parsed: ParsedFactEvent[] = [];
  for (const event of events) {
    const one = parseFactEvent(event);
    if (one) parsed.push(one);
  }
  return parsed;
}
