import type { Statement } from 'better-sqlite3';
import type { IngestProblemRecord } from '../domain/ingest.js';
import { EVENT, type EventEnvelope, makeEvent } from '../domain/events.js';
import { stableId } from '../domain/ids.js';
import type { MessageEdited } from '../domain/message.js';
import { decodePayload, type EventLog } from './event-log.js';
import { prepareEvent, type PreparedEvent } from './prepared-event.js';
import { deferCheckpoints, type SqliteDatabase } from './sqlite.js';

export interface BatchResult {
  appended: number;
  /** Messages seen before whose text changed: appended as message.edited. */
  edited: number;
}

export interface IngestRunRow {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  paths: string[];
  files: number;
  appended: number;
  skipped: number;
  status: string;
  /** The process that runs it (`host:pid:nonce`), null for runs recorded before outro kept it. */
  owner: string | null;
}

/**
 * Writes connector output to the event log. One file's events commit in one transaction, so a
 * crash never leaves half a file. A message seen again with different text becomes a
 * message.edited event; seen again unchanged, it appends nothing.
 */
export class IngestStore {
  private readonly headGet: Statement;
  private readonly headInsert: Statement;
  private readonly headUpdate: Statement;
  private readonly headDelete: Statement;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly log: EventLog,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.headGet = db.prepare(
      'SELECT e.seq AS seq, h.text_hash AS text_hash FROM events e LEFT JOIN message_heads h ON h.posted_seq = e.seq WHERE e.id = ?',
    );
    this.headInsert = db.prepare('INSERT OR IGNORE INTO message_heads (posted_seq, text_hash) VALUES (?, ?)');
    this.headUpdate = db.prepare('UPDATE message_heads SET text_hash = ? WHERE posted_seq = ?');
    this.headDelete = db.prepare(
      'UPDATE message_heads SET deleted = 1 WHERE posted_seq = (SELECT seq FROM events WHERE id = ?)',
    );
  }

  writeBatch(events: readonly EventEnvelope[]): BatchResult {
    return this.writeBatches([events])[0];
  }

  /**
   * Writes several files' events in ONE transaction (all or nothing), returning one result per
   * file. Grouping small files makes bulk ingest several times faster: each SQLite commit rewrites
   * the index pages it touched.
   */
  writeBatches(batches: ReadonlyArray<readonly EventEnvelope[]>): BatchResult[] {
    return this.writePreparedBatches(batches.map((events) => events.map(prepareEvent)));
  }

  /** As `writeBatches`, for events prepared elsewhere (an ingest worker thread). */
  writePreparedBatches(batches: ReadonlyArray<readonly PreparedEvent[]>): BatchResult[] {
    const recordedAt = this.now().toISOString();
    return this.db.transaction(() =>
      batches.map((events) => {
        const result: BatchResult = { appended: 0, edited: 0 };
        for (const event of events) {
          if (event.textHash !== undefined) this.writePosted(event, event.textHash, recordedAt, result);
          else if (this.log.appendSerialized(event, event.payload, recordedAt) !== undefined) {
            result.appended++;
            if (event.deletesPostedId !== undefined) this.headDelete.run(event.deletesPostedId);
          }
        }
        return result;
      }),
    )();
  }

  private writePosted(event: PreparedEvent, textHash: string, recordedAt: string, result: BatchResult): void {
    const seq = this.log.appendSerialized(event, event.payload, recordedAt, event.introduction);
    if (seq !== undefined) {
      this.headInsert.run(seq, textHash);
      result.appended++;
      return;
    }
    const head = this.headGet.get(event.id) as { seq: number; text_hash: string | null };
    if (head.text_hash === null) {
      this.headInsert.run(head.seq, textHash);
      return;
    }
    if (head.text_hash === textHash) return;
    // textHash is set only for a message.posted whose payload validated (prepareEvent).
    const posted = decodePayload(EVENT.messagePosted, event.payload);
    if (!posted) return;
    const { source, workspace, channel, id, text, mentions, editedAt } = posted;
    const edit = makeEvent<MessageEdited>({
      id: stableId(EVENT.messageEdited, event.id, textHash),
      type: EVENT.messageEdited,
      stream: event.stream,
      occurredAt: editedAt ?? recordedAt,
      causationId: event.id,
      payload: { source, workspace, channel, id, text, mentions, editedAt },
    });
    if (this.log.append(edit, recordedAt) !== undefined) {
      result.appended++;
      result.edited++;
    }
    this.headUpdate.run(textHash, head.seq);
  }

  /**
   * A bulk ingest appends hundreds of MB; SQLite's default checkpoint every 1,000 pages spends most
   * of that time in fsync. Checkpoints rarely until the returned function is called, then once.
   */
  deferCheckpoints(): () => void {
    return deferCheckpoints(this.db);
  }

  startRun(paths: readonly string[], owner: string | null = null): number {
    const info = this.db
      .prepare("INSERT INTO ingest_runs (started_at, paths, status, owner) VALUES (?, ?, 'running', ?)")
      .run(this.now().toISOString(), JSON.stringify(paths), owner);
    return Number(info.lastInsertRowid);
  }

  recordProblem(runId: number, problem: IngestProblemRecord): void {
    this.db
      .prepare(
        'INSERT INTO ingest_problems (run_id, path, record_index, severity, reason) VALUES (?, ?, ?, ?, ?)',
      )
      .run(runId, problem.path, problem.recordIndex ?? null, problem.severity, problem.reason);
  }

  finishRun(
    runId: number,
    counts: { files: number; appended: number; skipped: number; status: string },
  ): void {
    this.db
      .prepare(
        'UPDATE ingest_runs SET finished_at = ?, files = ?, appended = ?, skipped = ?, status = ? WHERE id = ?',
      )
      .run(this.now().toISOString(), counts.files, counts.appended, counts.skipped, counts.status, runId);
  }

  lastRun(): IngestRunRow | undefined {
    const row = this.db.prepare('SELECT * FROM ingest_runs ORDER BY id DESC LIMIT 1').get() as
      Record<string, unknown> | undefined;
    return row ? toRun(row) : undefined;
  }

  problems(runId: number): IngestProblemRecord[] {
    const rows = this.db
      .prepare(
        'SELECT path, record_index, severity, reason FROM ingest_problems WHERE run_id = ? ORDER BY id',
      )
      .all(runId) as Array<{
      path: string;
      record_index: number | null;
      severity: IngestProblemRecord['severity'];
      reason: string;
    }>;
    return rows.map((row) => ({
      path: row.path,
      severity: row.severity,
      reason: row.reason,
      ...(row.record_index === null ? {} : { recordIndex: row.record_index }),
    }));
  }
}

function toRun(row: Record<string, unknown>): IngestRunRow {
  return {
    id: row.id as number,
    startedAt: row.started_at as string,
    finishedAt: (row.finished_at as string | null) ?? null,
    paths: JSON.parse(row.paths as string) as string[],
    files: row.files as number,
    appended: row.appended as number,
    skipped: row.skipped as number,
    status: row.status as string,
    owner: (row.owner as string | null | undefined) ?? null,
  };
}
