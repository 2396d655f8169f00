import type { Evidence, FactAsserted, FactRelation, FactRetracted } from '../../../domain/annotations.js';
import { EVENT, type StoredEvent } from '../../../domain/events.js';
import { toAssertionClaim, toRetractionClaim } from '../claims.js';
import type { AssertionClaim, RetractionClaim } from '../fact-types.js';

/** Small builders for fact events and claims, shared by the facts, graph and ask tests. */
export const PROVENANCE = { stage: 'annotate', version: 'test', strategy: 'heuristic' } as const;

export function evidence(
  id: string,
  author: string,
  ts: string,
  snippet = `message ${id}`,
  channel = 'C1',
): Evidence {
  return { source: 'slack', workspace: 'T1', channel, id, author, ts, snippet };
}

export interface AssertOptions {
  relation?: FactRelation;
  confidence?: number;
  hedged?: boolean;
  /** Evidence message id; default: derived from the fact id. */
  message?: string;
  author?: string;
  /** When the message was written; default: validFrom. */
  said?: string;
  snippet?: string;
  conversationId?: string;
}

export function asserted(
  factId: string,
  subject: string,
  object: string,
  validFrom: string,
  options: AssertOptions = {},
): FactAsserted {
  return {
    factId,
    subject,
    relation: options.relation ?? 'owns',
    object,
    validFrom,
    confidence: options.confidence ?? 0.8,
    hedged: options.hedged ?? false,
    conversationId: options.conversationId ?? `conv-${factId}`,
    evidence: [
      evidence(
        options.message ?? `m-${factId}`,
        options.author ?? `slack:T1:author-${factId}`,
        options.said ?? validFrom,
        options.snippet ?? `${subject} ${options.relation ?? 'owns'} ${object}`,
      ),
    ],
    provenance: { ...PROVENANCE },
  };
}

export function retracted(
  factId: string,
  at: string,
  reason: FactRetracted['reason'] = 'correction',
  by = 'slack:T1:UDANA',
): FactRetracted {
  return {
    factId,
    reason,
    at,
    by,
    evidence: [evidence(`m-retract-${factId}-${at}`, by, at, 'that is not right')],
    provenance: { ...PROVENANCE },
  };
}

export function assertionClaim(
  fact: FactAsserted,
  recordedAt = '2026-12-01T00:00:00.000Z',
  eventId = `ev-${fact.factId}`,
): AssertionClaim {
  return toAssertionClaim(eventId, recordedAt, fact);
}

export function retractionClaim(
  retraction: FactRetracted,
  recordedAt = '2026-12-01T00:00:00.000Z',
  eventId = `ev-retract-${retraction.factId}-${retraction.at}`,
): RetractionClaim {
  return toRetractionClaim(eventId, recordedAt, retraction);
}

let seqCounter = 0;

/** A stored event as the log would return it (seq and recordedAt given or made up). */
export function stored<P>(
  type: string,
  id: string,
  payload: P,
  occurredAt: string,
  options: { seq?: number; recordedAt?: string } = {},
): StoredEvent<P> {
  return {
    seq: options.seq ?? ++seqCounter,
    id,
    type,
    stream: 'test',
    occurredAt,
    recordedAt: options.recordedAt ?? '2026-12-01T00:00:00.000Z',
    causationId: null,
    schemaVersion: 1,
    payload,
  };
}

export function assertedEvent(
  fact: FactAsserted,
  options: { seq?: number; recordedAt?: string } = {},
): StoredEvent<FactAsserted> {
  return stored(EVENT.factAsserted, `ev-${fact.factId}`, fact, fact.validFrom, options);
}

export function retractedEvent(
  retraction: FactRetracted,
  options: { seq?: number; recordedAt?: string } = {},
): StoredEvent<FactRetracted> {
  return stored(
    EVENT.factRetracted,
    `ev-retract-${retraction.factId}-${retraction.at}`,
    retraction,
    retraction.at,
    options,
  );
}
