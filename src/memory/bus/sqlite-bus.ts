import { OutroError } from '../../domain/errors.js';
import type { EventEnvelope } from '../../domain/events.js';
import type { EventLog } from '../event-log.js';
import type { SqliteDatabase } from '../sqlite.js';
import { readAfter } from './read-after.js';
import {
  errorMessage,
  retryDelay,
  type Bus,
  type BusBatch,
  type BusOptions,
  type DeadLetter,
  type FetchResult,
  type NackOutcome,
  type Subscription,
} from './bus.js';

interface CursorRow {
  position: number;
  generation: number;
  isolate_through: number;
}

interface DeadLetterRow {
  id: number;
  consumer: string;
  event_seq: number;
  event_id: string;
  event_type: string;
  attempts: number;
  error: string;
  status: 'dead' | 'retrying';
  dead_at: string;
}

/**
 * The bus over the SQLite event log. Besides the async Bus interface it offers `ackWithin`, a
 * synchronous ack for use inside a caller's transaction, so a handler's writes, its workflow
 * checkpoint and the cursor advance commit together (src/runtime/agents).
 */
export class SqliteBus implements Bus {
  private readonly clock: () => number;
  private readonly random: () => number;
  private readonly maxAttempts: number;

  constructor(
    readonly db: SqliteDatabase,
    readonly log: EventLog,
    private readonly options: BusOptions = {},
  ) {
    this.clock = options.clock ?? Date.now;
    this.random = options.random ?? Math.random;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  }

  async publish(events: readonly EventEnvelope[]): Promise<number> {
    return this.log.appendAll(events);
  }

  subscribe(consumer: string, types: readonly string[]): Subscription {
    this.cursor(consumer);
    const typesJson = JSON.stringify(types);
    this.db
      .prepare('UPDATE bus_cursors SET types = ? WHERE consumer = ? AND types <> ?')
      .run(typesJson, consumer, typesJson);
    return {
      consumer,
      types,
      fetch: async (max) => this.fetchSync(consumer, types, max),
      ack: async (batch) => this.db.transaction(() => this.ackWithin(batch)).immediate(),
      nack: async (batch, error) => this.nackSync(batch, error),
      pending: async () => this.pendingSync(consumer, types),
    };
  }

  cursor(consumer: string): CursorRow {
    const read = (): CursorRow | undefined =>
      this.db
        .prepare('SELECT position, generation, isolate_through FROM bus_cursors WHERE consumer = ?')
        .get(consumer) as CursorRow | undefined;
    const found = read();
    if (found) return found;
    this.db
      .prepare('INSERT OR IGNORE INTO bus_cursors (consumer, position, updated_at) VALUES (?, 0, ?)')
      .run(consumer, this.stamp());
    return read() as CursorRow;
  }

  fetchSync(consumer: string, types: readonly string[], max: number): FetchResult {
    const cursor = this.cursor(consumer);
    const queued = this.db
      .prepare(
        "SELECT * FROM bus_dead_letters WHERE consumer = ? AND status = 'retrying' ORDER BY id LIMIT 1",
      )
      .get(consumer) as DeadLetterRow | undefined;
    if (queued) {
      const event = readAfter(this.db, queued.event_seq - 1, [], 1)[0];
      const state = this.attemptsOf(consumer, -queued.id);
      if (state && state.not_before > this.clock()) return { kind: 'wait', notBefore: state.not_before };
      const batch: BusBatch = {
        consumer,
        events: [event],
        after: cursor.position,
        through: cursor.position,
        generation: cursor.generation,
        attempt: (state?.attempts ?? 0) + 1,
        deadLetterId: queued.id,
      };
      return { kind: 'batch', batch };
    }
    const isolated = cursor.position < cursor.isolate_through;
    const events = readAfter(this.db, cursor.position, types, isolated ? 1 : Math.max(1, max));
    if (events.length === 0) return { kind: 'idle' };
    const state = this.attemptsOf(consumer, events[0].seq);
    if (state) {
      if (state.not_before > this.clock()) return { kind: 'wait', notBefore: state.not_before };
      events.length = 1;
    }
    const through = events[events.length - 1].seq;
    return {
      kind: 'batch',
      batch: {
        consumer,
        events,
        after: cursor.position,
        through,
        generation: cursor.generation,
        attempt: (state?.attempts ?? 0) + 1,
      },
    };
  }

  /** Acks inside the caller's transaction (call it from within `db.transaction`). */
  ackWithin(batch: BusBatch): void {
    if (batch.deadLetterId !== undefined) {
      this.db
        .prepare("UPDATE bus_dead_letters SET status = 'resolved', updated_at = ? WHERE id = ?")
        .run(this.stamp(), batch.deadLetterId);
      this.db
        .prepare('DELETE FROM bus_attempts WHERE consumer = ? AND event_seq = ?')
        .run(batch.consumer, -batch.deadLetterId);
      return;
    }
    this.advance(batch);
    this.db
      .prepare('DELETE FROM bus_attempts WHERE consumer = ? AND event_seq > ? AND event_seq <= ?')
      .run(batch.consumer, batch.after, batch.through);
  }

