import { stableId } from '../../domain/ids.js';
import { combineConfidence } from './confidence.js';
import {
  parseSlot,
  type AssertionClaim,
  type FactRetractionRef,
  type FactVersion,
  type RetractionClaim,
} from './fact-types.js';

/** A claim with the run (consecutive claims for one holder) it belongs to; see runsOf. */
interface Claim extends AssertionClaim {
  run: string;
}

type Retraction = RetractionClaim;

interface Open {
  id: string;
  subject: string;
  validFrom: string;
  supports: Claim[];
  alternative: boolean;
}

/**
 * Resolves one slot's timeline from every assertion and retraction that touches it. A pure function
 * of the sets it is given (input order does not matter), so an incremental projection and a replay
 * that see the same events produce the same versions. The rules:
 *
 * 1. Claims are ordered by world time (validFrom), never by arrival: a backfilled older claim is
 *    stored already closed and does not displace a newer holder.
 * 2. A claim for another subject closes the current holder at its validFrom (superseded) — except a
 *    hedged claim against a confident holder, which is kept open beside it as an `alternative`.
 *    A hedged holder is displaced by any later claim.
 * 3. A claim for the current subject supports it (confidence by noisy-or, see confidence.ts).
 * 4. A `correction` or `superseded-by-source` retraction withdraws the retracted assertion and every
 *    claim of the same run (consecutive claims for the same subject) made at or before the
 *    retraction. Withdrawn claims never held the slot, so the previous holder stays open: a
 *    correction that names no new holder restores the one before. Claims made after it stand.
 * 5. A `reversal` ends the subject's holding at the retraction's time (`ended`); the slot is then
 *    empty until the next claim. A reversal dated at or before the claim it reverses withdraws it.
 * 6. A claim that says when it ends (validTo: "on call this week") ends its holding then (`ended`),
 *    unless a claim for the same subject without an end, or with a later one, supports it; a next
 *    holder starting at that very time supersedes it instead.
 */
