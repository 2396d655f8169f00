import { createRequire } from 'node:module';
import type * as Chrono from 'chrono-node';

let loaded: typeof Chrono | undefined;

/**
 * chrono-node, loaded on first use: it takes ~300 ms to load in a fresh process, and most
 * questions (and most sentences of a retrieval answer) never need it.
 */
export function chrono(): typeof Chrono {
  if (!loaded) {
    const module: typeof Chrono = createRequire(import.meta.url)('chrono-node');
    loaded = module;
  }
  return loaded;
}
