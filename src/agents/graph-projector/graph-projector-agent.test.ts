import { afterEach, describe, expect, it } from 'vitest';
import { EVENT } from '../../domain/events.js';
import { EventLog } from '../../memory/event-log.js';
import { openFactDatabase, openTempFactDatabase } from '../../memory/facts/test-support/fact-database.js';
import { KuzuGraphStore } from '../../memory/graph/kuzu/kuzu-graph-store.js';
import { replayFromLog } from '../../memory/graph/replay.js';
import { syntheticEvents } from '../../memory/graph/test-support/synthetic-events.js';
import type { SqliteDatabase } from '../../memory/sqlite.js';
import type { AgentContext } from '../../runtime/agents/agent.js';
import { MemoryGraphStore } from '../../memory/graph/memory-graph-store.js';
import { GraphProjectorAgent } from './graph-projector-agent.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function contextFor(db: SqliteDatabase, log: EventLog): AgentContext {
  return {
    db,
    log,
    now: () => new Date('2026-12-01T00:00:00.000Z'),
    signal: new AbortController().signal,
    step: async (_name, fn) => fn(new AbortController().signal),
  };
}

function setup() {
  const { dir, db, cleanup } = openTempFactDatabase('outro-graph-agent-');
  cleanups.push(cleanup);
  const log = new EventLog(db, () => new Date('2026-12-01T00:00:00.000Z'));
  log.appendAll(syntheticEvents(7));
  return { dir, db, log };
}

describe('GraphProjectorAgent', () => {
  it('declares what it consumes and produces nothing', () => {
    const agent = new GraphProjectorAgent(async () => {
      throw new Error('not opened');
    });
    expect(agent.produces).toEqual([]);
    expect(agent.consumes).toEqual(
      expect.arrayContaining([
        EVENT.factAsserted,
        EVENT.factRetracted,
        EVENT.decisionRecorded,
        EVENT.personLinked,
        EVENT.meetingScheduled,
        EVENT.actionItemCompleted,
        EVENT.questionAnswered,
        EVENT.entityNamed,
      ]),
    );
  });

  it('ends, after batches delivered twice and a restart, in the graph a replay builds from the log', async () => {
    const { dir, db, log } = setup();
    const graphDir = `${dir}/graph`;
    let opened = 0;
    const agent = new GraphProjectorAgent(() => (opened++, KuzuGraphStore.open(graphDir)));
    const events = log.read().filter((event) => agent.consumes.includes(event.type));
    expect(opened).toBe(0);
    const context = contextFor(db, log);
    for (let at = 0; at < events.length; at += 17) {
      const batch = events.slice(at, at + 17);
      expect(await agent.handle(batch, context)).toEqual([]);
      if (at % 34 === 0) await agent.handle(batch, context); // at-least-once delivery
      if (at === 51) await agent.close(); // a restart: the graph is opened again lazily
    }
    expect(opened).toBe(2);
    await agent.close();

    const incremental = await KuzuGraphStore.open(graphDir);
    const projected = await incremental.dump();
    await incremental.close();

    const fresh = await KuzuGraphStore.open(`${dir}/replayed`);
    cleanups.push(() => fresh.close());
    const report = await replayFromLog(db, fresh);
    expect(report.assertions).toBeGreaterThan(0);
    expect(await fresh.dump()).toEqual(projected);
    expect(projected.facts.length).toBeGreaterThan(0);
  });

  it('opens the graph again on the next batch when opening failed', async () => {
    const { dir, db, log } = setup();
    let attempts = 0;
    const agent = new GraphProjectorAgent(async () => {
      attempts++;
      if (attempts === 1) throw new Error('IO exception: Could not set lock on file');
      return KuzuGraphStore.open(`${dir}/graph`);
    });
    const batch = log.read().filter((event) => agent.consumes.includes(event.type));
    await expect(agent.handle(batch, contextFor(db, log))).rejects.toThrow(/lock/);
    await agent.handle(batch, contextFor(db, log));
    expect(attempts).toBe(2);
    expect(agent.lastResult?.events).toBe(batch.length);
    await agent.close();
  });

  it('catches an empty graph up to the end of the log on its first batch, then skips what the graph reflects', async () => {
    const { db, log } = setup();
    const graph = new MemoryGraphStore();
    const agent = new GraphProjectorAgent(async () => graph);
    const events = log.read().filter((event) => agent.consumes.includes(event.type));
    const last = events[events.length - 1].seq;
    await agent.handle(events.slice(0, 5), contextFor(db, log));
    expect(await graph.cursor()).toBeGreaterThanOrEqual(last);
    expect(agent.lastResult?.events).toBe(events.length);
    await agent.handle(events.slice(5), contextFor(db, log));
    expect(agent.lastResult?.events).toBe(0);

    const replayed = new MemoryGraphStore();
    await replayFromLog(db, replayed);
    expect(await graph.dump()).toEqual(await replayed.dump());
  });

  it('catches a graph that has a cursor up to the end of the log too: one projection run for the tail (issue 16)', async () => {
    const db = openFactDatabase();
    const log = new EventLog(db, () => new Date('2026-12-01T00:00:00.000Z'));
    const events = syntheticEvents(7);
    log.appendAll(events.slice(0, 20));
    const graph = new MemoryGraphStore();
    const agent = new GraphProjectorAgent(async () => graph);
    const consumed = (after: number) =>
      log.read({ afterSeq: after }).filter((event) => agent.consumes.includes(event.type));
    await agent.handle(consumed(0), contextFor(db, log));
    const before = log.lastSeq();
    expect(await graph.cursor()).toBe(before);
    log.appendAll(events.slice(20));
    const tail = consumed(before);
    expect(tail.length).toBeGreaterThan(20);
    const writes: number[] = [];
    const write = graph.write.bind(graph);
    graph.write = async (batch) => {
      writes.push(Object.values(batch.records).reduce((sum, records) => sum + (records?.length ?? 0), 0));
      return write(batch);
    };
    await agent.handle(tail.slice(0, 10), contextFor(db, log));
    expect(await graph.cursor()).toBe(log.lastSeq());
    expect(agent.lastResult?.events).toBe(tail.length);
    const written = writes.length;
    for (let at = 10; at < tail.length; at += 10)
      await agent.handle(tail.slice(at, at + 10), contextFor(db, log));
    expect(writes.length).toBe(written);

    const replayed = new MemoryGraphStore();
    await replayFromLog(db, replayed);
    expect(await graph.dump()).toEqual(await replayed.dump());
  });
});
