import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { resolveConfigPath } from '../app/config.js';

/**
 * Config `watch:` entries as absolute folders: `~/` is the home folder, relative paths are
 * relative to the config file's folder. Entries that are not existing folders are returned in
 * `missing` (the daemon logs them and watches the rest).
 */
export function resolveWatchFolders(
  entries: readonly string[],
  configFile: string,
  home = process.env.HOME ?? homedir(),
): { folders: string[]; missing: string[] } {
  const folders: string[] = [];
  const missing: string[] = [];
  for (const entry of entries) {
    const absolute = resolveConfigPath(entry, configFile, home);
    if (existsSync(absolute) && statSync(absolute).isDirectory()) {
      if (!folders.includes(absolute)) folders.push(absolute);
    } else missing.push(absolute);
  }
  return { folders, missing };
}
