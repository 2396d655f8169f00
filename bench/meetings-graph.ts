/**
 * Issue 16: how fast a calendar series reaches the Kùzu graph. N occurrences of one series (one
 * organizer, one attendee):
 *  - row by row: graph writes of 199 meetings (under the COPY threshold: one MERGE per meeting
 *    and per edge), the baseline;
 *  - a projection run: N meeting.scheduled events appended to the log of a store whose graph
 *    already holds an earlier ingest, delivered to the graph projector agent in batches of 500
 *    as the agent runtime delivers them; then the series moved (N new events, every meeting
 *    rewritten).
 * npx tsx bench/meetings-graph.ts [N]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GraphProjectorAgent } from '../src/agents/graph-projector/graph-projector-agent.js';
import { meetingScheduled } from '../src/domain/event-builders.js';
import type { EventEnvelope } from '../src/domain/events.js';
import { EventLog } from '../src/memory/event-log.js';
import { openFactDatabase } from '../src/memory/facts/test-support/fact-database.js';
import type { MeetingNode } from '../src/memory/graph/graph-records.js';
import { KuzuGraphStore } from '../src/memory/graph/kuzu/kuzu-graph-store.js';
import type { AgentContext } from '../src/runtime/agents/agent.js';

const total = Number(process.argv[2] ?? 5_000);
const DELIVERY = 500;

function start(index: number): string {
  return new Date(Date.UTC(2026, 2, 1, 9) + index * 1000).toISOString();
}

function meeting(index: number): MeetingNode {
  const at = start(index);
  return {
    id: `cal|tick|${at}`,
    version: 1,
    calendar: 'cal',
    uid: 'tick',
    occurrence: at,
    title: 'Tick',
    start: at,
    end: at,
    allDay: false,
    location: null,
    organizer: 'lena@example.com',
    attendees: ['tom@example.com'],
    recurring: true,
    status: null,
    cancelSeq: 0,
  };
}

function scheduled(uid: string, index: number, summary: string, shiftMs = 0) {
  const occurrence = start(index);
  const at = new Date(Date.parse(occurrence) + shiftMs).toISOString();
  return meetingScheduled({
    calendar: 'calendar:bench',
    uid,
    occurrence,
    start: at,
    end: at,
    allDay: false,
    summary,
    organizer: { email: 'lena@example.com' },
    attendees: [{ email: 'tom@example.com' }],
    recurring: true,
  });
}

/** Wall and CPU (every thread of the process: Kùzu's too) ms of one timed stretch. */
interface Cost {
  ms: number;
  cpuMs: number;
}

function timer(): () => Cost {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - wall, cpuMs: (used.user + used.system) / 1000 };
  };
}

async function rowByRow(): Promise<Cost> {
  const dir = mkdtempSync(join(tmpdir(), 'outro-bench-meetings-'));
  const graph = await KuzuGraphStore.open(join(dir, 'graph'), { loadMin: Number.POSITIVE_INFINITY });
  try {
    const stop = timer();
    for (let at = 0; at < total; at += 199) {
      const meetings = Array.from({ length: Math.min(199, total - at) }, (_, i) => meeting(at + i));
      await graph.write({ records: { meeting: meetings }, slots: [], cursor: at + meetings.length });
    }
    const cost = stop();
    report('row by row (MERGE, writes of 199)', cost, (await graph.counts()).meetings);
    return cost;
  } finally {
    await graph.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function projectionRun(): Promise<Cost> {
  const dir = mkdtempSync(join(tmpdir(), 'outro-bench-meetings-'));
  const db = openFactDatabase(join(dir, 'outro.db'));
  const log = new EventLog(db);
  const agent = new GraphProjectorAgent(() => KuzuGraphStore.open(join(dir, 'graph')));
  const context: AgentContext = {
    db,
    log,
    now: () => new Date(),
    signal: new AbortController().signal,
    step: async (_name, fn) => fn(new AbortController().signal),
  };
  /** Appends the events, then times their deliveries to the agent (the projection run alone). */
  const deliver = async (envelopes: readonly EventEnvelope[]): Promise<Cost> => {
    const after = log.lastSeq();
    log.appendAll(envelopes);
    const consumed = log.read({ afterSeq: after }).filter((event) => agent.consumes.includes(event.type));
    const stop = timer();
    for (let at = 0; at < consumed.length; at += DELIVERY)
      await agent.handle(consumed.slice(at, at + DELIVERY), context);
    return stop();
  };
  try {
    // An earlier ingest: the graph exists and has a cursor, so the series is projected incrementally.
    await deliver(Array.from({ length: 10 }, (_, i) => scheduled('earlier', i, 'Earlier')));
    const cost = await deliver(Array.from({ length: total }, (_, i) => scheduled('tick', i, 'Tick')));
    const moved = await deliver(
      Array.from({ length: total }, (_, i) => scheduled('tick', i, 'Tick (moved)', 60_000)),
    );
    await agent.close();
    const graph = await KuzuGraphStore.open(join(dir, 'graph'));
    const meetings = (await graph.counts()).meetings;
    const rewritten = (await graph.meetings({})).filter((m) => m.title === 'Tick (moved)').length;
    await graph.close();
    report(`projection run (deliveries of ${DELIVERY}), new series`, cost, meetings - 10);
    report(`projection run, series moved (${rewritten} rewritten)`, moved, rewritten);
    return cost;
  } finally {
    await agent.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function report(label: string, cost: Cost, meetings: number): void {
  console.log(
    `${label}: ${total} meetings in ${(cost.ms / 1000).toFixed(2)} s (${Math.round(total / (cost.ms / 1000))}/s, CPU ${(cost.cpuMs / 1000).toFixed(2)} s), graph holds ${meetings}`,
  );
}

// On a shared machine the wall ratio swings with the load (COPY's threads wait for a core); the
// CPU ratio (all the process's threads) is the steadier figure.
const merge = await rowByRow();
const run = await projectionRun();
console.log(
  `projection run is ${(merge.ms / run.ms).toFixed(1)}x faster than row by row (wall), ${(merge.cpuMs / run.cpuMs).toFixed(1)}x (CPU)`,
);
