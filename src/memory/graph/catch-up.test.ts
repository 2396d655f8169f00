import { describe, expect, it } from 'vitest';
import { EventLog } from '../event-log.js';
import { MemoryClaimIndex } from '../facts/claim-index.js';
import { openFactDatabase } from '../facts/test-support/fact-database.js';
import { catchUpGraph } from './catch-up.js';
import { MemoryGraphStore } from './memory-graph-store.js';
import { rebuildProjection } from './rebuild.js';
import { syntheticEvents } from './test-support/synthetic-events.js';

async function expected(log: EventLog): Promise<MemoryGraphStore> {
  const graph = new MemoryGraphStore();
  await rebuildProjection(log.read(), new MemoryClaimIndex(), graph, log.lastSeq());
  return graph;
}

describe('catchUpGraph', () => {
  it('applies only what the graph has not seen, ending where a replay ends', async () => {
    const db = openFactDatabase();
    const log = new EventLog(db);
    const events = syntheticEvents(3);
    log.appendAll(events.slice(0, 100));
    const graph = new MemoryGraphStore();
    const first = await catchUpGraph(db, graph);
    expect(first).toEqual(expect.objectContaining({ replayed: false, cursor: log.lastSeq() }));
    expect(first.events).toBeGreaterThan(0);
    log.appendAll(events.slice(100));
    const second = await catchUpGraph(db, graph);
    expect(second.events).toBe(
      log.read({ afterSeq: first.cursor }).filter((event) => event.type !== 'message.posted').length,
    );
    expect(await catchUpGraph(db, graph)).toEqual({ events: 0, replayed: false, cursor: log.lastSeq() });
    expect(await graph.dump()).toEqual(await (await expected(log)).dump());
  });

  it('applies a long tail in chunks of events, ending where a replay ends', async () => {
    const db = openFactDatabase();
    const log = new EventLog(db);
    const events = syntheticEvents(4);
    log.appendAll(events.slice(0, 10));
    const graph = new MemoryGraphStore();
    await catchUpGraph(db, graph);
    log.appendAll(events.slice(10));
    const writes: number[] = [];
    const write = graph.write.bind(graph);
    graph.write = async (batch) => {
      if (batch.cursor !== undefined) writes.push(batch.cursor);
      return write(batch);
    };
    const report = await catchUpGraph(db, graph, { chunk: 7 });
    expect(report.cursor).toBe(log.lastSeq());
    expect(writes.length).toBeGreaterThanOrEqual(Math.floor(report.events / 7));
    expect(writes).toEqual([...writes].sort((a, b) => a - b));
    expect(await graph.dump()).toEqual(await (await expected(log)).dump());
  });

  it('rebuilds an empty graph in bulk when the log holds many events', async () => {
    const db = openFactDatabase();
    const log = new EventLog(db);
    log.appendAll(syntheticEvents(5, { people: 20, components: 10, facts: 6_000 }));
    const graph = new MemoryGraphStore();
    const report = await catchUpGraph(db, graph);
    expect(report.replayed).toBe(true);
    expect(await graph.cursor()).toBe(log.lastSeq());
    expect(await graph.dump()).toEqual(await (await expected(log)).dump());
  });
});
