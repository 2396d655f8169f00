import type { FactAsserted, FactRetracted } from '../../domain/annotations.js';
import type { AssertionClaim, RetractionClaim } from './fact-types.js';
import { normalizeIso } from '../../domain/time.js';

/** The compact claim of a fact.asserted payload (times normalized, evidence reduced to independence keys). */
export function toAssertionClaim(eventId: string, recordedAt: string, fact: FactAsserted): AssertionClaim {
  let claimedAt: string | undefined;
  const sources: string[] = [];
  for (const evidence of fact.evidence) {
    const ts = normalizeIso(evidence.ts);
    if (claimedAt === undefined || ts < claimedAt) claimedAt = ts;
    sources.push(
      `m:${evidence.source}:${evidence.workspace}:${evidence.channel}:${evidence.id}`,
      `a:${evidence.author}`,
    );
  }
  const validFrom = normalizeIso(fact.validFrom);
  const validTo = fact.validTo ? normalizeIso(fact.validTo) : null;
  return {
    eventId,
    recordedAt: normalizeIso(recordedAt),
    factId: fact.factId,
    subject: fact.subject,
    relation: fact.relation,
    object: fact.object,
    validFrom,
    ...(validTo !== null && validTo > validFrom ? { validTo } : {}),
    claimedAt: claimedAt ?? validFrom,
    confidence: fact.confidence,
    hedged: fact.hedged,
    sources,
  };
}

export function toRetractionClaim(
  eventId: string,
  recordedAt: string,
  retraction: FactRetracted,
): RetractionClaim {
  return {
    eventId,
    recordedAt: normalizeIso(recordedAt),
    factId: retraction.factId,
    reason: retraction.reason,
    at: normalizeIso(retraction.at),
    by: retraction.by,
  };
}
