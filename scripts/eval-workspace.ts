/**
 * Scores the whole pipeline on an evaluation workspace (exports + truth.json, laid out like
 * ../shared/datasets/workspaces/fernhill): ingest into a temp store, run every agent, compare what
 * was extracted with the gold labels by the message ids it cites.
 *   npm run eval:workspace -- DIR [DIR…] [--json] [--misses] [--floors FILE] [--ask FILE]
 * With --floors (a JSON file: folder name → floors, see src/eval/workspace/workspace-floors.ts) it
 * exits 1 when a workspace scores under one of its floors; the eval gate runs it that way.
 * With --ask FILE the workspace answers that file's questions (truth `ask` rows) instead of its own.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { evaluateWorkspace } from '../src/app/workspace-eval.js';
import { loadAskRows } from '../src/eval/workspace/ask-rows.js';
import { askReportLines, workspaceReportLines } from '../src/eval/workspace/report-workspace.js';
import {
  floorFailures,
  WorkspaceFloorsSchema,
  type WorkspaceFloors,
} from '../src/eval/workspace/workspace-floors.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const misses = args.includes('--misses');
const floorsAt = args.indexOf('--floors');
const floorsFile = floorsAt >= 0 ? args[floorsAt + 1] : undefined;
const askAt = args.indexOf('--ask');
const askRows = askAt >= 0 ? loadAskRows(args[askAt + 1]) : undefined;
if (askRows && floorsFile) {
  console.error("--ask and --floors do not go together: the floors are set for the truth's own questions");
  process.exit(2);
}
const optionValues = new Set([floorsAt + 1, askAt + 1].filter((index) => index > 0));
const floors: Record<string, WorkspaceFloors> = floorsFile
  ? Object.fromEntries(
      Object.entries(JSON.parse(readFileSync(floorsFile, 'utf8')) as Record<string, unknown>).map(
        ([name, value]) => [name, WorkspaceFloorsSchema.parse(value)],
      ),
    )
  : {};
const dirs = args.filter((arg, index) => !arg.startsWith('--') && !optionValues.has(index));
if (dirs.length === 0) {
  console.error(
    'usage: npm run eval:workspace -- DIR [DIR…] [--json] [--misses] [--ask FILE]   (DIR holds the exports and truth.json)',
  );
  process.exit(2);
}
const results = [];
let failed = 0;
for (const dir of dirs) {
  if (!existsSync(dir)) {
    console.error(`${dir}: no such folder; skipped`);
    continue;
  }
  const result = await evaluateWorkspace(dir, { askRows });
  results.push(result);
  if (!json) {
    console.log(
      `${dir}: ${result.messages} messages, ingest and agents ${result.seconds.ingestAndAgents.toFixed(1)} s`,
    );
    for (const line of workspaceReportLines(result.scores, { misses })) console.log(line);
    for (const line of askReportLines(result.ask, { all: misses })) console.log(line);
    console.log('');
  }
  const floor = floors[basename(dir)];
  if (floorsFile && !floor) console.error(`${dir}: no floors for "${basename(dir)}" in ${floorsFile}`);
  for (const failure of floor ? floorFailures(result.scores, result.ask, floor) : []) {
    console.error(`${dir}: ${failure}`);
    failed += 1;
  }
}
if (json) {
  const strip = (scores: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(scores).map(([key, value]) => [
        key,
        value && typeof value === 'object' && 'matches' in value ? { ...value, matches: undefined } : value,
      ]),
    );
  console.log(
    JSON.stringify(
      results.map((result) => ({
        dir: result.dir,
        messages: result.messages,
        seconds: result.seconds,
        ask: result.ask,
        scores: strip(result.scores as unknown as Record<string, unknown>),
      })),
      null,
      2,
    ),
  );
}
if (failed > 0) process.exit(1);
