/**
 * `npm run bench:search-build -- [--messages 200000] [--runs 2] [--keep] [--store FILE] [--cache-mib N]`: the search index build
 * alone, as `outro replay` runs it (rebuildSearchIndex over a synthetic log: bench/search-gen), with
 * its read / write / full-text phases, the rate in messages per second (wall and CPU), the index
 * size, the peak RSS, and a fingerprint of the hits of a few hundred typical queries (bench/search-gen/query-sets)
 * so that a change to the build can be checked to leave every result as it was.
 * Target (issue 14): ≥ 50k messages/s.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../src/app/store.js';
import { rebuildSearchIndex } from '../src/memory/search/rebuild-search-index.js';
import { SqliteSearchIndex } from '../src/memory/search/sqlite-search-index.js';
import { querySets } from './search-gen/query-sets.js';
import { benchWorld, writeBenchLog, type BenchLog } from './search-gen/write-log.js';

const { values } = parseArgs({
  options: {
    /** Messages to write (200,000); with --store, the kept log's message.posted events are counted. */
    messages: { type: 'string' },
    runs: { type: 'string', default: '2' },
    keep: { type: 'boolean', default: false },
    /** SQLite page cache for the rebuild in MiB (the store opens with 64). */
    'cache-mib': { type: 'string' },
    /** A store an earlier run kept (--keep): its log is rebuilt from, not written again. */
    store: { type: 'string' },
  },
});
const seed = 7;
const START_MS = Date.parse('2024-01-01T00:00:00Z');
const home = values.store ? dirname(values.store) : mkdtempSync(join(tmpdir(), 'outro-bench-search-build-'));
const file = values.store ?? join(home, 'outro.db');
const store = openStore(file);
const messages =
  values.messages !== undefined
    ? Number(values.messages)
    : values.store
      ? (store.db
          .prepare("SELECT count(*) FROM events WHERE type = 'message.posted'")
          .pluck()
          .get() as number)
      : 200_000;
// A kept store holds the log of the same seed and size: its world (people, time span) is the same.
const written: BenchLog = values.store
  ? { ...benchWorld(seed), messages, startMs: START_MS, endMs: START_MS + 730 * 86_400_000, seconds: 0 }
  : writeBenchLog(store.log, { messages, seed, startMs: START_MS, days: 730 });
console.log(
  `log: ${messages.toLocaleString()} messages (${store.log.lastSeq().toLocaleString()} events)${values.store ? ` from ${file}` : ` written in ${written.seconds.toFixed(1)} s`}`,
);
if (values['cache-mib']) store.db.pragma(`cache_size = -${Number(values['cache-mib']) * 1024}`);
for (let run = 1; run <= Number(values.runs); run++) {
  const before = process.cpuUsage();
  const report = rebuildSearchIndex(store.db);
  const used = process.cpuUsage(before);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const { readMs, writeMs, indexMs, totalMs } = report.timings;
  const phase = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  const { cpu } = report;
  console.log(
    `build ${run}: ${report.docs.toLocaleString()} docs in ${(totalMs / 1000).toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU = ` +
      `${Math.round(messages / (totalMs / 1000)).toLocaleString()} messages/s wall, ${Math.round(messages / cpuSeconds).toLocaleString()} per CPU s ` +
      `(wall: read ${phase(readMs)}, write ${phase(writeMs)}, full text ${phase(indexMs)}; ` +
      `CPU: read ${phase(cpu.readMs)}, write ${phase(cpu.writeMs)}, full text ${phase(cpu.indexMs)}, ` +
      `emptying and commit ${phase(cpu.totalMs - cpu.readMs - cpu.writeMs - cpu.indexMs)}; ` +
      `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`,
  );
}
store.db.pragma('wal_checkpoint(TRUNCATE)');
const index = new SqliteSearchIndex(store.db);
const { bytes } = index.stats();
console.log(`index size: ${bytes === null ? '?' : `${(bytes / 1024 ** 2).toFixed(1)} MiB`}`);
const { prng, vocabulary } = benchWorld(seed);
const hash = createHash('sha256');
let hits = 0;
for (const set of querySets(store.db, written, vocabulary, prng, 20)) {
  for (const request of set.requests) {
    for (const mode of ['all', 'any'] as const) {
      const result = index.search({ ...request, mode: request.mode ?? mode, limit: 20, countTotal: true });
      hits += result.hits.length;
      hash.update(JSON.stringify(result));
    }
  }
}
console.log(`results fingerprint: ${hash.digest('hex').slice(0, 16)} (${hits} hits)`);
// maxRSS is in KiB: the whole process (log written, rebuilds, the queries above).
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
store.close();
if (values.keep || values.store) console.log(`store kept at ${file}`);
else rmSync(home, { recursive: true, force: true });
