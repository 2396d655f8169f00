import type { Provenance } from '../domain/annotations.js';

export interface CachedOutput {
  output: unknown;
  provenance: Provenance;
}

export interface StageCache {
  get(key: string): CachedOutput | undefined;
  put(key: string, entry: CachedOutput & { stage: string; version: string; strategy: string }): void;
}

/** Stage outputs in memory, for tests (the SQLite one is memory/stage-cache-store.ts). */
export class MemoryStageCache implements StageCache {
  readonly entries = new Map<string, CachedOutput>();
  get(key: string): CachedOutput | undefined {
    return this.entries.get(key);
  }
  put(key: string, entry: CachedOutput): void {
    this.entries.set(key, { output: entry.output, provenance: entry.provenance });
  }
}
