import type { Statement } from 'better-sqlite3';
import {
  EVENT,
  parseEvent,
  parsePayload,
  type EventEnvelope,
  type EventPayload,
  type EventType,
  type StoredEvent,
  type TypedEvent,
} from '../domain/events.js';
import { mayIntroduce } from './introduction-cues.js';
import type { SqliteDatabase } from './sqlite.js';

/** A row of the events table, as SQLite returns it. */
export interface EventRow {
  seq: number;
  id: string;
  type: string;
  stream: string;
  occurred_at: string;
  recorded_at: string;
  causation_id: string | null;
  schema_version: number;
  payload: string;
}

export interface ReadOptions {
  /** Only events with seq greater than this. */
  afterSeq?: number;
  types?: readonly string[];
  stream?: string;
  limit?: number;
}

/**
 * The append-only event log. Appends are idempotent by event id: an event whose id is stored is
 * ignored. Nothing is updated or deleted in place.
 *
 * Typed reads (`readTyped`, `iterateTyped`) validate each payload against the event catalogue
 * (domain/events.ts) and skip events whose payload does not validate, as the graph projection
 * does. Validation is cheap enough to do on read (~1 µs per event with zod 4, less than the
 * JSON.parse before it), so appends do not validate: the log keeps what it was given.
 */
/** Ids per `storedIds` query (well under SQLite's limit on bound parameters). */
const STORED_IDS_CHUNK = 500;

export class EventLog {
  private readonly insert: Statement;
  /** Absent where the store has no introduction_candidates table (one opened with fewer migrations). */
  private readonly keepIntroduction: Statement | undefined;
  private readonly byId: Statement;
  /** Answered from the id index alone (no payload read). */
  private readonly idExists: Statement;
  private readonly maxSeq: Statement;

  constructor(
    readonly db: SqliteDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO events (id, type, stream, occurred_at, recorded_at, causation_id, schema_version, payload)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.keepIntroduction = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'introduction_candidates'")
      .get()
      ? db.prepare(
          'INSERT OR IGNORE INTO introduction_candidates (posted_seq, author, text) VALUES (?, ?, ?)',
        )
      : undefined;
    this.byId = db.prepare('SELECT * FROM events WHERE id = ?');
    this.idExists = db.prepare('SELECT 1 FROM events WHERE id = ?').pluck();
    this.maxSeq = db.prepare('SELECT coalesce(max(seq), 0) AS seq FROM events');
  }

  /** Appends one event; returns its seq, or undefined when an event with that id was already stored. */
  append(event: EventEnvelope, recordedAt: string = this.now().toISOString()): number | undefined {
    return this.appendSerialized(event, JSON.stringify(event.payload), recordedAt, introductionOf(event));
  }

  /**
   * As `append`, for an event whose payload is already JSON (see memory/prepared-event.ts). `introduction`:
   * the author and text of a chat message that may open with a self-introduction (introduction-cues.ts),
   * kept aside with the event so that linking people reads those rows, not every message.
   */
  appendSerialized(
    event: Omit<EventEnvelope, 'payload'>,
    payloadJson: string,
    recordedAt: string = this.now().toISOString(),
    introduction?: { author: string; text: string },
  ): number | undefined {
    const result = this.insert.run(
      event.id,
      event.type,
      event.stream,
      event.occurredAt,
      recordedAt,
      event.causationId,
      event.schemaVersion,
      payloadJson,
    );
    if (result.changes !== 1) return undefined;
    const seq = Number(result.lastInsertRowid);
    if (introduction) this.keepIntroduction?.run(seq, introduction.author, introduction.text);
    return seq;
  }

  /** Appends all events in one transaction (a savepoint when already inside one); returns how many were new. */
  appendAll(events: readonly EventEnvelope[]): number {
    const recordedAt = this.now().toISOString();
    let appended = 0;
    this.db.transaction(() => {
      for (const event of events) if (this.append(event, recordedAt) !== undefined) appended++;
    })();
    return appended;
  }

  /** The streams with an event of one of `types` whose seq is in (afterSeq, throughSeq]; payloads are not read. */
  streamsWith(types: readonly string[], afterSeq: number, throughSeq: number): Set<string> {
    if (types.length === 0 || throughSeq <= afterSeq) return new Set();
    const rows = this.db
      .prepare(
        `SELECT DISTINCT stream FROM events WHERE seq > ? AND seq <= ? AND type IN (${types.map(() => '?').join(', ')})`,
      )
      .pluck()
      .all(afterSeq, throughSeq, ...types) as string[];
    return new Set(rows);
  }

  has(id: string): boolean {
    return this.idExists.get(id) !== undefined;
  }