  nackSync(batch: BusBatch, error: unknown): NackOutcome {
    return this.db
      .transaction((): NackOutcome => {
        if (batch.events.length > 1) {
          this.db
            .prepare(
              'UPDATE bus_cursors SET isolate_through = max(isolate_through, ?), updated_at = ? WHERE consumer = ?',
            )
            .run(batch.through, this.stamp(), batch.consumer);
          return { outcome: 'isolate' };
        }
        const key = batch.deadLetterId === undefined ? batch.events[0].seq : -batch.deadLetterId;
        const attempts = (this.attemptsOf(batch.consumer, key)?.attempts ?? 0) + 1;
        const message = errorMessage(error);
        if (attempts < this.maxAttempts) {
          const notBefore = this.clock() + retryDelay(attempts, this.options, this.random);
          this.db
            .prepare(
              'INSERT OR REPLACE INTO bus_attempts (consumer, event_seq, attempts, not_before, last_error) VALUES (?, ?, ?, ?, ?)',
            )
            .run(batch.consumer, key, attempts, notBefore, message);
          return { outcome: 'retry', notBefore, attempts };
        }
        this.db
          .prepare('DELETE FROM bus_attempts WHERE consumer = ? AND event_seq = ?')
          .run(batch.consumer, key);
        if (batch.deadLetterId !== undefined) {
          this.db
            .prepare(
              "UPDATE bus_dead_letters SET status = 'dead', attempts = attempts + ?, error = ?, updated_at = ? WHERE id = ?",
            )
            .run(attempts, message, this.stamp(), batch.deadLetterId);
          return { outcome: 'dead', deadLetterId: batch.deadLetterId, attempts };
        }
        const event = batch.events[0];
        this.advance(batch);
        const inserted = this.db
          .prepare(
            "INSERT INTO bus_dead_letters (consumer, event_seq, event_id, event_type, attempts, error, status, dead_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'dead', ?, ?)",
          )
          .run(
            batch.consumer,
            event.seq,
            event.id,
            event.type,
            attempts,
            message,
            this.stamp(),
            this.stamp(),
          );
        return { outcome: 'dead', deadLetterId: Number(inserted.lastInsertRowid), attempts };
      })
      .immediate();
  }

  pendingSync(consumer: string, types: readonly string[]): number {
    const cursor = this.cursor(consumer);
    const typeFilter = types.length > 0 ? ` AND +type IN (${types.map(() => '?').join(', ')})` : '';
    const events = (
      this.db
        .prepare(`SELECT count(*) AS n FROM events WHERE seq > ?${typeFilter}`)
        .get(cursor.position, ...types) as { n: number }
    ).n;
    const queued = (
      this.db
        .prepare("SELECT count(*) AS n FROM bus_dead_letters WHERE consumer = ? AND status = 'retrying'")
        .get(consumer) as { n: number }
    ).n;
    return events + queued;
  }

  async deadLetters(consumer?: string): Promise<DeadLetter[]> {
    return this.deadLettersSync(consumer);
  }

  deadLettersSync(consumer?: string): DeadLetter[] {
    const rows = (
      consumer === undefined
        ? this.db
            .prepare("SELECT * FROM bus_dead_letters WHERE status IN ('dead', 'retrying') ORDER BY id")
            .all()
        : this.db
            .prepare(
              "SELECT * FROM bus_dead_letters WHERE consumer = ? AND status IN ('dead', 'retrying') ORDER BY id",
            )
            .all(consumer)
    ) as DeadLetterRow[];
    return rows.map((row) => ({
      id: row.id,
      consumer: row.consumer,
      eventSeq: row.event_seq,
      eventId: row.event_id,
      eventType: row.event_type,
      attempts: row.attempts,
      error: row.error,
      status: row.status,
      deadAt: row.dead_at,
    }));
  }

  async retry(target: number | 'all'): Promise<number> {
    return this.db
      .transaction(() => {
        const rows = (
          target === 'all'
            ? this.db.prepare("SELECT id, consumer FROM bus_dead_letters WHERE status = 'dead'").all()
            : this.db
                .prepare("SELECT id, consumer FROM bus_dead_letters WHERE id = ? AND status = 'dead'")
                .all(target)
        ) as { id: number; consumer: string }[];
        if (target !== 'all' && rows.length === 0) {
          throw new OutroError(
            'NOT_FOUND',
            `No dead letter ${target} waiting for a retry. \`outro status\` lists the dead letters.`,
          );
        }
        for (const row of rows) {
          this.db
            .prepare("UPDATE bus_dead_letters SET status = 'retrying', updated_at = ? WHERE id = ?")
            .run(this.stamp(), row.id);
          this.db
            .prepare('DELETE FROM bus_attempts WHERE consumer = ? AND event_seq = ?')
            .run(row.consumer, -row.id);
        }
        return rows.length;
      })
      .immediate();
  }

  async replay(consumer: string, fromSeq: number): Promise<void> {
    this.cursor(consumer);
    this.db
      .transaction(() => {
        this.db
          .prepare(
            'UPDATE bus_cursors SET position = ?, generation = generation + 1, isolate_through = 0, updated_at = ? WHERE consumer = ?',
          )
          .run(Math.max(0, fromSeq), this.stamp(), consumer);
        this.db.prepare('DELETE FROM bus_attempts WHERE consumer = ? AND event_seq > 0').run(consumer);
      })
      .immediate();
  }

  private advance(batch: BusBatch): void {
    const moved = this.db
      .prepare(
        'UPDATE bus_cursors SET position = ?, updated_at = ? WHERE consumer = ? AND position = ? AND generation = ?',
      )
      .run(batch.through, this.stamp(), batch.consumer, batch.after, batch.generation);
    if (moved.changes !== 1) {
      throw new OutroError(
        'STORE_LOCKED',
        `The cursor of ${batch.consumer} moved while a batch was handled (another process delivered it); this batch's work is discarded.`,
      );
    }
  }

  private attemptsOf(consumer: string, key: number): { attempts: number; not_before: number } | undefined {
    return this.db
      .prepare('SELECT attempts, not_before FROM bus_attempts WHERE consumer = ? AND event_seq = ?')
      .get(consumer, key) as { attempts: number; not_before: number } | undefined;
  }

  private stamp(): string {
    return new Date(this.clock()).toISOString();
  }
}
