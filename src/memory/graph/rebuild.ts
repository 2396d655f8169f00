import type { StoredEvent } from '../../domain/events.js';
import type { ClaimIndex } from '../facts/claim-index.js';
import { parseFactEvent, type ParsedFactEvent } from '../facts/fact-events.js';
import type { AssertionClaim, FactVersion, RetractionClaim } from '../facts/fact-types.js';
import { resolveSlot } from '../facts/slot-timeline.js';
import type { GraphStore, LoadStats } from './graph-store.js';
import { emptyRecordLists, RECORD_KINDS, type GraphRecords, type RecordKind } from './graph-records.js';
import { isRecordEvent, mergeRecordEvent, parseRecordEvent, type RecordGetter } from './record-merge.js';

export interface RebuildReport {
  events: number;
  invalid: number;
  assertions: number;
  retractions: number;
  slots: number;
  factVersions: number;
  currentFacts: number;
  records: Record<RecordKind, number>;
  cursor: number;
  /** Milliseconds per phase: dropping the graph, reading and folding events, writing claim rows, loading the graph. */
  timings: { resetMs: number; readMs: number; claimsMs: number; load: LoadStats; totalMs: number };
}

/** Where a rebuild is: reading the log (events read of about `total`, the last seq), then loading the graph. */
export interface ReplayProgress {
  phase: 'reading' | 'loading';
  events: number;
  total: number;
}

/**
 * Drops the projection (claim index and graph) and rebuilds it from events alone, bulk-loading the
 * graph. `events` must be in seq order; `cursor` is the log's last seq when the read began. Uses
 * the same merge and slot rules as GraphProjector, so the result equals applying the same events
 * incrementally.
 */
export async function rebuildProjection(
  events: Iterable<StoredEvent>,
  claims: ClaimIndex,
  graph: GraphStore,
  cursor: number,
  onProgress?: (progress: ReplayProgress) => void,
  /** Called once the graph no longer needs the records held for it (GraphLoadSource.written). */
  written?: () => void,
): Promise<RebuildReport> {
  const started = performance.now();
  await graph.reset();
  claims.clear();
  const resetMs = performance.now() - started;
  const readStarted = performance.now();

  const maps = new Map<RecordKind, Map<string, unknown>>(RECORD_KINDS.map((kind) => [kind, new Map()]));
  const get: RecordGetter = <K extends RecordKind>(kind: K, id: string) =>
    maps.get(kind)!.get(id) as GraphRecords[K] | undefined;
  const bySlot = new Map<string, AssertionClaim[]>();
  const retractionsByFact = new Map<string, RetractionClaim[]>();
  let pending: ParsedFactEvent[] = [];
  let claimsMs = 0;
  const flush = (): void => {
    const at = performance.now();
    claims.load(pending);
    pending = [];
    claimsMs += performance.now() - at;
  };
  let count = 0;
  let invalid = 0;
  let assertions = 0;
  let retractions = 0;
  for (const event of events) {
    count++;
    if (onProgress && count % 10_000 === 0) onProgress({ phase: 'reading', events: count, total: cursor });
    if (isRecordEvent(event.type)) {
      const typed = parseRecordEvent(event);
      const changes = typed ? mergeRecordEvent(typed, get) : null;
      if (changes === null) invalid++;
      else
        for (const change of changes)
          maps
            .get(change.kind)!
            .set(
              change.kind === 'person' || change.kind === 'channel' ? change.record.key : change.record.id,
              change.record,
            );
      continue;
    }
    const parsed = parseFactEvent(event);
    if (!parsed) {
      if (event.type === 'fact.asserted' || event.type === 'fact.retracted') invalid++;
      continue;
    }
    pending.push(parsed);
    if (parsed.kind === 'assert') {
      assertions++;
      push(bySlot, parsed.slot, parsed.claim);
    } else {
      retractions++;
      push(retractionsByFact, parsed.claim.factId, parsed.claim);
    }
  }
  // After the read: the events may stream from the same SQLite connection, which cannot write mid-read.
  const readMs = performance.now() - readStarted;
  flush();

  const records = emptyRecordLists();
  const recordCounts = {} as Record<RecordKind, number>;
  for (const kind of RECORD_KINDS) {
    (records as Record<RecordKind, unknown[]>)[kind] = [...maps.get(kind)!.values()];
    recordCounts[kind] = maps.get(kind)!.size;
  }
  maps.clear();

  let factVersions = 0;
  let currentFacts = 0;
  const slotCount = bySlot.size;
  function* facts(): Generator<FactVersion> {
    for (const slot of [...bySlot.keys()].sort()) {
      const inSlot = bySlot.get(slot)!;
      bySlot.delete(slot);
      const seen = new Set<string>();
      const touching: RetractionClaim[] = [];
      for (const factId of new Set(inSlot.map((claim) => claim.factId))) {
        for (const retraction of retractionsByFact.get(factId) ?? []) {
          if (seen.has(retraction.eventId)) continue;
          touching.push(retraction);
          seen.add(retraction.eventId);
        }
      }
      for (const version of resolveSlot(slot, inSlot, touching)) {
        factVersions++;
        if (version.status === 'current') currentFacts++;
        yield version;
      }
    }
  }
  onProgress?.({ phase: 'loading', events: count, total: cursor });
  const load = await graph.load({ records, facts: facts(), cursor, written });
  return {
    events: count,
    invalid,
    assertions,
    retractions,
    slots: slotCount,
    factVersions,
    currentFacts,
    records: recordCounts,
    cursor,
    timings: { resetMs, readMs, claimsMs, load, totalMs: performance.now() - started },
  };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
