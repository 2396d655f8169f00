import type { Config } from './config.js';

/**
 * The config's `me` as a list. Apart from config.ts, which loads YAML and builds the schema: a
 * command whose config came from the cache (config-cache.ts) reads it without them.
 */
export function meList(config: Config): string[] {
  if (config.me === undefined) return [];
  return Array.isArray(config.me) ? config.me : [config.me];
}
