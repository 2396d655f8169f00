/**
 * `npm run bench:ask-1m -- [--messages 1000000] [--questions 60] [--runs 5] [--cold 5] [--keep]`:
 * retrieval answers on a large store. The messages are synthetic but shaped like chat (Zipf words,
 * markup, ticket ids, people, channels, conversations and decisions: bench/search-gen) and written
 * straight into the event log, then the search index is rebuilt from the log as `outro replay`
 * does. The agent pipeline (disentangling, annotation, the graph) is NOT run over them: at the
 * measured ~2,000 messages/s here that alone would take hours, and retrieval answers read the
 * index. Prints the index build rate and size, warm `outro search` (SqliteSearchIndex.search,
 * any-word and every-word, 20 hits) and warm retrieval answers (answerByRetrieval) p50/p95 over
 * questions built from the vocabulary, and cold `outro ask` — a child process per question, the
 * first call timed apart (it brings the graph up to the end of the log).
 * Targets (issue 14): retrieval warm p50 < 30 ms and p95 < 100 ms, search p50 < 20 ms, cold ask < 500 ms,
 * index build ≥ 50k messages/s.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { answerByRetrieval } from '../src/answers/ask/retrieval/answer-retrieval.js';
import { PeopleDirectory } from '../src/answers/people/people-directory.js';
import { openStore } from '../src/app/store.js';
import { LogEvidenceSource } from '../src/memory/facts/evidence.js';
import { MemoryGraphStore } from '../src/memory/graph/memory-graph-store.js';
import { allLinks, latestProfiles } from '../src/memory/people-queries.js';
import { rebuildSearchIndex } from '../src/memory/search/rebuild-search-index.js';
import { SqliteSearchIndex } from '../src/memory/search/sqlite-search-index.js';
import { benchWorld, writeBenchLog } from './search-gen/write-log.js';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '1000000' },
    questions: { type: 'string', default: '60' },
    runs: { type: 'string', default: '5' },
    cold: { type: 'string', default: '5' },
    /** Seconds the first cold `outro ask` may take (it projects the whole log into the graph). */
    'first-timeout': { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
  },
});
const messages = Number(values.messages);
const seed = 7;
const home = mkdtempSync(join(tmpdir(), 'outro-bench-ask-1m-'));
const file = join(home, 'outro.db');
const load = (): string => `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`;
const ms = (value: number): string => `${value.toFixed(1)} ms`;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

console.log(
  `${messages.toLocaleString()} synthetic messages written straight into the log and the search index ` +
    '(the agent pipeline is not run over them: too slow at this size here; see the header of this file)',
);
const store = openStore(file);
const written = writeBenchLog(store.log, { messages, seed });
console.log(
  `log: ${messages.toLocaleString()} messages (${store.log.lastSeq().toLocaleString()} events) written in ${written.seconds.toFixed(1)} s`,
);
const report = rebuildSearchIndex(store.db);
const seconds = report.timings.totalMs / 1000;
console.log(
  `index build: ${report.docs.toLocaleString()} docs in ${seconds.toFixed(1)} s = ${Math.round(messages / seconds).toLocaleString()} messages/s (${load()})`,
);
store.db.pragma('wal_checkpoint(TRUNCATE)');
const bytes = (
  store.db
    .prepare(
      "SELECT sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'search%' OR name LIKE 'sqlite_autoindex_search%'",
    )
    .get() as { bytes: number }
).bytes;
console.log(
  `index size: ${(bytes / 1024 ** 2).toFixed(0)} MiB (store file ${(statSync(file).size / 1024 ** 2).toFixed(0)} MiB)`,
);

