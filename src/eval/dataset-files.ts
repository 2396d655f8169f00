import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OutroError } from '../domain/errors.js';

/** The datasets shipped in the repo (evals/*.jsonl); the same path from src/ and from dist/. */
export const EVALS_DIR = fileURLToPath(new URL('../../evals/', import.meta.url));
/** The folder dataset headers' relative paths (context.workspace) are resolved against. */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * Dataset arguments to files: a path (absolute or relative to `cwd`), or the name of a shipped
 * dataset (`decisions` → evals/decisions.jsonl). No arguments: every shipped dataset.
 */
export function resolveDatasetFiles(
  args: readonly string[],
  cwd: string = process.cwd(),
  dir: string = EVALS_DIR,
): string[] {
  if (args.length === 0) {
    const shipped = existsSync(dir)
      ? readdirSync(dir)
          .filter((name) => name.endsWith('.jsonl'))
          .sort()
      : [];
    if (shipped.length === 0)
      throw new OutroError(
        'NOT_FOUND',
        `No datasets in ${dir}. Name a .jsonl file, or build them: npx tsx evals/build-datasets.ts`,
      );
    return shipped.map((name) => join(dir, name));
  }
  return args.map((arg) => {
    const asPath = isAbsolute(arg) ? arg : resolve(cwd, arg);
    if (existsSync(asPath)) return asPath;
    const shipped = join(dir, arg.endsWith('.jsonl') ? arg : `${arg}.jsonl`);
    if (existsSync(shipped)) return shipped;
    const known = existsSync(dir)
      ? readdirSync(dir)
          .filter((name) => name.endsWith('.jsonl'))
          .map((name) => name.replace(/\.jsonl$/, ''))
      : [];
    throw new OutroError(
      'NOT_FOUND',
      `No dataset "${arg}": not a file, and not a shipped dataset (${known.join(', ') || 'none shipped'}).`,
    );
  });
}
