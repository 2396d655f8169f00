/**
 * Builds the eval datasets (evals/*.jsonl) from a fixture story and its truth labels:
 * conversations (disentangle), decisions, action items, questions, facts (annotate) and ask.
 * Deterministic: the same story gives byte-identical files. Rows carry the message text they
 * need, so a dataset runs without the export files; ask rows name the workspace folder.
 *
 *   npx tsx evals/build-datasets.ts                 write evals/*.jsonl from fixtures/workspace
 *   npx tsx evals/build-datasets.ts --check         exit 1 when the committed files are stale
 *   npx tsx evals/build-datasets.ts --story DIR --workspace fixtures/workspace --out DIR
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWorkspace } from '../scripts/fixtures/build-workspace.js';
import { TruthFile } from '../fixtures/truth-schema.js';
import { storyMessages } from './story-messages.js';
import { buildDatasets } from './truth-to-datasets.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index >= 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

function main(): number {
  const storyDir = resolve(root, option('--story', 'fixtures/workspace/story'));
  const workspace = option('--workspace', 'fixtures/workspace');
  const out = resolve(root, option('--out', 'evals'));
  const { files, story } = buildWorkspace(storyDir);
  const truthText = files.get('truth.json') as string;
  const committed = resolve(root, workspace, 'truth.json');
  if (existsSync(committed) && readFileSync(committed, 'utf8') !== truthText) {
    console.error(
      `warning: ${relative(root, committed)} differs from the story; run npm run fixtures:build so the datasets and the fixture agree`,
    );
  }
  const truth = TruthFile.parse(JSON.parse(truthText));
  const datasets = buildDatasets(truth, storyMessages(story), {
    workspace,
    source: `${relative(root, storyDir)} (truth.json)`,
  });
  let stale = 0;
  for (const [name, text] of datasets) {
    const file = join(out, `${name}.jsonl`);
    if (process.argv.includes('--check')) {
      if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
        console.error(`stale: ${relative(root, file)}`);
        stale++;
      }
      continue;
    }
    mkdirSync(out, { recursive: true });
    writeFileSync(file, text);
    console.log(`${relative(root, file)}: ${text.split('\n').length - 2} rows`);
  }
  if (stale > 0)
    console.error(`${stale} dataset(s) differ from the story; run npx tsx evals/build-datasets.ts`);
  return stale > 0 ? 1 : 0;
}

process.exitCode = main();
