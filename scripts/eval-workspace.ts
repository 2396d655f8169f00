/**
 * Scores the whole pipeline on an evaluation workspace (exports + truth.json, laid out like
 * ../shared/datasets/workspaces/fernhill): ingest into a temp store, run every agent, compare what
 * was extracted with the gold labels by the message ids it cites.
 *   npm run eval:workspace -- DIR [DIR…] [--json] [--misses]
 */
import { existsSync } from 'node:fs';
import { evaluateWorkspace } from '../src/app/workspace-eval.js';
import { askReportLines, workspaceReportLines } from '../src/eval/workspace/report-workspace.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const misses = args.includes('--misses');
const dirs = args.filter((arg) => !arg.startsWith('--'));
if (dirs.length === 0) {
  console.error(
    'usage: npm run eval:workspace -- DIR [DIR…] [--json] [--misses]   (DIR holds the exports and truth.json)',
  );
  process.exit(2);
}
const results = [];
for (const dir of dirs) {
  if (!existsSync(dir)) {
    console.error(`${dir}: no such folder; skipped`);
    continue;
  }
  const result = await evaluateWorkspace(dir);
  results.push(result);
  if (!json) {
    console.log(
      `${dir}: ${result.messages} messages, ingest and agents ${result.seconds.ingestAndAgents.toFixed(1)} s`,
    );
    for (const line of workspaceReportLines(result.scores, { misses })) console.log(line);
    for (const line of askReportLines(result.ask, { all: misses })) console.log(line);
    console.log('');
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
