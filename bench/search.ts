/**
 * Search benchmark: writes a realistic log (Zipf-distributed words, markup, ids, edits, deletions,
 * conversations and decisions), rebuilds the search index from it as `outro replay` would, and
 * prints the build rate, the index size, the incremental apply rate, and warm query latency by
 * query kind — for the plain `ORDER BY rank` query ("before") and for SqliteSearchIndex ("after").
 *
 *   npm run bench:search -- [--messages 1000000] [--queries 100] [--db FILE] [--keep] [--skip-rebuild]
 *
 * --db reuses a store from an earlier run (--keep prints where it is), skipping the log writing;
 * --skip-rebuild then also keeps its index. The incremental step adds 5% more messages to a kept store.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore } from '../src/app/store.js';
import { expressionOf, parseSearchQuery, tokensOf } from '../src/memory/search/parse-search-query.js';
import { rebuildSearchIndex } from '../src/memory/search/rebuild-search-index.js';
import { SqliteSearchIndex } from '../src/memory/search/sqlite-search-index.js';
import type { SearchRequest } from '../src/memory/search/search-types.js';
import type { SqliteDatabase } from '../src/memory/sqlite.js';
import { measureIncremental } from './search-gen/incremental.js';
import { querySets } from './search-gen/query-sets.js';
import { benchWorld, writeBenchLog, type BenchLog } from './search-gen/write-log.js';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '1000000' },
    queries: { type: 'string', default: '100' },
    db: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'skip-rebuild': { type: 'boolean', default: false },
  },
});

const work = values.db ? undefined : mkdtempSync(join(tmpdir(), 'outro-bench-search-'));
const file = values.db ?? join(work!, 'outro.db');
const reuse = existsSync(file);
const store = openStore(file);
const db = store.db;
const messages = Number(values.messages);
const seed = 7;

const log: BenchLog = writeOrDescribe();
if (!values['skip-rebuild'] || !reuse) rebuild();
printSize();
queries();
incremental();
store.close();
if (work && !values.keep) rmSync(work, { recursive: true, force: true });
else console.log(`store kept at ${file}`);

function writeOrDescribe(): BenchLog {
  if (reuse) {
    const count = db
      .prepare("SELECT count(*) FROM events WHERE type = 'message.posted'")
      .pluck()
      .get() as number;
    console.log(`reusing ${file}: ${count.toLocaleString()} messages`);
    const { people, channels } = benchWorld(seed);
    return { messages: count, people, channels, ...span(), seconds: 0 };
  }
  const written = writeBenchLog(store.log, { messages, seed });
  console.log(
    `wrote ${messages.toLocaleString()} messages (${store.log.lastSeq().toLocaleString()} events) in ${written.seconds.toFixed(1)} s`,
  );
  return written;
}

function span(): { startMs: number; endMs: number } {
  const row = db
    .prepare(
      "SELECT min(occurred_at) AS first, max(occurred_at) AS last FROM events WHERE type = 'message.posted'",
    )
    .get() as { first: string; last: string };
  return { startMs: Date.parse(row.first), endMs: Date.parse(row.last) };
}

function rebuild(): void {
  const cpu = process.cpuUsage();
  const report = rebuildSearchIndex(db);
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const seconds = report.timings.totalMs / 1000;
  const t = report.timings;
  console.log(
    `rebuild: ${report.events.toLocaleString()} events → ${report.docs.toLocaleString()} docs in ${seconds.toFixed(1)} s = ${Math.round(log.messages / seconds).toLocaleString()} messages/s ` +
      `(read+parse ${(t.readMs / 1000).toFixed(1)} s, docs ${(t.writeMs / 1000).toFixed(1)} s, FTS ${(t.indexMs / 1000).toFixed(1)} s; ` +
      `CPU ${cpuSeconds.toFixed(1)} s = ${Math.round(log.messages / cpuSeconds).toLocaleString()} messages per CPU-second; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`,
  );
  db.pragma('wal_checkpoint(TRUNCATE)');
}

function printSize(): void {
  const rows = db
    .prepare(
      "SELECT name, sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'search%' OR name LIKE 'sqlite_autoindex_search%' GROUP BY name ORDER BY bytes DESC",
    )
    .all() as Array<{ name: string; bytes: number }>;
  const total = rows.reduce((sum, row) => sum + row.bytes, 0);
  const mib = (bytes: number): string => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
  console.log(
    `index size: ${mib(total)} (${mib((total / log.messages) * 1_000_000)} per 1M messages; file ${mib(statSync(file).size)}): ${rows.map((row) => `${row.name} ${mib(row.bytes)}`).join(', ')}`,
  );
}

function queries(): void {
  const { prng, vocabulary } = benchWorld(seed);
  const sets = querySets(db, log, vocabulary, prng, Number(values.queries));
  const index = new SqliteSearchIndex(db);
  // Warm the page cache with one pass over every query.
  for (const set of sets) for (const request of set.requests) index.search(request);
  console.log(
    `\nwarm latency (ms), 20 hits per query, ${values.queries} queries per kind, before and after run in turn per query (load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores)`,
  );
  console.log('                           before (ORDER BY rank)   │ after (SqliteSearchIndex)');
  console.log('query kind            hits   p50     p95     max   │   p50     p95     max');
  for (const set of sets) {
    const [before, after] = timeInTurn(set.requests, [
      (request) => baseline(db, request),
      (request) => index.search(request).hits.length,
    ]);
    const cells = (t: Timing): string => `${fmt(t.p50)} ${fmt(t.p95)} ${fmt(t.max)}`;
    console.log(
      `${set.name.padEnd(20)} ${String(Math.round(after.hits)).padStart(5)} ${cells(before)}   │ ${cells(after)}`,
    );
  }
}

function incremental(): void {
  const result = measureIncremental(
    db,
    store.log,
    Math.min(50_000, Math.max(1_000, Math.round(log.messages / 20))),
    seed + 1,
  );
  console.log(
    `\nincremental (applySearchEvents, batches of ${result.batch}): ${result.messages.toLocaleString()} messages in ${result.seconds.toFixed(1)} s = ${Math.round(result.messages / result.seconds).toLocaleString()} messages/s`,
  );
}

/**
 * The first version: every word kept (stopwords too), every match ranked by FTS5's own
 * `ORDER BY rank` (BM25), filters joined, one page with snippets.
 */