// Questions in the words people use: mid-frequency vocabulary in the usual question shapes.
const { prng, vocabulary } = benchWorld(seed);
const word = (from: number, to: number): string => vocabulary.words[prng.range(from, to)];
const shapes = [
  (): string => `when is the ${word(150, 1_500)} ${word(300, 3_000)} review?`,
  (): string => `what's the status of the ${word(300, 3_000)} ${word(150, 1_500)}?`,
  (): string => `who is working on ${word(300, 3_000)}?`,
  (): string => `why did the ${word(150, 1_500)} ${word(300, 3_000)} fail?`,
  (): string => `how much does the ${word(300, 3_000)} cost?`,
  (): string => `what changed about ${word(300, 3_000)} ${word(1_000, 8_000)}?`,
];
const questions = Array.from({ length: Number(values.questions) }, (_, i) => shapes[i % shapes.length]());
const asOf = new Date(written.endMs).toISOString();
const index = new SqliteSearchIndex(store.db);
const sources = {
  graph: new MemoryGraphStore(),
  evidence: new LogEvidenceSource(store.db),
  people: new PeopleDirectory(latestProfiles(store.db), allLinks(store.db)),
  me: [],
  now: new Date(written.endMs),
  timeZone: 'UTC',
  search: index,
};
const search: number[] = [];
const searchAll: number[] = [];
const answers: number[] = [];
let knownCount = 0;
const runs = Number(values.runs);
for (let run = 0; run <= runs; run++) {
  for (const question of questions) {
    const words = question.replace(/[?']/g, ' ');
    let started = performance.now();
    index.search({ query: words, mode: 'any', limit: 20 });
    if (run > 0) search.push(performance.now() - started);
    started = performance.now();
    index.search({ query: words.split(/\s+/).slice(-3).join(' '), limit: 20 });
    if (run > 0) searchAll.push(performance.now() - started);
    started = performance.now();
    const answer = answerByRetrieval(question, sources, asOf, index);
    if (run > 0) answers.push(performance.now() - started);
    if (run === 0 && answer.known) knownCount++;
  }
}
console.log(
  `warm, ${questions.length} questions × ${runs} runs (first run not counted; ${knownCount} answered, the rest "I don't know"; ${load()}):`,
);
console.log(
  `  outro search, any word    p50 ${ms(percentile(search, 50))}  p95 ${ms(percentile(search, 95))}`,
);
console.log(
  `  outro search, every word  p50 ${ms(percentile(searchAll, 50))}  p95 ${ms(percentile(searchAll, 95))}`,
);
console.log(
  `  retrieval answers         p50 ${ms(percentile(answers, 50))}  p95 ${ms(percentile(answers, 95))}`,
);
store.close();

// Cold: a fresh process per question over the same store: `outro search`, then `outro ask`.
const bin = join(import.meta.dirname, '..', 'bin', 'outro');
writeFileSync(join(home, 'config.yaml'), 'timezone: UTC\n');
const env = { ...process.env, OUTRO_HOME: home, OUTRO_NO_DAEMON: '1', OUTRO_NOW: asOf };
const coldSearch: number[] = [];
for (let i = 0; i < Math.max(1, Number(values.cold)); i++) {
  const started = performance.now();
  const words = questions[i % questions.length].replace(/[?']/g, ' ').split(/\s+/).slice(-3).join(' ');
  const result = spawnSync(process.execPath, [bin, 'search', words, '--json'], { env, encoding: 'utf8' });
  if (result.status === 0) coldSearch.push(performance.now() - started);
}
if (coldSearch.length > 0)
  console.log(
    `cold outro search (child process, ${coldSearch.length} queries): p50 ${ms(percentile(coldSearch, 50))}  max ${ms(Math.max(...coldSearch))}`,
  );
const cold: number[] = [];
let slowest = { ms: 0, question: '' };
for (let i = 0; i <= Number(values.cold); i++) {
  const started = performance.now();
  // The first call asks the graph, so that it (not a timed call) applies the log to the graph's copy.
  const question = i === 0 ? 'who owns billing?' : questions[i % questions.length];
  const result = spawnSync(process.execPath, [bin, 'ask', question, '--no-model'], {
    env,
    encoding: 'utf8',
    timeout: i === 0 ? Number(values['first-timeout']) * 1000 : 600_000,
    killSignal: 'SIGKILL',
  });
  const took = performance.now() - started;
  if (result.status !== 0) {
    console.log(
      i === 0 && result.signal
        ? `cold outro ask: the first call (it projects all ${report.events.toLocaleString()} events into the graph) did not finish in ${values['first-timeout']} s; cold calls not measured at this size`
        : `cold outro ask failed (exit ${result.status}): ${(result.stderr || result.stdout).slice(0, 400)}`,
    );
    break;
  }
  if (i === 0)
    console.log(`cold outro ask, first call (brings the graph up to the end of the log): ${ms(took)}`);
  else {
    cold.push(took);
    if (took > slowest.ms) slowest = { ms: took, question };
  }
}
if (cold.length > 0)
  console.log(
    `cold outro ask (child process, ${cold.length} questions): p50 ${ms(percentile(cold, 50))}  p95 ${ms(percentile(cold, 95))}  max ${ms(slowest.ms)} ("${slowest.question}")`,
  );
if (values.keep) console.log(`store kept at ${home}`);
else rmSync(home, { recursive: true, force: true });