  /** Which of `ids` are stored: one query per 500 ids instead of one per id (an agent's batch of new events). */
  storedIds(ids: readonly string[]): Set<string> {
    const stored = new Set<string>();
    for (let from = 0; from < ids.length; from += STORED_IDS_CHUNK) {
      const chunk = ids.slice(from, from + STORED_IDS_CHUNK);
      const rows = this.db
        .prepare(`SELECT id FROM events WHERE id IN (${chunk.map(() => '?').join(', ')})`)
        .pluck()
        .all(...chunk) as string[];
      for (const id of rows) stored.add(id);
    }
    return stored;
  }

  get(id: string): StoredEvent | undefined {
    const row = this.byId.get(id) as EventRow | undefined;
    return row ? toStored(row) : undefined;
  }

  lastSeq(): number {
    return (this.maxSeq.get() as { seq: number }).seq;
  }

  read(options: ReadOptions = {}): StoredEvent[] {
    const where: string[] = ['seq > ?'];
    const params: unknown[] = [options.afterSeq ?? 0];
    if (options.types && options.types.length > 0) {
      where.push(`type IN (${options.types.map(() => '?').join(', ')})`);
      params.push(...options.types);
    }
    if (options.stream !== undefined) {
      where.push('stream = ?');
      params.push(options.stream);
    }
    const limit = options.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(options.limit))}`;
    const rows = this.db
      .prepare(`SELECT * FROM events WHERE ${where.join(' AND ')} ORDER BY seq${limit}`)
      .all(...params) as EventRow[];
    return rows.map(toStored);
  }

  /** As `read`, for catalogued types: each event typed by its payload; events whose payload does not validate are left out. */
  readTyped<K extends EventType>(
    types: readonly K[],
    options: Omit<ReadOptions, 'types'> = {},
  ): TypedEvent<K>[] {
    const out: TypedEvent<K>[] = [];
    for (const event of this.read({ ...options, types })) {
      const typed = parseEvent(event, types);
      if (typed) out.push(typed);
    }
    return out;
  }

  /** As `iterate`, for catalogued types: each event typed by its payload; events whose payload does not validate are left out. */
  *iterateTyped<K extends EventType>(
    types: readonly K[],
    options: Omit<ReadOptions, 'types' | 'limit'> & { pageSize?: number } = {},
  ): Generator<TypedEvent<K>> {
    for (const event of this.iterate({ ...options, types })) {
      const typed = parseEvent(event, types);
      if (typed) yield typed;
    }
  }

  /** Streams events in seq order without holding them all in memory. */
  *iterate(options: Omit<ReadOptions, 'limit'> & { pageSize?: number } = {}): Generator<StoredEvent> {
    let after = options.afterSeq ?? 0;
    const pageSize = options.pageSize ?? 2_000;
    for (;;) {
      const page = this.read({ ...options, afterSeq: after, limit: pageSize });
      for (const event of page) yield event;
      if (page.length < pageSize) return;
      after = page[page.length - 1].seq;
    }
  }

  count(type?: string): number {
    const row = (
      type === undefined
        ? this.db.prepare('SELECT count(*) AS n FROM events').get()
        : this.db.prepare('SELECT count(*) AS n FROM events WHERE type = ?').get(type)
    ) as { n: number };
    return row.n;
  }
}

export function toStored(row: EventRow): StoredEvent {
  return {
    seq: row.seq,
    id: row.id,
    type: row.type,
    stream: row.stream,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    causationId: row.causation_id,
    schemaVersion: row.schema_version,
    payload: parseJson(row.payload),
  };
}

function parseJson(text: string): unknown {
  return JSON.parse(text);
}

/** A stored payload (JSON) of a catalogued type, validated; undefined when it does not validate. */
export function decodePayload<K extends EventType>(type: K, json: string): EventPayload<K> | undefined;
export function decodePayload(type: string, json: string): EventPayload<EventType> | undefined;
export function decodePayload(type: string, json: string): unknown {
  return parsePayload(type, parseJson(json));
}

/** A message.posted chat message that may introduce its author (what `appendSerialized` keeps aside). */
export function introductionOf(
  event: Pick<EventEnvelope, 'type' | 'payload'>,
): { author: string; text: string } | undefined {
  const message: unknown = event.payload;
  if (event.type !== EVENT.messagePosted || typeof message !== 'object' || message === null) return undefined;
  const { author, text, kind } = message as Record<string, unknown>;
  return kind === 'message' && typeof author === 'string' && typeof text === 'string' && mayIntroduce(text)
    ? { author, text }
    : undefined;
}
