import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.js';

/**
 * The validated config of the last run, so that a command reads its config without loading YAML
 * and building the config's schema (~0.1 CPU s of a cold `outro ask`). An entry is used only for
 * the same config text, path and schema: the key hashes the file's bytes (a missing file is a
 * text of its own), its path (relative paths in it are read from its folder) and the stamp of the
 * module that defines the schema, so an edited file or another outro parses and validates again.
 * Nothing here validates: only a config that validated is ever written.
 */

/** The config text as read now; null when there is no file. */
export function readConfigText(file: string): string | null {
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

/** Where the entry lives: the data folder, beside the store (created by the first ingest, not here). */
function cacheFile(dataDir: string): string {
  return join(dataDir, 'config-cache.json');
}

/** Size and time of the module that defines the schema (compiled or, under tsx, the source); undefined: no caching. */
function schemaStamp(): string | undefined {
  for (const name of ['config.js', 'config.ts']) {
    try {
      const stat = statSync(fileURLToPath(new URL(`./${name}`, import.meta.url)));
      return `${name}:${stat.size}:${stat.mtimeMs}`;
    } catch {
      // Not this one.
    }
  }
  return undefined;
}

function keyOf(file: string, text: string | null): string | undefined {
  const stamp = schemaStamp();
  if (stamp === undefined) return undefined;
  return createHash('sha256')
    .update(`${stamp}\u0000${file}\u0000${text === null ? 'missing' : `file\u0000${text}`}`)
    .digest('hex');
}

/** The cached config for this text of `file`, if the last validated one was made from it. */
export function cachedConfig(dataDir: string, file: string, text: string | null): Config | undefined {
  const key = keyOf(file, text);
  if (key === undefined) return undefined;
  try {
    const entry = JSON.parse(readFileSync(cacheFile(dataDir), 'utf8')) as { key?: unknown; config?: Config };
    return entry.key === key ? entry.config : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a config that validated, made from this text of `file`; quietly does nothing when the data folder is not there yet. */
export function rememberConfig(dataDir: string, file: string, text: string | null, config: Config): void {
  const key = keyOf(file, text);
  if (key === undefined || !existsSync(dataDir)) return;
  const target = cacheFile(dataDir);
  const partial = `${target}.${process.pid}`;
  try {
    // Renamed into place: a reader never sees half an entry.
    writeFileSync(partial, JSON.stringify({ key, config }), { mode: 0o600 });
    renameSync(partial, target);
  } catch {
    // A read-only data folder: the next run parses the file again.
  }
}
