import type { Statement } from 'better-sqlite3';
import type { Provenance } from '../domain/annotations.js';
import type { SqliteDatabase } from './sqlite.js';

/** What a stage cached for one key: its validated output and where it came from. */
export interface CachedStageOutput {
  output: unknown;
  provenance: Provenance;
}

/** Stage outputs in SQLite (table stage_cache, migration 002). */
export class SqliteStageCache {
  private readonly select: Statement;
  private readonly hit: Statement;
  private readonly insert: Statement;

  constructor(
    db: SqliteDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.select = db.prepare('SELECT output, provenance FROM stage_cache WHERE key = ?');
    this.hit = db.prepare('UPDATE stage_cache SET hits = hits + 1 WHERE key = ?');
    this.insert = db.prepare(
      'INSERT OR REPLACE INTO stage_cache (key, stage, version, strategy, output, provenance, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
  }

  get(key: string): CachedStageOutput | undefined {
    const row = this.select.get(key) as { output: string; provenance: string } | undefined;
    if (!row) return undefined;
    this.hit.run(key);
    return {
      output: JSON.parse(row.output) as unknown,
      provenance: JSON.parse(row.provenance) as Provenance,
    };
  }

  put(key: string, entry: CachedStageOutput & { stage: string; version: string; strategy: string }): void {
    this.insert.run(
      key,
      entry.stage,
      entry.version,
      entry.strategy,
      JSON.stringify(entry.output),
      JSON.stringify(entry.provenance),
      this.now().toISOString(),
    );
  }
}
