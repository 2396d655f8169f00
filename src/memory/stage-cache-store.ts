import type { Statement } from 'better-sqlite3';
import type { Provenance } from '../domain/annotations.js';
import type { SqliteDatabase } from './sqlite.js';

/** What a stage cached for one key: its validated output and where it came from. */
export interface CachedStageOutput {
  output: unknown;
  provenance: Provenance;
}

type StageEntry = CachedStageOutput & { stage: string; version: string; strategy: string };
/** An entry as its row holds it (read back as a written one is: parsed from JSON). */
type PendingEntry = { stage: string; version: string; strategy: string; output: string; provenance: string };

/**
 * Stage outputs in SQLite (table stage_cache, migration 002). Written at once, or with
 * `{ deferWrites: true }` held until `flush()` writes them in one transaction (an agent batch:
 * one commit instead of one per conversation); `get` sees the held ones.
 */
export class SqliteStageCache {
  private readonly pending = new Map<string, PendingEntry>();
  private readonly db: SqliteDatabase;
  private readonly deferWrites: boolean;
  private readonly select: Statement;
  private readonly hit: Statement;
  private readonly insert: Statement;

  constructor(
    db: SqliteDatabase,
    private readonly now: () => Date = () => new Date(),
    options: { deferWrites?: boolean } = {},
  ) {
    this.db = db;
    this.deferWrites = options.deferWrites ?? false;
    this.select = db.prepare('SELECT output, provenance FROM stage_cache WHERE key = ?');
    this.hit = db.prepare('UPDATE stage_cache SET hits = hits + 1 WHERE key = ?');
    this.insert = db.prepare(
      'INSERT OR REPLACE INTO stage_cache (key, stage, version, strategy, output, provenance, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
  }

  get(key: string): CachedStageOutput | undefined {
    const held = this.pending.get(key);
    if (held)
      return {
        output: JSON.parse(held.output) as unknown,
        provenance: JSON.parse(held.provenance) as Provenance,
      };
    const row = this.select.get(key) as { output: string; provenance: string } | undefined;
    if (!row) return undefined;
    this.hit.run(key);
    return {
      output: JSON.parse(row.output) as unknown,
      provenance: JSON.parse(row.provenance) as Provenance,
    };
  }

  put(key: string, entry: StageEntry): void {
    const row: PendingEntry = {
      stage: entry.stage,
      version: entry.version,
      strategy: entry.strategy,
      output: JSON.stringify(entry.output),
      provenance: JSON.stringify(entry.provenance),
    };
    if (this.deferWrites) this.pending.set(key, row);
    else this.write(key, row);
  }

  /** Writes the held entries in one transaction (nested in the caller's, if any). */
  flush(): void {
    if (this.pending.size === 0) return;
    const entries = [...this.pending];
    this.pending.clear();
    this.db.transaction(() => {
      for (const [key, entry] of entries) this.write(key, entry);
    })();
  }

  private write(key: string, entry: PendingEntry): void {
    this.insert.run(
      key,
      entry.stage,
      entry.version,
      entry.strategy,
      entry.output,
      entry.provenance,
      this.now().toISOString(),
    );
  }
}
