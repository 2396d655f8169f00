import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * outro's version, from its package.json: the nearest one above this file whose name is "outro"
 * (dist/cli/ and src/cli/ sit at different depths). "unknown" when none is found.
 */
export function outroVersion(): string {
  if (cached !== undefined) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: unknown; version?: unknown };
        if (manifest.name === 'outro' && typeof manifest.version === 'string')
          return (cached = manifest.version);
      } catch {
        // Not ours or unreadable: keep looking above.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return (cached = 'unknown');
    dir = parent;
  }
}
