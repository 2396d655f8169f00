import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Vitest globalSetup: the tests that run outro in child processes run the built CLI (bin/outro →
 * dist/), which starts in a third of the time `node --import tsx` takes to load the sources. So
 * that they never run stale code, dist/ is rebuilt first when a source file is newer than the last
 * build (`npm test` has just built it; a targeted `npx vitest run` after an edit has not).
 */
const ROOT = resolve(import.meta.dirname, '..');
const STAMP = join(ROOT, 'dist', '.tsbuildinfo');
const SOURCE = /\.tsx?$/;
const NOT_BUILT = /\.test\.tsx?$/;

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'test-support') newest = Math.max(newest, newestSource(path));
    } else if (SOURCE.test(entry.name) && !NOT_BUILT.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

export default function setup(): void {
  if (existsSync(STAMP) && statSync(STAMP).mtimeMs >= newestSource(join(ROOT, 'src'))) return;
  const build = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (build.status !== 0)
    throw new Error(`dist/ is stale and \`npm run build\` failed:\n${build.stdout}${build.stderr}`);
  // tsc leaves the stamp alone when nothing it emits changed (a file touched, not edited).
  const now = new Date();
  utimesSync(STAMP, now, now);
}
