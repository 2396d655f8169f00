import type { Statement } from 'better-sqlite3';
import type { Provenance } from '../domain/annotations.js';
import type { SqliteDatabase } from '../memory/sqlite.js';

export interface CachedOutput {
  output: unknown;
  provenance: Provenance;
}

export interface StageCache {
  get(key: string): CachedOutput | undefined;
  put(key: string, entry: CachedOutput & { stage: string; version: string; strategy: string }): void;
}

/** Stage outputs in SQLite (table stage_cache, migration 002). */
export class SqliteStageCache implements StageCache {
  private readonly select: Statement;
  private readonly hit: Statement;
  private readonly insert: Statement;

  constructor(db: SqliteDatabase, private readonly now: () => Date = () => new Date()) {
    this.select = db.prepare('SELECT output, provenance FROM stage_cache WHERE key = ?');
    this.hit = db.prepare('UPDATE stage_cache SET hits = hits + 1 WHERE key = ?');
    this.insert = db.prepare(
      'INSERT OR REPLACE INTO stage_cache (key, stage, version, strategy, output, provenance, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
  }

  get(key: string): CachedOutput | undefined {
    const row = this.select.get(key) as { output: string; provenance: string } | undefined;
    if (!row) return undefined;
    this.hit.run(key);
    return { output: JSON.parse(row.output) as unknown, provenance: JSON.parse(row.provenance) as Provenance };
  }

  put(key: string, entry: CachedOutput & { stage: string; version: string; strategy: string }): void {
    this.insert.run(key, entry.stage, entry.version, entry.strategy, JSON.stringify(entry.output), JSON.stringify(entry.provenance), this.now().toISOString());
  }
}

export class MemoryStageCache implements StageCache {
  readonly entries = new Map<string, CachedOutput>();
  get(key: string): CachedOutput | undefined {
    return this.entries.get(key);
  }
  put(key: string, entry: CachedOutput): void {
    this.entries.set(key, { output: entry.output, provenance: entry.provenance });
  }
}
