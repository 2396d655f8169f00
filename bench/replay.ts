/**
 * `npx tsx bench/replay.ts [--sizes 100000,1000000] [--people 5000] [--components 2000]`: writes
 * synthetic fact events (ownership changing hands, works-on, expertise, hedges, corrections,
 * reversals) into a fresh event log, then times `replay` — dropping the projection and rebuilding
 * the SQLite claim index and the Kùzu graph from the log (COPY FROM CSV). Target: 1M events < 60 s.
 */
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { EventLog } from '../src/memory/event-log.js';
import { SqliteClaimIndex } from '../src/memory/facts/sqlite-claim-index.js';
import { openFactDatabase } from '../src/memory/facts/test-support/fact-database.js';
import { readEvents } from '../src/memory/graph/event-source.js';
import { KuzuGraphStore } from '../src/memory/graph/kuzu/kuzu-graph-store.js';
import { PROJECTED_EVENT_TYPES } from '../src/memory/graph/projector.js';
import { rebuildProjection } from '../src/memory/graph/rebuild.js';
import { bulkFactEvents } from '../src/memory/graph/test-support/bulk-fact-events.js';
import { makeTempDir } from '../src/test-support/temp-dir.js';

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

const sizes = arg('sizes', '100000,1000000').split(',').map(Number);
const people = Number(arg('people', '5000'));
const components = Number(arg('components', '2000'));
const ms = (value: number): string => `${(value / 1000).toFixed(2)} s`;

console.log(
  `replay bench: ${people} people, ${components} components, ${availableParallelism()} CPUs, node ${process.version}`,
);
for (const size of sizes) {
  const temp = makeTempDir('outro-bench-replay-');
  try {
    const db = openFactDatabase(join(temp.dir, 'outro.db'));
    const log = new EventLog(db);
    const generated = performance.now();
    let events = 0;
    for (const batch of bulkFactEvents({ facts: size, people, components })) events += log.appendAll(batch);
    const generateMs = performance.now() - generated;
    const graph = await KuzuGraphStore.open(join(temp.dir, 'graph'));
    const lastSeq = log.lastSeq();
    const rssBefore = process.memoryUsage().rss;
    const report = await rebuildProjection(
      readEvents(db, PROJECTED_EVENT_TYPES, 0, lastSeq),
      new SqliteClaimIndex(db),
      graph,
      lastSeq,
    );
    const counts = await graph.counts();
    await graph.close();
    db.close();
    const t = report.timings;
    console.log(
      `\n${size.toLocaleString('en-US')} fact events (+${(events - size).toLocaleString('en-US')} people/entity events), generated in ${ms(generateMs)}`,
    );
    console.log(
      `  replay total          ${ms(t.totalMs)}  = ${Math.round(report.events / (t.totalMs / 1000)).toLocaleString('en-US')} events/s`,
    );
    console.log(`    drop graph          ${ms(t.resetMs)}`);
    console.log(`    read + fold events  ${ms(t.readMs)}`);
    console.log(`    claim index rows    ${ms(t.claimsMs)}`);
    console.log(`    resolve slots + CSV ${ms(t.load.writeMs)}`);
    console.log(`    COPY FROM           ${ms(t.load.copyMs)}`);
    console.log(`    FTS index build     ${ms(t.load.indexMs)}`);
    console.log(
      `  slots ${report.slots.toLocaleString('en-US')}, fact versions ${report.factVersions.toLocaleString('en-US')} (${report.currentFacts.toLocaleString('en-US')} current), graph facts ${counts.facts.toLocaleString('en-US')}`,
    );
    console.log(
      `  rss grew by ${((process.memoryUsage().rss - rssBefore) / 1e6).toFixed(0)} MB (peak heap is what matters; see --max-old-space-size)`,
    );
  } finally {
    temp.cleanup();
  }
}
