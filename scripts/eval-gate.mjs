#!/usr/bin/env node
// `npm run eval:gate`: the CI step that fails when understanding regresses. Runs `outro eval run`
// over the shipped fixture datasets in a throwaway OUTRO_HOME, with per-dataset thresholds set a
// little under the measured scores (README "Evaluation and traces"). `npm run eval:fixtures` runs
// the same with `--report`: the scores, no thresholds.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const home = mkdtempSync(join(tmpdir(), 'outro-eval-gate-'));
const report = process.argv.includes('--report');
const thresholds = report
  ? []
  : ['0.7', 'conversations=0.55', 'facts=0.65', 'ask=0.55', 'ask-workspace=0.75'].flatMap((value) => [
      '--threshold',
      value,
    ]);
const check = spawnSync(
  process.execPath,
  [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'evals', 'build-datasets.ts'), '--check'],
  { stdio: 'inherit', cwd: root },
);
if (check.status !== 0) {
  console.error('eval gate: evals/*.jsonl are stale; run `npx tsx evals/build-datasets.ts` and commit them.');
  process.exit(check.status ?? 1);
}
const result = spawnSync(process.execPath, [join(root, 'bin', 'outro'), 'eval', 'run', ...thresholds], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, OUTRO_HOME: home, OUTRO_NO_DAEMON: '1' },
});
rmSync(home, { recursive: true, force: true });
if (result.status !== 0) process.exit(result.status ?? 1);

// The whole pipeline scored by evidence on the fixture workspaces and, when ../shared is there, on
// the Fernhill workspace nobody on the project wrote (floors in evals/workspace-floors.json).
const fernhill = join(root, '..', 'shared', 'datasets', 'workspaces', 'fernhill');
const workspaces = [join(root, 'fixtures', 'workspace'), join(root, 'fixtures', 'holdout')];
if (existsSync(join(fernhill, 'truth.json'))) workspaces.push(fernhill);
else console.log(`eval gate: ${fernhill} is absent; the Fernhill workspace is not scored`);
const workspaceRun = spawnSync(
  process.execPath,
  [
    join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
    join(root, 'scripts', 'eval-workspace.ts'),
    ...workspaces,
    ...(report ? [] : ['--floors', join(root, 'evals', 'workspace-floors.json')]),
  ],
  { stdio: 'inherit', cwd: root, env: { ...process.env, OUTRO_NO_DAEMON: '1' } },
);
process.exit(workspaceRun.status ?? 1);
