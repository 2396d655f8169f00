import { describe, expect, it } from 'vitest';
import { HEDGED_CONFIDENCE_CAP } from './confidence.js';
import { isValidAt, slotOf, type FactVersion } from './fact-types.js';
import { resolveSlot } from './slot-timeline.js';
import { asserted, assertionClaim, retracted, retractionClaim } from './test-support/fact-builders.js';

const ALICE = 'slack:T1:UALICE';
const BOB = 'slack:T1:UBOB';
const CAROL = 'slack:T1:UCAROL';
const BILLING = 'component:billing';
const OWNS = slotOf('owns', '*', BILLING);

const current = (versions: FactVersion[]) => versions.filter((v) => v.status === 'current');
const holders = (versions: FactVersion[]) =>
  versions.map((v) => [v.subject, v.status, v.validFrom.slice(0, 10), v.validTo?.slice(0, 10) ?? null]);

describe('resolveSlot', () => {
  it('ends a holding that says when it ends, and a next holder from that time supersedes it', () => {
    const ROTA = 'rotation:on-call';
    const week = (id: string, who: string, from: string, to: string) =>
      assertionClaim({ ...asserted(id, who, ROTA, from, { relation: 'on_call' }), validTo: to });
    const ended = resolveSlot(
      slotOf('on_call', '*', ROTA),
      [week('a', ALICE, '2026-10-12T00:00:00.000Z', '2026-10-19T00:00:00.000Z')],
      [],
    );
    expect(holders(ended)).toEqual([[ALICE, 'ended', '2026-10-12', '2026-10-19']]);
    expect(isValidAt(ended[0], '2026-10-20T00:00:00.000Z')).toBe(false);
    const handedOver = resolveSlot(
      slotOf('on_call', '*', ROTA),
      [
        week('a', ALICE, '2026-10-12T00:00:00.000Z', '2026-10-19T00:00:00.000Z'),
        week('b', BOB, '2026-10-19T00:00:00.000Z', '2026-10-26T00:00:00.000Z'),
      ],
      [],
    );
    expect(holders(handedOver)).toEqual([
      [ALICE, 'superseded', '2026-10-12', '2026-10-19'],
      [BOB, 'ended', '2026-10-19', '2026-10-26'],
    ]);
  });

  it('closes the earlier owner when ownership changes, keeping both in history', () => {
    const versions = resolveSlot(
      OWNS,
      [
        assertionClaim(asserted('a1', ALICE, BILLING, '2026-10-01T09:00:00.000Z')),
        assertionClaim(asserted('b1', BOB, BILLING, '2026-11-03T09:00:00.000Z')),
      ],
      [],
    );
    expect(holders(versions)).toEqual([
      [ALICE, 'superseded', '2026-10-01', '2026-11-03'],
      [BOB, 'current', '2026-11-03', null],
    ]);
    expect(versions[0].supersededBy).toBe(versions[1].id);
  });

  it('stores a backfilled older assertion already closed and keeps the newer owner current', () => {
    const newer = assertionClaim(
      asserted('b1', BOB, BILLING, '2026-11-03T09:00:00.000Z'),
      '2026-11-03T10:00:00.000Z',
    );
    const older = assertionClaim(
      asserted('a1', ALICE, BILLING, '2026-10-01T09:00:00.000Z'),
      '2026-11-20T10:00:00.000Z',
    );
    const versions = resolveSlot(OWNS, [newer, older], []);
    expect(current(versions).map((v) => v.subject)).toEqual([BOB]);
    const alice = versions.find((v) => v.subject === ALICE)!;
    expect(alice).toMatchObject({
      status: 'superseded',
      validTo: '2026-11-03T09:00:00.000Z',
      recordedAt: '2026-11-20T10:00:00.000Z',
    });
    // Recorded after the newer one: retired the moment it was recorded.
    expect(alice.retiredAt).toBe(alice.recordedAt);
  });

  it('gives the same versions whatever order the claims come in', () => {
    const claims = [
      assertionClaim(asserted('a1', ALICE, BILLING, '2026-10-01T09:00:00.000Z')),
      assertionClaim(asserted('b1', BOB, BILLING, '2026-11-03T09:00:00.000Z')),
      assertionClaim(asserted('a2', ALICE, BILLING, '2026-10-05T09:00:00.000Z')),
      assertionClaim(
        asserted('c1', CAROL, BILLING, '2026-11-10T09:00:00.000Z', { hedged: true, confidence: 0.5 }),
      ),
    ];
    const retractions = [retractionClaim(retracted('b1', '2026-11-12T09:00:00.000Z'))];
    const expected = resolveSlot(OWNS, claims, retractions);
    expect(resolveSlot(OWNS, [...claims].reverse(), retractions)).toEqual(expected);
    expect(resolveSlot(OWNS, [claims[2], claims[0], claims[3], claims[1]], retractions)).toEqual(expected);
  });

  it('restores the previous owner when a correction names nobody new', () => {
    const versions = resolveSlot(
      OWNS,
      [
        assertionClaim(
          asserted('a1', ALICE, BILLING, '2026-10-01T09:00:00.000Z'),
          '2026-10-01T10:00:00.000Z',
        ),
        assertionClaim(asserted('b1', BOB, BILLING, '2026-11-03T09:00:00.000Z'), '2026-11-03T10:00:00.000Z'),
      ],
      [retractionClaim(retracted('b1', '2026-11-04T09:00:00.000Z'), '2026-11-04T10:00:00.000Z')],
    );
    expect(current(versions).map((v) => v.subject)).toEqual([ALICE]);
    const bob = versions.find((v) => v.subject === BOB)!;
    expect(bob).toMatchObject({
      status: 'retracted',
      retiredAt: '2026-11-04T10:00:00.000Z',
      retraction: { reason: 'correction', at: '2026-11-04T09:00:00.000Z' },
    });
    expect(isValidAt(bob, '2026-11-03T12:00:00.000Z')).toBe(false);
  });

  it('lets the corrected holder be replaced by the one the correction names', () => {
    const versions = resolveSlot(
      OWNS,
      [
        assertionClaim(asserted('a1', ALICE, BILLING, '2026-10-01T09:00:00.000Z')),
        assertionClaim(asserted('b1', BOB, BILLING, '2026-11-03T09:00:00.000Z')),
        assertionClaim(asserted('c1', CAROL, BILLING, '2026-11-04T09:00:00.000Z')),
      ],
      [retractionClaim(retracted('b1', '2026-11-04T09:00:00.000Z'))],
    );
    expect(holders(versions)).toEqual([
      [ALICE, 'superseded', '2026-10-01', '2026-11-04'],
      [BOB, 'retracted', '2026-11-03', '2026-11-04'],
      [CAROL, 'current', '2026-11-04', null],
    ]);
  });

  it('withdraws every earlier claim of the corrected run, but not claims made after the correction', () => {
    const versions = resolveSlot(
      OWNS,
      [
        assertionClaim(asserted('a1', ALICE, BILLING, '2026-10-01T09:00:00.000Z')),
        assertionClaim(asserted('b1', BOB, BILLING, '2026-11-03T09:00:00.000Z')),
        assertionClaim(asserted('b2', BOB, BILLING, '2026-11-03T12:00:00.000Z')),
        assertionClaim(asserted('b3', BOB, BILLING, '2026-11-20T12:00:00.000Z')),
      ],
      [retractionClaim(retracted('b1', '2026-11-05T09:00:00.000Z'))],
    );
    expect(holders(versions)).toEqual([
      [ALICE, 'superseded', '2026-10-01', '2026-11-20'],
      [BOB, 'retracted', '2026-11-03', '2026-11-05'],
      [BOB, 'current', '2026-11-20', null],
    ]);
    expect(versions[1].eventIds).toEqual(['ev-b1', 'ev-b2']);
  });

  it('ends a holding at a reversal without restoring the one before', () => {
    const versions = resolveSlot(
      OWNS,
      [
        assertionClaim(asserted('a1', ALICE, BILLING, '2026-10-01T09:00:00.000Z')),
        assertionClaim(asserted('b1', BOB, BILLING, '2026-11-03T09:00:00.000Z')),
      ],
      [retractionClaim(retracted('b1', '2026-11-15T09:00:00.000Z', 'reversal'))],
    );
    expect(holders(versions)).toEqual([
      [ALICE, 'superseded', '2026-10-01', '2026-11-03'],
      [BOB, 'ended', '2026-11-03', '2026-11-15'],
    ]);
    expect(current(versions)).toEqual([]);
  });

  it('keeps a hedged claim as a low-confidence alternative beside a confident owner', () => {
    const versions = resolveSlot(
      OWNS,
      [
        assertionClaim(asserted('a1', ALICE, BILLING, '2026-10-01T09:00:00.000Z', { confidence: 0.9 })),
        assertionClaim(
          asserted('b1', BOB, BILLING, '2026-11-03T09:00:00.000Z', { hedged: true, confidence: 0.7 }),
        ),
      ],
      [],
    );
    expect(current(versions).map((v) => v.subject)).toEqual([ALICE]);
    const bob = versions.find((v) => v.subject === BOB)!;
    expect(bob).toMatchObject({ status: 'alternative', validTo: null, hedged: true });
    expect(bob.confidence).toBeLessThanOrEqual(HEDGED_CONFIDENCE_CAP);
  });

  it('lets a hedged claim hold an empty slot, and a later confident claim displace it', () => {
    const versions = resolveSlot(
      OWNS,
      [
        assertionClaim(asserted('b1', BOB, BILLING, '2026-11-03T09:00:00.000Z', { hedged: true })),
        assertionClaim(asserted('c1', CAROL, BILLING, '2026-11-05T09:00:00.000Z')),
      ],
      [],
    );
    expect(holders(versions)).toEqual([
      [BOB, 'superseded', '2026-11-03', '2026-11-05'],
      [CAROL, 'current', '2026-11-05', null],
    ]);
  });

  it('closes open alternatives when a confident new owner arrives', () => {
    const versions = resolveSlot(
      OWNS,
      [
        assertionClaim(asserted('a1', ALICE, BILLING, '2026-10-01T09:00:00.000Z')),
        assertionClaim(asserted('b1', BOB, BILLING, '2026-10-10T09:00:00.000Z', { hedged: true })),
        assertionClaim(asserted('c1', CAROL, BILLING, '2026-11-05T09:00:00.000Z')),
      ],
      [],
    );
    expect(holders(versions)).toEqual([
      [ALICE, 'superseded', '2026-10-01', '2026-11-05'],
      [BOB, 'alternative', '2026-10-10', '2026-11-05'],
      [CAROL, 'current', '2026-11-05', null],
    ]);
  });

  it('raises confidence with independent support by noisy-or, but not with the same author repeating', () => {
    const independent = resolveSlot(
      OWNS,
      [
        assertionClaim(
          asserted('a1', ALICE, BILLING, '2026-10-01T09:00:00.000Z', {
            confidence: 0.6,
            author: 'slack:T1:U1',
          }),
        ),
        assertionClaim(
          asserted('a2', ALICE, BILLING, '2026-10-02T09:00:00.000Z', {
            confidence: 0.5,
            author: 'slack:T1:U2',
          }),
        ),
      ],
      [],
    );
    expect(independent).toHaveLength(1);
    expect(independent[0].confidence).toBeCloseTo(1 - 0.4 * 0.5, 6);
    expect(independent[0].eventIds).toHaveLength(2);

    const repeated = resolveSlot(
      OWNS,
      [
        assertionClaim(
          asserted('a1', ALICE, BILLING, '2026-10-01T09:00:00.000Z', {
            confidence: 0.6,
            author: 'slack:T1:U1',
          }),
        ),
        assertionClaim(
          asserted('a2', ALICE, BILLING, '2026-10-02T09:00:00.000Z', {
            confidence: 0.5,
            author: 'slack:T1:U1',
          }),
        ),
      ],
      [],
    );
    expect(repeated[0].confidence).toBeCloseTo(0.6, 6);
  });

  it('lets many-valued relations hold several objects at once', () => {
    const apiSlot = slotOf('works_on', ALICE, 'component:api');
    const billingSlot = slotOf('works_on', ALICE, BILLING);
    expect(apiSlot).not.toBe(billingSlot);
    const api = resolveSlot(
      apiSlot,
      [
        assertionClaim(
          asserted('w1', ALICE, 'component:api', '2026-10-01T09:00:00.000Z', { relation: 'works_on' }),
        ),
      ],
      [],
    );
    const billing = resolveSlot(
      billingSlot,
      [assertionClaim(asserted('w2', ALICE, BILLING, '2026-10-05T09:00:00.000Z', { relation: 'works_on' }))],
      [],
    );
    expect([...api, ...billing].map((v) => v.status)).toEqual(['current', 'current']);
  });

  it('ignores retractions of facts outside the slot', () => {
    const versions = resolveSlot(
      OWNS,
      [assertionClaim(asserted('a1', ALICE, BILLING, '2026-10-01T09:00:00.000Z'))],
      [retractionClaim(retracted('zz', '2026-11-04T09:00:00.000Z'))],
    );
    expect(current(versions)).toHaveLength(1);
  });

  it('answers as-of questions from the world timeline', () => {
    const versions = resolveSlot(
      OWNS,
      [
        assertionClaim(asserted('a1', ALICE, BILLING, '2026-10-01T09:00:00.000Z')),
        assertionClaim(asserted('b1', BOB, BILLING, '2026-11-03T09:00:00.000Z')),
      ],
      [],
    );
    const at = (time: string) => versions.filter((v) => isValidAt(v, time)).map((v) => v.subject);
    expect(at('2026-09-01T00:00:00.000Z')).toEqual([]);
    expect(at('2026-10-20T00:00:00.000Z')).toEqual([ALICE]);
    expect(at('2026-11-03T09:00:00.000Z')).toEqual([BOB]);
  });
});
