/**
 * Issue 16: how fast a calendar series reaches the Kùzu graph. Writes N meetings (one series,
 * one organizer, one attendee) in projector-sized batches, by MERGE (batches under the COPY
 * threshold) and by COPY: npx tsx bench/meetings-graph.ts [N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MeetingNode } from '../src/memory/graph/graph-records.js';
import { KuzuGraphStore } from '../src/memory/graph/kuzu/kuzu-graph-store.js';

const total = Number(process.argv[2] ?? 5_000);

function meeting(index: number): MeetingNode {
  const start = new Date(Date.UTC(2026, 2, 1, 9) + index * 1000).toISOString();
  return {
    id: `cal|tick|${start}`,
    version: 1,
    calendar: 'cal',
    uid: 'tick',
    occurrence: start,
    title: 'Tick',
    start,
    end: start,
    allDay: false,
    location: null,
    organizer: 'lena@example.com',
    attendees: ['tom@example.com'],
    recurring: true,
    status: null,
    cancelSeq: 0,
  };
}

async function run(batchSize: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'outro-bench-meetings-'));
  const graph = await KuzuGraphStore.open(join(dir, 'graph'));
  try {
    await graph.reset();
    const started = performance.now();
    for (let at = 0; at < total; at += batchSize) {
      const meetings = Array.from({ length: Math.min(batchSize, total - at) }, (_, i) => meeting(at + i));
      await graph.write({ records: { meeting: meetings }, slots: [], cursor: at + meetings.length });
    }
    const ms = performance.now() - started;
    const counts = await graph.counts();
    console.log(
      `batches of ${batchSize}: ${total} meetings in ${(ms / 1000).toFixed(2)} s (${Math.round(total / (ms / 1000))}/s), graph holds ${JSON.stringify(counts)}`,
    );
    return ms;
  } finally {
    await graph.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const merge = await run(199);
const copy = await run(500);
await run(5_000);
console.log(`COPY is ${(merge / copy).toFixed(1)}x faster`);
