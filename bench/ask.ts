/**
 * `npx tsx bench/ask.ts [--facts 100000] [--people 5000] [--components 2000] [--runs 300] [--dist DIR] [--keep]`:
 * builds a store with `facts` synthetic fact events (bulk-fact-events.ts), replays it into Kùzu and
 * its copy in the store, then times `ask` warm (in-process, over each, p50/p95 per question kind) and cold (a new
 * process per question running the compiled CLI from --dist, default dist/; skipped when absent).
 * Targets (issue 5): warm p50 < 20 ms, cold < 500 ms.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openStore } from '../src/app/store.js';
import { LogEvidenceSource } from '../src/memory/facts/evidence.js';
import { KuzuGraphStore } from '../src/memory/graph/kuzu/kuzu-graph-store.js';
import { replayFromLog } from '../src/memory/graph/replay.js';
import { MirroredGraphStore } from '../src/memory/graph/sqlite/mirrored-graph-store.js';
import { SqliteGraphStore } from '../src/memory/graph/sqlite/sqlite-graph-store.js';
import { bulkComponentName, bulkFactEvents } from '../src/memory/graph/test-support/bulk-fact-events.js';
import { TestRandom } from '../src/memory/graph/test-support/synthetic-events.js';
import { allLinks, latestProfiles } from '../src/memory/people-queries.js';
import { ask } from '../src/answers/ask/ask.js';
import { PeopleDirectory } from '../src/answers/people/people-directory.js';
import { makeTempDir } from '../src/test-support/temp-dir.js';

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

const facts = Number(arg('facts', '100000'));
const people = Number(arg('people', '5000'));
const components = Number(arg('components', '2000'));
const runs = Number(arg('runs', '300'));
const dist = resolve(arg('dist', 'dist'));
/** Keeps the store (for `npm run bench:ask-cold -- --home DIR`). */
const keep = process.argv.includes('--keep');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const KINDS: Record<string, (random: TestRandom) => string> = {
  'who owns X': (r) => `who owns ${bulkComponentName(r.int(components))}`,
  'who owned X on DATE': (r) =>
    `who owned ${bulkComponentName(r.int(components))} on 2025-0${1 + r.int(9)}-15`,
  'who should I ask about X': (r) => `who should I ask about ${bulkComponentName(r.int(components))}`,
  'what is PERSON working on': (r) => `what is Person ${r.int(people)} working on`,
  'what changed about X': (r) => `what changed about ${bulkComponentName(r.int(components))}`,
  'unknown entity': () => 'who owns the zeppelin fleet',
};

const temp = makeTempDir('outro-bench-ask-');
try {
  const store = openStore(join(temp.dir, 'outro.db'));
  for (const batch of bulkFactEvents({ facts, people, components })) store.log.appendAll(batch);
  const kuzu = await KuzuGraphStore.open(join(temp.dir, 'graph'));
  const copy = new SqliteGraphStore(store.db);
  // As the projector writes it: Kùzu and its copy in the store (what a cold `ask` reads).
  const report = await replayFromLog(store.db, new MirroredGraphStore(kuzu, copy));
  console.log(
    `ask bench: ${facts.toLocaleString('en-US')} fact events → ${report.factVersions.toLocaleString('en-US')} fact versions, ${people} people, ${components} components; ${availableParallelism()} CPUs, node ${process.version}`,
  );
  for (const [engine, graph] of [
    ['Kùzu', kuzu],
    ['the copy in the store', copy],
  ] as const) {
    const sources = {
      graph,
      evidence: new LogEvidenceSource(store.db),
      people: new PeopleDirectory(latestProfiles(store.db), allLinks(store.db)),
      me: [],
      now: new Date('2026-11-20T08:00:00.000Z'),
    };
    const random = new TestRandom(7);
    console.log(`\nwarm (in-process, ${engine})`.padEnd(39) + 'p50 ms   p95 ms   answered');
    const all: number[] = [];
    for (const [kind, make] of Object.entries(KINDS)) {
      for (let i = 0; i < 10; i++) await ask(make(random), sources); // warm up
      const times: number[] = [];
      let answered = 0;
      for (let i = 0; i < runs; i++) {
        const question = make(random);
        const started = performance.now();
        const answer = await ask(question, sources);
        times.push(performance.now() - started);
        if (answer.known) answered++;
      }
      all.push(...times);
      console.log(
        `  ${kind.padEnd(34)} ${percentile(times, 50).toFixed(2).padStart(7)}  ${percentile(times, 95).toFixed(2).padStart(7)}   ${answered}/${runs}`,
      );
    }
    console.log(
      `  ${'all'.padEnd(34)} ${percentile(all, 50).toFixed(2).padStart(7)}  ${percentile(all, 95).toFixed(2).padStart(7)}`,
    );
  }
  await kuzu.close();
  store.close();

  const main = join(dist, 'cli', 'main.js');
  if (!existsSync(main))
    console.log(`\ncold: skipped (no compiled CLI at ${main}; run npm run build or pass --dist)`);
  else {
    const script = `const { main } = await import(${JSON.stringify(pathToFileURL(main).href)}); const r = await main(process.argv.slice(1)); process.exitCode = r.code ? 1 : 0;`;
    const env = {
      ...process.env,
      OUTRO_HOME: temp.dir,
      OUTRO_NO_DAEMON: '1',
      OUTRO_NOW: '2026-11-20T08:00:00.000Z',
    };
    const random = new TestRandom(11);
    const times: number[] = [];
    for (let i = 0; i < 12; i++) {
      const started = performance.now();
      const child = spawnSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          script,
          'ask',
          `who owns ${bulkComponentName(random.int(components))}`,
          '--json',
        ],
        { env, encoding: 'utf8' },
      );
      const ms = performance.now() - started;
      if (child.status !== 0) throw new Error(`cold ask failed: ${child.stderr}`);
      if (i >= 2) times.push(ms);
    }
    console.log(
      `\ncold (new process: node start, open SQLite, read the graph's copy, answer)  p50 ${percentile(times, 50).toFixed(0)} ms  p95 ${percentile(times, 95).toFixed(0)} ms  (${times.length} runs)`,
    );
  }
} finally {
  if (keep) console.log(`store kept at ${temp.dir}`);
  else temp.cleanup();
}
