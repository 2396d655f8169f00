import type { EventLog } from '../../src/memory/event-log.js';
import { applySearchEvents } from '../../src/memory/search/search-projection.js';
import type { SqliteDatabase } from '../../src/memory/sqlite.js';
import { writeBenchLog } from './write-log.js';

const BATCH = 500;

/**
 * The agent's path: appends `messages` new messages (and their conversations) — an older export,
 * dated before the corpus, so that a kept store's "last 30 days" stays the same — then times
 * applySearchEvents over them in delivery-sized batches, each its own transaction.
 */
export function measureIncremental(
  db: SqliteDatabase,
  log: EventLog,
  messages: number,
  seed: number,
): { messages: number; seconds: number; batch: number } {
  const before = log.lastSeq();
  const first = db
    .prepare("SELECT min(occurred_at) FROM events WHERE type = 'message.posted'")
    .pluck()
    .get() as string | null;
  const days = 30;
  const startMs =
    (first === null ? Date.parse('2024-01-01T00:00:00Z') : Date.parse(first)) - (days + 1) * 86_400_000;
  writeBenchLog(log, { messages, seed, startMs, days });
  const events = log.read({ afterSeq: before });
  const started = performance.now();
  for (let at = 0; at < events.length; at += BATCH) applySearchEvents(db, events.slice(at, at + BATCH));
  return { messages, seconds: (performance.now() - started) / 1000, batch: BATCH };
}
