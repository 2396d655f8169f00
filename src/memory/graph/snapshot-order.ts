import type { FactVersion } from '../facts/fact-types.js';
import {
  keyOf,
  RECORD_KINDS,
  type GraphRecords,
  type GraphSnapshot,
  type RecordKind,
} from './graph-records.js';

/** The canonical order of a snapshot, so two stores (or two runs) can be compared with deep equality. */
export function sortSnapshot(snapshot: GraphSnapshot): GraphSnapshot {
  for (const kind of RECORD_KINDS) {
    (snapshot.records[kind] as Array<GraphRecords[typeof kind]>).sort((a, b) => compareRecords(kind, a, b));
  }
  snapshot.facts.sort(compareFacts);
  return snapshot;
}

export function compareRecords<K extends RecordKind>(
  kind: K,
  a: GraphRecords[K],
  b: GraphRecords[K],
): number {
  const [x, y] = [keyOf(kind, a), keyOf(kind, b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

export function compareFacts(a: FactVersion, b: FactVersion): number {
  if (a.validFrom !== b.validFrom) return a.validFrom < b.validFrom ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Code-unit order: what both engines agree on (never locale order). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first record of each id, in the order given (a query's joins may return one record several times). */
export function distinctById<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));
}

/** Oldest first, then by id: the order item queries answer in. */
export function byAt(a: { at: string; id: string }, b: { at: string; id: string }): number {
  return compareText(a.at, b.at) || compareText(a.id, b.id);
}
