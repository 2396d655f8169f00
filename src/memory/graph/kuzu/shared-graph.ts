import { resolve } from 'node:path';
import type { GraphStore } from '../graph-store.js';
import { startOpeningGraph } from './kuzu-database.js';
import type { KuzuGraphStore } from './kuzu-graph-store.js';

interface Entry {
  store: Promise<KuzuGraphStore>;
  refs: number;
}

const OPEN = new Map<string, Entry>();

/**
 * The Kùzu graph in `graphDir`, shared within this process. Kùzu allows one process per database
 * and one Database object per file, so the daemon's projector agent and the commands the daemon
 * runs for the CLI must share one open store. Each acquire returns a handle whose `close()`
 * releases it; the database closes when the last handle does.
 */
export async function acquireGraph(graphDir: string): Promise<GraphStore> {
  const key = resolve(graphDir);
  let entry = OPEN.get(key);
  if (!entry) {
    // Kùzu opens the database on its own threads while the store's code (and zod) loads here.
    const opening = startOpeningGraph(key);
    const store = import('./kuzu-graph-store.js').then(
      ({ KuzuGraphStore }) => KuzuGraphStore.over(key, opening),
      async (error: unknown) => {
        await opening.db.then(
          (db) => db.close(),
          () => undefined,
        );
        throw error;
      },
    );
    entry = { store, refs: 0 };
    OPEN.set(key, entry);
    entry.store.catch(() => OPEN.delete(key));
  }
  entry.refs++;
  let store: KuzuGraphStore;
  try {
    store = await entry.store;
  } catch (error) {
    entry.refs--;
    throw error;
  }
  let released = false;
  const current = entry;
  const release = async (): Promise<void> => {
    if (released) return;
    released = true;
    current.refs--;
    if (current.refs === 0 && OPEN.get(key) === current) {
      OPEN.delete(key);
      await store.close();
    }
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'close') return release;
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** How many handles are open on `graphDir` in this process (tests). */
export function graphHandles(graphDir: string): number {
  return OPEN.get(resolve(graphDir))?.refs ?? 0;
}
