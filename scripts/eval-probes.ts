/**
 * Scores the annotate stage (no model) on probe sets of short conversations with what a reader
 * expects from each (fixtures/probes/*.json, fixtures/probes/README.md):
 *   npm run eval:probes -- [FILE…] [--misses] [--json]
 * Prints per file: conversations all right, and per kind gold / found / right with precision and recall.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { annotateHeuristically } from '../src/pipeline/annotate/heuristic-annotate.js';
import { conversation } from '../src/pipeline/annotate/testing/conversation-builder.js';
import { scoreProbe, type ProbeCase } from '../src/eval/probes/score-probe.js';

const args = process.argv.slice(2);
const files = args.filter((arg) => !arg.startsWith('--'));
const dir = 'fixtures/probes';
const chosen =
  files.length > 0
    ? files
    : readdirSync(dir)
        .filter((name) => name.endsWith('.json') && !name.startsWith('ask-'))
        .sort()
        .map((name) => join(dir, name));
const pct = (part: number, whole: number): string =>
  whole === 0 ? '  —  ' : ((100 * part) / whole).toFixed(1).padStart(5);
const results: Record<string, unknown> = {};
for (const file of chosen) {
  const cases = JSON.parse(readFileSync(file, 'utf8')) as ProbeCase[];
  const score = scoreProbe(
    cases,
    cases.map((probe) => annotateHeuristically(conversation(probe.lines))),
  );
  results[basename(file)] = score;
  if (args.includes('--json')) continue;
  console.log(`${basename(file)}: ${score.casesRight}/${score.cases} conversations all right`);
  for (const [kind, { gold, found, right }] of Object.entries(score.kinds))
    console.log(
      `  ${kind.padEnd(10)} P ${pct(right, found)}  R ${pct(right, gold)}   (${right} right, ${found} found, ${gold} expected)`,
    );
  if (args.includes('--misses'))
    for (const miss of score.misses) console.log(`    ${miss.id}: ${miss.notes.join('; ')}`);
}
if (args.includes('--json')) console.log(JSON.stringify(results, null, 2));