export function resolveSlot(
  slot: string,
  assertions: readonly AssertionClaim[],
  retractions: readonly RetractionClaim[],
): FactVersion[] {
  const { relation, object } = parseSlot(slot);
  if (
    assertions.length === 1 &&
    !assertions[0].validTo &&
    !retractions.some((r) => r.factId === assertions[0].factId)
  ) {
    // Most slots of many-valued relations hold one claim: one current version.
    const open = openVersion(slot, { ...assertions[0], run: '' }, false);
    return [
      toVersion(slot, relation, object, open, {
        status: 'current',
        validTo: null,
        retiredAt: null,
        supersededBy: null,
        retraction: null,
      }),
    ];
  }
  const claims = runsOf(
    dedupe(
      assertions.map((claim): Claim => ({ ...claim, run: '' })),
      (claim) => claim.eventId,
    ).sort(byTime),
  );
  const byFactId = new Map<string, Claim[]>();
  for (const claim of claims) byFactId.set(claim.factId, [...(byFactId.get(claim.factId) ?? []), claim]);
  const relevant = dedupe([...retractions], (r) => r.eventId)
    .filter((r) => byFactId.has(r.factId))
    .sort((a, b) => compare(a.at, b.at) || compare(a.eventId, b.eventId));

  const withdrawnBy = new Map<string, Retraction>();
  const ends: Array<{ retraction: Retraction; subject: string }> = [];
  for (const retraction of relevant) {
    const targets = byFactId.get(retraction.factId) ?? [];
    const earliest = targets[0];
    if (retraction.reason === 'reversal' && retraction.at > earliest.validFrom) {
      ends.push({ retraction, subject: earliest.subject });
      continue;
    }
    const runs = new Set(targets.map((target) => target.run));
    for (const claim of claims) {
      if (withdrawnBy.has(claim.eventId)) continue;
      const isTarget = claim.factId === retraction.factId;
      if (isTarget || (runs.has(claim.run) && claim.claimedAt <= retraction.at))
        withdrawnBy.set(claim.eventId, retraction);
    }
  }

  const versions: FactVersion[] = [];
  const make = (
    open: Open,
    fields: Pick<FactVersion, 'status' | 'validTo' | 'retiredAt' | 'supersededBy' | 'retraction'>,
  ): FactVersion => toVersion(slot, relation, object, open, fields);
  let current: Open | undefined;
  const alternatives = new Map<string, Open>();
  const closeAlternatives = (
    at: string,
    closerRecordedAt: string,
    supersededBy: string | null,
    retraction: FactRetractionRef | null,
    only?: string,
  ): void => {
    for (const [subject, open] of [...alternatives]) {
      if (only !== undefined && subject !== only) continue;
      versions.push(
        make(open, {
          status: 'alternative',
          validTo: at,
          retiredAt: later(recordedOf(open), closerRecordedAt),
          supersededBy,
          retraction,
        }),
      );
      alternatives.delete(subject);
    }
  };

  type Step = { time: string; order: 0 | 1 | 2; key: string; run: () => void };
  const steps: Step[] = [];
  for (const { retraction, subject } of ends) {
    steps.push({
      time: retraction.at,
      order: 0,
      key: retraction.eventId,
      run: () => {
        const ref = refOf(retraction);
        if (current && current.subject === subject) {
          versions.push(
            make(current, {
              status: 'ended',
              validTo: retraction.at,
              retiredAt: later(recordedOf(current), retraction.recordedAt),
              supersededBy: null,
              retraction: ref,
            }),
          );
          current = undefined;
        }
        closeAlternatives(retraction.at, retraction.recordedAt, null, ref, subject);
      },
    });
  }
  for (const claim of claims) {
    if (withdrawnBy.has(claim.eventId)) continue;
    steps.push({
      time: claim.validFrom,
      order: 1,
      key: claim.eventId,
      run: () => {
        if (current && current.subject === claim.subject) {
          current.supports.push(claim);
          return;
        }
        const confidentHolder = current !== undefined && current.supports.some((support) => !support.hedged);
        if (claim.hedged && confidentHolder) {
          const existing = alternatives.get(claim.subject);
          if (existing) existing.supports.push(claim);
          else alternatives.set(claim.subject, openVersion(slot, claim, true));
          return;
        }
        const next = openVersion(slot, claim, false);
        if (current) {
          versions.push(
            make(current, {
              status: 'superseded',
              validTo: claim.validFrom,
              retiredAt: later(recordedOf(current), claim.recordedAt),
              supersededBy: next.id,
              retraction: null,
            }),
          );
        }
        closeAlternatives(claim.validFrom, claim.recordedAt, next.id, null);
        current = next;
      },
    });
  }
  for (const claim of claims) {
    const end = claim.validTo;
    if (!end || withdrawnBy.has(claim.eventId)) continue;
    steps.push({
      time: end,
      order: 2,
      key: claim.eventId,
      run: () => {
        if (!current || !current.supports.includes(claim)) return;
        const until = untilOf(current);
        if (until === null || until > end) return;
        versions.push(
          make(current, {
            status: 'ended',
            validTo: until,
            retiredAt: recordedOf(current),
            supersededBy: null,
            retraction: null,
          }),
        );
        current = undefined;
      },
    });
  }
  steps.sort((a, b) => compare(a.time, b.time) || a.order - b.order || compare(a.key, b.key));
  for (const step of steps) step.run();

  if (current)
    versions.push(
      make(current, {
        status: 'current',
        validTo: null,
        retiredAt: null,
        supersededBy: null,
        retraction: null,
      }),
    );
  for (const open of alternatives.values())
    versions.push(
      make(open, {
        status: 'alternative',
        validTo: null,
        retiredAt: null,
        supersededBy: null,
        retraction: null,
      }),
    );

  const withdrawnGroups = new Map<string, { retraction: Retraction; claims: Claim[] }>();
  for (const claim of claims) {
    const retraction = withdrawnBy.get(claim.eventId);
    if (!retraction) continue;
    const key = `${retraction.eventId}\u0000${claim.subject}`;
    const group = withdrawnGroups.get(key) ?? { retraction, claims: [] };
    group.claims.push(claim);
    withdrawnGroups.set(key, group);
  }
  for (const { retraction, claims: withdrawn } of withdrawnGroups.values()) {
    const open: Open = {
      id: versionId(slot, withdrawn[0], 'retracted', retraction.eventId),
      subject: withdrawn[0].subject,
      validFrom: withdrawn[0].validFrom,
      supports: withdrawn,
      alternative: false,
    };
    versions.push(
      make(open, {
        status: 'retracted',
        validTo: later(open.validFrom, retraction.at),
        retiredAt: later(recordedOf(open), retraction.recordedAt),
        supersededBy: null,
        retraction: refOf(retraction),
      }),
    );
  }
  return versions.sort((a, b) => compare(a.validFrom, b.validFrom) || compare(a.id, b.id));
}

