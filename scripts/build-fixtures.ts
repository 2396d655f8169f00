/**
 * Renders the fixture stories into native export files and their truth labels:
 *   fixtures/workspace/story -> fixtures/workspace/{slack/,discord/,teams/,calendar.ics,outro.yaml,truth.json}
 *   fixtures/holdout/story   -> fixtures/holdout/{…}
 * Deterministic: the same story always gives byte-identical files.
 *
 *   npx tsx scripts/build-fixtures.ts             write the files next to each story
 *   npx tsx scripts/build-fixtures.ts --check     exit 1 when the committed files differ from the story
 *   npx tsx scripts/build-fixtures.ts --out DIR   write into DIR/<workspace>/ instead (for comparing)
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWorkspace } from './fixtures/build-workspace.js';
import { StoryError } from './fixtures/parse-chat.js';
import { diffWorkspace, WORKSPACES, writeWorkspace } from './fixtures/write-workspace.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function main(): number {
  const check = process.argv.includes('--check');
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex > 0 ? process.argv[outIndex + 1] : undefined;
  if (outIndex > 0 && !out) throw new StoryError('--out needs a folder');
  let stale = 0;
  for (const workspace of WORKSPACES) {
    const dir = join(root, workspace);
    if (!existsSync(join(dir, 'story', 'workspace.yaml'))) {
      console.log(`${workspace}: no story/workspace.yaml, skipped`);
      continue;
    }
    const { files, story } = buildWorkspace(join(dir, 'story'));
    if (check) {
      for (const difference of diffWorkspace(files, dir)) {
        console.error(`${workspace}: ${difference}`);
        stale++;
      }
      continue;
    }
    writeWorkspace(files, out ? join(out, workspace) : dir);
    const messages = story.channels.reduce((n, c) => n + c.messages.length, 0);
    console.log(`${workspace}: ${files.size} files, ${story.channels.length} channels, ${messages} messages`);
  }
  if (check && stale > 0) {
    console.error(`${stale} fixture file(s) differ from the story; run npm run fixtures:build`);
    return 1;
  }
  if (check) console.log('fixtures are up to date');
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  if (error instanceof StoryError) {
    console.error(`fixtures: ${error.message}`);
    process.exitCode = 2;
  } else throw error;
}
