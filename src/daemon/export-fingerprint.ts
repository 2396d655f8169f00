import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A cheap fingerprint of an export file or folder: file count, total size and newest mtime. An
 * export replaced by a newer one changes it; one already ingested keeps it, so a restart does not
 * re-read every watched export.
 */
export function exportFingerprint(path: string): string | undefined {
  let files = 0;
  let bytes = 0;
  let newest = 0;
  const visit = (current: string, depth: number): void => {
    const stat = statSync(current);
    if (stat.isDirectory()) {
      if (depth > 8) return;
      for (const entry of readdirSync(current)) visit(join(current, entry), depth + 1);
      return;
    }
    files++;
    bytes += stat.size;
    newest = Math.max(newest, stat.mtimeMs);
  };
  try {
    visit(path, 0);
  } catch {
    return undefined;
  }
  return files === 0 ? undefined : `${files}:${bytes}:${Math.floor(newest)}`;
}