function baseline(db: SqliteDatabase, request: SearchRequest): number {
  const mode = request.mode ?? 'all';
  const match = request.query.includes('"')
    ? parseSearchQuery(request.query, mode).match
    : request.query
        .split(/\s+/)
        .map((word) => ({ tokens: tokensOf(word), prefix: word.endsWith('*'), quoted: false }))
        .filter((term) => term.tokens.length > 0)
        .map(expressionOf)
        .join(mode === 'all' ? ' AND ' : ' OR ');
  const where = ['search_fts MATCH ?'];
  const params: unknown[] = [match];
  if (request.from) {
    where.push('d.author IN (SELECT id FROM search_people WHERE key = ?)');
    params.push(request.from[0]);
  }
  if (request.since) {
    where.push('d.at >= ?');
    params.push(Date.parse(request.since));
  }
  const sql = `SELECT f.rowid, snippet(search_fts, -1, '«', '»', '…', 24) FROM search_fts f JOIN search_filters d ON d.id = f.rowid
    WHERE ${where.join(' AND ')} ORDER BY f.rank LIMIT 20`;
  return db.prepare(sql).all(...params).length;
}

interface Timing {
  p50: number;
  p95: number;
  max: number;
  hits: number;
}

/** Times each way of running every request, one after the other per request, so changing load hits them alike. */
function timeInTurn(
  requests: readonly SearchRequest[],
  runs: ReadonlyArray<(request: SearchRequest) => number>,
): Timing[] {
  const samples = runs.map(() => [] as number[]);
  const hits = runs.map(() => 0);
  for (const request of requests) {
    runs.forEach((run, i) => {
      const started = performance.now();
      hits[i] += run(request);
      samples[i].push(performance.now() - started);
    });
  }
  return samples.map((list, i) => {
    list.sort((a, b) => a - b);
    const at = (p: number): number => list[Math.min(list.length - 1, Math.floor(p * list.length))];
    return { p50: at(0.5), p95: at(0.95), max: list[list.length - 1], hits: hits[i] / requests.length };
  });
}

function fmt(ms: number): string {
  return ms.toFixed(ms < 10 ? 2 : 1).padStart(7);
}
