import kuzu from 'kuzu';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { OutroError } from '../../../domain/errors.js';
import { SerialQueue } from './serial-queue.js';

type Connection = InstanceType<typeof kuzu.Connection>;
type Database = InstanceType<typeof kuzu.Database>;
type PreparedStatement = Awaited<ReturnType<Connection['prepare']>>;
export type KuzuParam = string | number | boolean | null | readonly string[];
export type KuzuRow = Record<string, unknown>;

/** The database file inside the graph dir. */
export function graphFile(graphDir: string): string {
  return join(graphDir, 'graph.kuzu');
}

/**
 * Kùzu's buffer pool, by default 80% of the machine's memory, is what grows the resident memory of
 * an ingest with the agents while the graph loads (issue 16: a 20,000-message Discord file peaked
 * at 691-703 MB, ~300 MB of it gained in the graph's last 12 s; with this cap 569-668 MB). Capped
 * at 256 MiB; Kùzu evicts pages past it. OUTRO_GRAPH_MEMORY_MB sets another size (0: Kùzu's default).
 */
export const DEFAULT_GRAPH_MEMORY_MB = 256;

/** The buffer pool size in bytes to open the graph with (0: Kùzu's default). */
export function graphBufferPoolBytes(
  env: Readonly<Record<string, string | undefined>> = process.env,
): number {
  const set = env.OUTRO_GRAPH_MEMORY_MB;
  const mb = set === undefined || set.trim() === '' ? DEFAULT_GRAPH_MEMORY_MB : Number(set);
  if (!Number.isFinite(mb) || mb < 0)
    throw new OutroError(
      'CONFIG_INVALID',
      `OUTRO_GRAPH_MEMORY_MB=${set} is not a size in MiB; set it to a whole number such as 512, or 0 for Kùzu's default (80% of memory).`,
    );
  return Math.floor(mb) * 1024 * 1024;
}

/** A graph database being opened by Kùzu (on its own threads), and whether the last process left it uncleanly. */
export interface OpeningGraph {
  db: Promise<KuzuDatabase>;
  /** A write-ahead log was left behind: the last process died without closing the graph. */
  unclean: boolean;
}

/**
 * Starts opening the graph in `graphDir` (creating it when needed). Kept apart from the graph
 * store's code so that a cold command can start Kùzu's open before it loads that code (and zod).
 */
export function startOpeningGraph(graphDir: string): OpeningGraph {
  const unclean = existsSync(`${graphFile(graphDir)}.wal`);
  const db = KuzuDatabase.open(graphDir);
  // Awaited later (KuzuGraphStore.over): a failed open must not count as unhandled meanwhile.
  db.catch(() => undefined);
  return { db, unclean };
}

/**
 * One open Kùzu database with a write connection and a read connection, each behind its own
 * queue: writes are serialized (one write transaction at a time), reads never overlap on their
 * connection. Every QueryResult is read fully and closed before the call returns, so none can
 * outlive the database (which would segfault the process).
 */
export class KuzuDatabase {
  private readonly writes = new SerialQueue();
  private readonly reads = new SerialQueue();
  private readonly statements = new Map<Connection, Map<string, PreparedStatement>>();
  private closed = false;

  private constructor(
    readonly file: string,
    private readonly db: Database,
    private readonly writer: Connection,
    private readonly reader: Connection,
  ) {}