/**
 * Marks runs: consecutive claims (in world time) for the same subject. A hedged claim for another
 * subject does not break the run it falls into; it gets a run of its own beside it.
 */
function runsOf(sorted: Claim[]): Claim[] {
  let run = 0;
  let holder: string | undefined;
  for (const claim of sorted) {
    if (claim.subject !== holder) {
      if (claim.hedged && holder !== undefined) {
        claim.run = `${run}~${claim.subject}`;
        continue;
      }
      run++;
      holder = claim.subject;
    }
    claim.run = String(run);
  }
  return sorted;
}

function openVersion(slot: string, claim: Claim, alternative: boolean): Open {
  return {
    id: versionId(slot, claim, alternative ? 'alternative' : 'held', ''),
    subject: claim.subject,
    validFrom: claim.validFrom,
    supports: [claim],
    alternative,
  };
}

function versionId(slot: string, founder: Claim, kind: string, extra: string): string {
  return stableId('fact-version', kind, slot, founder.subject, founder.validFrom, founder.eventId, extra);
}

function toVersion(
  slot: string,
  relation: FactVersion['relation'],
  object: string,
  open: Open,
  fields: Pick<FactVersion, 'status' | 'validTo' | 'retiredAt' | 'supersededBy' | 'retraction'>,
): FactVersion {
  const supports = open.supports;
  return {
    id: open.id,
    slot,
    subject: open.subject,
    relation,
    object,
    status: fields.status,
    confidence: combineConfidence(supports),
    hedged: supports.every((support) => support.hedged),
    validFrom: open.validFrom,
    validTo: fields.validTo,
    recordedAt: recordedOf(open),
    retiredAt: fields.retiredAt,
    supersededBy: fields.supersededBy,
    retraction: fields.retraction,
    eventIds: supports.map((support) => support.eventId).sort(),
  };
}

/** When a holding ends by what its claims say: null when any claim gives no end, else the latest end. */
function untilOf(open: Open): string | null {
  let until = '';
  for (const support of open.supports) {
    if (!support.validTo) return null;
    if (support.validTo > until) until = support.validTo;
  }
  return until;
}

function recordedOf(open: Open): string {
  return open.supports.reduce(
    (min, support) => (support.recordedAt < min ? support.recordedAt : min),
    open.supports[0].recordedAt,
  );
}

function refOf(retraction: Retraction): FactRetractionRef {
  return { eventId: retraction.eventId, reason: retraction.reason, at: retraction.at, by: retraction.by };
}

function byTime(a: Claim, b: Claim): number {
  return (
    compare(a.validFrom, b.validFrom) || compare(a.claimedAt, b.claimedAt) || compare(a.eventId, b.eventId)
  );
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function dedupe<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
