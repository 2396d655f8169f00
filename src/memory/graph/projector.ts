import type { StoredEvent } from '../../domain/events.js';
import type { ClaimIndex } from '../facts/claim-index.js';
import { parseFactEvent } from '../facts/fact-events.js';
import { resolveSlot } from '../facts/slot-timeline.js';
import type { GraphStore } from './graph-store.js';
import { PROJECTED_EVENT_TYPES } from './projected-event-types.js';
import { RECORD_KINDS, type GraphRecords, type RecordKind, type RecordLists } from './graph-records.js';
import {
  mergeRecordEvent,
  parseRecordEvent,
  recordsTouched,
  type RecordEvent,
  type RecordGetter,
} from './record-merge.js';

/** Every event type the graph projection reads (projected-event-types.ts, which loads no schemas). */
export { PROJECTED_EVENT_TYPES };
const PROJECTED = new Set(PROJECTED_EVENT_TYPES);

export interface ApplyResult {
  /** Events of projected types in the batch. */
  events: number;
  /** Of those, events whose payload did not validate (skipped). */
  invalid: number;
  records: number;
  slots: number;
}

/**
 * Applies events to the graph projection. Idempotent and order-free: records merge commutatively
 * (record-merge.ts) and each fact slot touched is resolved again from every claim in it
 * (slot-timeline.ts), so applying a batch twice, or batches in any order, ends in the same graph as
 * `rebuildProjection` over the same events.
 *
 * For the agent runtime: wrap one instance in an agent that subscribes to PROJECTED_EVENT_TYPES and
 * calls `apply(batch)` per delivery (at-least-once delivery is fine). Not safe to call concurrently
 * on one instance: await each apply.
 */
export class GraphProjector {
  constructor(
    private readonly claims: ClaimIndex,
    private readonly graph: GraphStore,
  ) {}

  async apply(events: readonly StoredEvent[]): Promise<ApplyResult> {
    const relevant = events.filter((event) => PROJECTED.has(event.type)).sort((a, b) => a.seq - b.seq);
    const maxSeq = events.reduce((max, event) => Math.max(max, event.seq), 0);
    let invalid = 0;

    // Each event's payload is validated once: fact events here, record events before their records load.
    const factEvents = [];
    const recordEvents: RecordEvent[] = [];
    for (const event of relevant) {
      if (event.type === 'fact.asserted' || event.type === 'fact.retracted') {
        const parsed = parseFactEvent(event);
        if (parsed) factEvents.push(parsed);
        else invalid++;
      } else {
        const typed = parseRecordEvent(event);
        if (typed) recordEvents.push(typed);
        else invalid++;
      }
    }

    const wanted = new Map<RecordKind, Set<string>>();
    for (const event of recordEvents) {
      for (const ref of recordsTouched(event)) {
        let ids = wanted.get(ref.kind);
        if (!ids) wanted.set(ref.kind, (ids = new Set()));
        ids.add(ref.id);
      }
    }
    const loaded = new Map<RecordKind, Map<string, unknown>>();
    for (const [kind, ids] of wanted) loaded.set(kind, await this.graph.get(kind, [...ids]));
    const changed = new Map<RecordKind, Map<string, unknown>>();
    const get: RecordGetter = <K extends RecordKind>(kind: K, id: string) =>
      (changed.get(kind)?.get(id) ?? loaded.get(kind)?.get(id)) as GraphRecords[K] | undefined;

    for (const event of recordEvents) {
      for (const change of mergeRecordEvent(event, get)) {
        let map = changed.get(change.kind);
        if (!map) changed.set(change.kind, (map = new Map()));
        map.set(
          change.kind === 'person' || change.kind === 'channel' ? change.record.key : change.record.id,
          change.record,
        );
      }
    }

    const touched = this.claims.addClaims(factEvents);
    const slots = touched.map((slot) => {
      const { assertions, retractions } = this.claims.slot(slot);
      return { slot, facts: resolveSlot(slot, assertions, retractions) };
    });

    const records: Partial<RecordLists> = {};
    let recordCount = 0;
    for (const kind of RECORD_KINDS) {
      const map = changed.get(kind);
      if (!map || map.size === 0) continue;
      (records as Record<RecordKind, unknown[]>)[kind] = [...map.values()];
      recordCount += map.size;
    }
    const cursor = Math.max(await this.graph.cursor(), maxSeq);
    await this.graph.write({ records, slots, cursor });
    return { events: relevant.length, invalid, records: recordCount, slots: slots.length };
  }
}