  /** Opens (creating when needed) the graph in `graphDir`; `readOnly` opens an existing one for reading only. */
  static async open(graphDir: string, options: { readOnly?: boolean } = {}): Promise<KuzuDatabase> {
    const file = graphFile(graphDir);
    if (!options.readOnly) mkdirSync(graphDir, { recursive: true, mode: 0o700 });
    else if (!existsSync(file)) throw new OutroError('NOT_FOUND', `There is no graph at ${file} yet.`);
    const created = !existsSync(file);
    const pool = graphBufferPoolBytes();
    let db: Database | undefined;
    try {
      db = options.readOnly ? new kuzu.Database(file, pool, true, true) : new kuzu.Database(file, pool);
      await db.init();
      if (created && existsSync(file)) chmodSync(file, 0o600);
      const writer = new kuzu.Connection(db);
      await writer.init();
      const reader = new kuzu.Connection(db);
      await reader.init();
      return new KuzuDatabase(file, db, writer, reader);
    } catch (cause) {
      await db?.close().catch(() => undefined);
      const message = cause instanceof Error ? cause.message : String(cause);
      if (/lock/i.test(message)) {
        throw new OutroError(
          'STORE_LOCKED',
          `Another process has the graph ${file} open (Kùzu allows one process per database). Stop the outro daemon or the other outro command, then retry.`,
          { cause },
        );
      }
      throw new OutroError(
        'STORE_CORRUPT',
        `Cannot open the graph ${file} (${message}): it is damaged or from another version of outro. It is a projection of the log: move ${graphDir} away and run \`outro replay\` to rebuild it (\`outro restore\` does both with the latest backup).`,
        { cause },
      );
    }
  }

  /** A read on the read connection. */
  read(cypher: string, params: Record<string, KuzuParam> = {}): Promise<KuzuRow[]> {
    return this.reads.run(() => this.execute(this.reader, cypher, params));
  }

  /**
   * Runs `work` as one write transaction; `exec` runs prepared statements inside it (prepared once
   * per text and cached), `once` a statement without parameters that is not cached (a LOAD FROM,
   * whose file changes between runs). Rolled back when work throws.
   */
  transaction<T>(
    work: (
      exec: (cypher: string, params?: Record<string, KuzuParam>) => Promise<KuzuRow[]>,
      once: (cypher: string) => Promise<KuzuRow[]>,
    ) => Promise<T>,
  ): Promise<T> {
    return this.writes.run(async () => {
      this.check();
      await this.raw(this.writer, 'BEGIN TRANSACTION');
      try {
        const result = await work(
          (cypher, params = {}) => this.execute(this.writer, cypher, params),
          (cypher) => {
            this.check();
            return this.raw(this.writer, cypher);
          },
        );
        await this.raw(this.writer, 'COMMIT');
        return result;
      } catch (error) {
        await this.raw(this.writer, 'ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  /** One statement outside an explicit transaction (DDL, COPY, index builds), serialized with the writes. */
  command(cypher: string): Promise<KuzuRow[]> {
    return this.writes.run(async () => {
      this.check();
      return this.raw(this.writer, cypher);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.writes.drain();
    await this.reads.drain();
    this.closed = true;
    this.statements.clear();
    await this.reader.close();
    await this.writer.close();
    await this.db.close();
  }

  private async execute(
    connection: Connection,
    cypher: string,
    params: Record<string, KuzuParam>,
  ): Promise<KuzuRow[]> {
    this.check();
    let cache = this.statements.get(connection);
    if (!cache) this.statements.set(connection, (cache = new Map()));
    let statement = cache.get(cypher);
    if (!statement) {
      statement = await connection.prepare(cypher);
      if (!statement.isSuccess())
        throw new OutroError(
          'INTERNAL',
          `Graph query failed to prepare: ${statement.getErrorMessage()}\n${cypher}`,
        );
      cache.set(cypher, statement);
    }
    const result = await connection.execute(statement, params as Record<string, never>);
    return collect(result);
  }

  private async raw(connection: Connection, cypher: string): Promise<KuzuRow[]> {
    const result = await connection.query(cypher);
    return collect(result);
  }

  private check(): void {
    if (this.closed) throw new OutroError('INTERNAL', 'The graph database is closed.');
  }
}

type Result = Awaited<ReturnType<Connection['query']>>;

async function collect(result: Result): Promise<KuzuRow[]> {
  const results = Array.isArray(result) ? result : [result];
  const rows: KuzuRow[] = [];
  try {
    for (const one of results) rows.push(...((await one.getAll()) as KuzuRow[]));
  } finally {
    for (const one of results) one.close();
  }
  return rows;
}
