/**
 * `npx tsx bench/ask-retrieval.ts [DIR] [--runs 20]`: ingests an evaluation workspace (exports +
 * truth.json, default ../shared/datasets/workspaces/fernhill) the way `outro eval` does, then times
 * warm in-process retrieval answers (answerByRetrieval over the search index, every `ask` question
 * of the truth, `runs` times each) and warm full-text search (the same questions as `outro search`
 * any-word queries): p50/p95, and the index size. Targets (issue 14): retrieval warm p50 < 30 ms,
 * p95 < 100 ms; search p50 < 20 ms.
 */
import { existsSync } from 'node:fs';
import { evaluateWorkspace } from '../src/app/workspace-eval.js';
import { parseAsOf } from '../src/answers/ask/parse-question.js';
import { answerByRetrieval } from '../src/answers/ask/retrieval/answer-retrieval.js';
import { PeopleDirectory } from '../src/answers/people/people-directory.js';
import { LogEvidenceSource } from '../src/memory/facts/evidence.js';
import { MemoryGraphStore } from '../src/memory/graph/memory-graph-store.js';
import { allLinks, latestProfiles } from '../src/memory/people-queries.js';
import { SqliteSearchIndex } from '../src/memory/search/sqlite-search-index.js';

const dir =
  process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? '../shared/datasets/workspaces/fernhill';
const at = process.argv.indexOf('--runs');
const runs = at >= 0 ? Number(process.argv[at + 1]) : 20;
if (!existsSync(dir)) {
  console.log(`${dir}: not found; nothing to time`);
  process.exit(0);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

await evaluateWorkspace(dir, {
  keepStore: async (store, truth, config) => {
    const index = new SqliteSearchIndex(store.db);
    const people = new PeopleDirectory(latestProfiles(store.db), allLinks(store.db));
    const sources = {
      graph: new MemoryGraphStore(),
      evidence: new LogEvidenceSource(store.db),
      people,
      me: [],
      now: new Date(),
      timeZone: config.timezone,
      search: index,
    };
    const questions = truth.ask.map((row) => ({
      q: row.q,
      asOf: parseAsOf(row.as_of, config.timezone) ?? row.as_of,
    }));
    const answer: number[] = [];
    const search: number[] = [];
    for (let run = 0; run <= runs; run++) {
      for (const { q, asOf } of questions) {
        let started = performance.now();
        answerByRetrieval(q, sources, asOf, index);
        if (run > 0) answer.push(performance.now() - started);
        started = performance.now();
        index.search({ query: q.replace(/[?"]/g, ''), mode: 'any', limit: 20 });
        if (run > 0) search.push(performance.now() - started);
      }
    }
    const stats = index.stats();
    console.log(`${dir}: ${questions.length} questions × ${runs} warm runs; index ${JSON.stringify(stats)}`);
    console.log(
      `retrieval answers  p50 ${percentile(answer, 50).toFixed(1)} ms  p95 ${percentile(answer, 95).toFixed(1)} ms`,
    );
    console.log(
      `search (any word)  p50 ${percentile(search, 50).toFixed(1)} ms  p95 ${percentile(search, 95).toFixed(1)} ms`,
    );
  },
});
