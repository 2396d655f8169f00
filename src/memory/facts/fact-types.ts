import type { FactRetracted } from '../../domain/annotations.js';
import { FACT_RELATIONS, type FactRelation } from '../../domain/fact-relations.js';

/**
 * What a fact version is in the projection. A version is one interval during which one subject
 * held one relation to one object, supported by one or more assertions.
 *
 * - `current`: the latest holder of its slot (may start in the future: see validFrom);
 * - `superseded`: closed by a later conflicting assertion in the same slot;
 * - `ended`: closed by a `reversal` retraction ("Bob no longer owns billing");
 * - `retracted`: withdrawn by a `correction` or `superseded-by-source` retraction (never true);
 * - `alternative`: a hedged claim kept beside a confident holder (never the current answer).
 */
export const FACT_STATUSES = ['current', 'superseded', 'ended', 'retracted', 'alternative'] as const;
export type FactStatus = (typeof FACT_STATUSES)[number];

export interface FactRetractionRef {
  eventId: string;
  reason: FactRetracted['reason'];
  at: string;
  /** Person key of who corrected it. */
  by: string;
}

export interface FactVersion {
  /** Deterministic from the slot, the subject and the assertion that opened the version. */
  id: string;
  slot: string;
  subject: string;
  relation: FactRelation;
  object: string;
  status: FactStatus;
  /** Noisy-or over independent supporting assertions (hedged ones capped). */
  confidence: number;
  /** True when every supporting assertion was hedged. */
  hedged: boolean;
  /** World timeline: when it became true, and when it stopped (null: still open). */
  validFrom: string;
  validTo: string | null;
  /** Store timeline: when the log first recorded support for it, and when it was retired (null: not retired). */
  recordedAt: string;
  retiredAt: string | null;
  /** The version that closed this one, when superseded. */
  supersededBy: string | null;
  /** The retraction that ended or withdrew it. */
  retraction: FactRetractionRef | null;
  /**
   * Event ids of the fact.asserted events that support it, sorted. The evidence messages live in
   * those events (see evidence.ts): the graph keeps references, not copies.
   */
  eventIds: string[];
}

/** An assertion as the projection needs it: what the slot rules read, without the evidence text. */
export interface AssertionClaim {
  eventId: string;
  recordedAt: string;
  factId: string;
  subject: string;
  relation: FactRelation;
  object: string;
  validFrom: string;
  /** When the claim says it ends ("on call this week"); null: until another claim closes it. */
  validTo?: string | null;
  /** When the claim was made: its earliest evidence message (validFrom may be a future handover date). */
  claimedAt: string;
  confidence: number;
  hedged: boolean;
  /** Independence keys for noisy-or: `m:<message key>` and `a:<author>` of every evidence item. */
  sources: string[];
}

export interface RetractionClaim {
  eventId: string;
  recordedAt: string;
  factId: string;
  reason: FactRetracted['reason'];
  at: string;
  by: string;
}

/**
 * The slot a fact competes in. Cardinality `one` keyed by the object (`owns|*|component:billing`):
 * one current holder; cardinality `many` keyed by the whole triple: only re-assertions and
 * retractions of the same triple interact.
 */
export function slotOf(relation: FactRelation, subject: string, object: string): string {
  const rule = FACT_RELATIONS[relation];
  if (rule.cardinality === 'many') return `${relation}|${subject}|${object}`;
  return rule.slot === 'object' ? `${relation}|*|${object}` : `${relation}|${subject}|*`;
}

/** The subject and object keys a slot names (`*` where the slot spans many). */
export function parseSlot(slot: string): { relation: FactRelation; subject: string; object: string } {
  const first = slot.indexOf('|');
  const second = slot.indexOf('|', first + 1);
  // Person keys contain ':' but never '|'; entity ids may contain anything after the second bar.
  return {
    relation: slot.slice(0, first) as FactRelation,
    subject: slot.slice(first + 1, second),
    object: slot.slice(second + 1),
  };
}

/** Valid at `time` in the world (and not withdrawn or a mere alternative). */
export function isValidAt(version: FactVersion, time: string): boolean {
  if (version.status === 'retracted' || version.status === 'alternative') return false;
  return version.validFrom <= time && (version.validTo === null || time < version.validTo);
}
