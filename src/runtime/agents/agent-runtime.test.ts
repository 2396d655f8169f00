import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { EVENT, makeEvent, type EventEnvelope, type StoredEvent } from '../../domain/events.js';
import { EventLog } from '../../memory/event-log.js';
import { MIGRATIONS } from '../../memory/migrations/index.js';
import { openDatabase, type SqliteDatabase } from '../../memory/sqlite.js';
import { makeTempDir } from '../../test-support/temp-dir.js';
import type { Agent, AgentContext } from './agent.js';
import { AgentRuntime } from './agent-runtime.js';
import { ChannelCountsAgent, channelCounts } from '../../agents/channel-counts/channel-counts-agent.js';
import { deliveryInput, deliveryKey } from './delivery-workflow.js';

const posted = (i: number, stream = `slack:T1:C${i % 3}`) =>
  makeEvent({
    id: `m${i}`,
    type: EVENT.messagePosted,
    stream,
    occurredAt: '2026-11-25T09:00:00.000Z',
    payload: { i },
  });

/** Tags every message (deterministic ids); throws on the messages listed in `poison`. */
class Tagger implements Agent {
  readonly name = 'tagger';
  readonly version = '1';
  readonly consumes = [EVENT.messagePosted];
  readonly produces = ['test.tagged'];
  calls = 0;
  constructor(readonly poison = new Set<string>()) {}
  async handle(batch: readonly StoredEvent[], ctx: AgentContext): Promise<EventEnvelope[]> {
    this.calls++;
    return ctx.step('tag', () => {
      for (const event of batch) if (this.poison.has(event.id)) throw new Error(`cannot tag ${event.id}`);
      return batch.map((event) =>
        makeEvent({
          id: `tag:${event.id}`,
          type: 'test.tagged',
          stream: event.stream,
          occurredAt: event.occurredAt,
          causationId: event.id,
          payload: { of: event.id },
        }),
      );
    });
  }
}

/** Counts tags in its own table, written with the cursor (no idempotency guard: exactly-once must come from the runtime). */
class TagCounter implements Agent {
  readonly name = 'tag-counter';
  readonly version = '1';
  readonly consumes = ['test.tagged'];
  readonly produces = [];
  async handle(batch: readonly StoredEvent[], ctx: AgentContext): Promise<EventEnvelope[]> {
    ctx.onCommit?.((db) => {
      db.prepare('CREATE TABLE IF NOT EXISTS tag_counts (n INTEGER)').run();
      db.prepare('INSERT INTO tag_counts (n) VALUES (?)').run(batch.length);
    });
    return [];
  }
}

describe('AgentRuntime', () => {
  let cleanup = () => {};
  let db: SqliteDatabase;
  afterEach(() => {
    db?.close();
    cleanup();
  });
  const open = () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    db = openDatabase(join(temp.dir, 'outro.db'), {
      migrations: MIGRATIONS.filter((migration) => migration.version <= 5),
    });
    return new EventLog(db);
  };
  const tagTotal = () =>
    (db.prepare('SELECT coalesce(sum(n), 0) AS n FROM tag_counts').get() as { n: number }).n;

  it('runs chained agents until the bus is drained, appending produced events once', async () => {
    const log = open();
    log.appendAll(Array.from({ length: 25 }, (_, i) => posted(i)));
    const runtime = new AgentRuntime({
      db,
      log,
      agents: [new TagCounter(), new Tagger(), new ChannelCountsAgent()],
      batchSize: 10,
    });
    const summary = await runtime.runUntilDrained();
    expect(summary.produced).toBe(25);
    expect(summary.agents.tagger).toMatchObject({ batches: 3, events: 25, produced: 25, failures: 0 });
    expect(summary.agents['tag-counter'].events).toBe(25);
    expect(log.count('test.tagged')).toBe(25);
    expect(tagTotal()).toBe(25);
    expect(channelCounts(db)).toEqual([
      { stream: 'slack:T1:C0', messages: 9 },
      { stream: 'slack:T1:C1', messages: 8 },
      { stream: 'slack:T1:C2', messages: 8 },
    ]);
    expect(runtime.pending()).toEqual({ 'tag-counter': 0, tagger: 0, 'channel-counts': 0 });
    const again = await runtime.runUntilDrained();
    expect(again.batches).toBe(0);
    log.appendAll([posted(100)]);
    await runtime.runUntilDrained();
    expect(tagTotal()).toBe(26);
    expect(runtime.engine.runs.counts()).toMatchObject({ pending: 0, running: 0, failed: 0, dead: 0 });
  });

  it('hands the agent the batch it fetched instead of reading the log for it again', async () => {
    const log = open();
    log.appendAll(Array.from({ length: 25 }, (_, i) => posted(i)));
    const prepare = db.prepare.bind(db);
    let logReads = 0;
    db.prepare = ((sql: string) => {
      if (sql.startsWith('SELECT * FROM events WHERE seq >')) logReads++;
      return prepare(sql);
    }) as typeof db.prepare;
    const tagger = new Tagger();
    const summary = await new AgentRuntime({ db, log, agents: [tagger], batchSize: 10 }).runUntilDrained();
    expect(summary.agents.tagger).toMatchObject({ batches: 3, events: 25, produced: 25 });
    // One read per fetch: three batches, then one that finds nothing in each of the drain's two passes
    // (each batch read again by its run made it 8).
    expect(logReads).toBe(5);
  });

  it('delivers each agent batches of its own size unless the runtime names one for all', async () => {
    const log = open();
    log.appendAll(Array.from({ length: 25 }, (_, i) => posted(i)));
    const small = Object.assign(new Tagger(), { batchSize: 4 });
    const counter = Object.assign(new TagCounter(), { batchSize: 20 });
    const summary = await new AgentRuntime({ db, log, agents: [small, counter] }).runUntilDrained();
    expect(summary.agents.tagger).toMatchObject({ batches: 7, events: 25 });
    expect(summary.agents['tag-counter']).toMatchObject({ batches: 2, events: 25 });
    expect(tagTotal()).toBe(25);
    log.appendAll(Array.from({ length: 6 }, (_, i) => posted(200 + i)));
    const all = await new AgentRuntime({ db, log, agents: [small, counter], batchSize: 3 }).runUntilDrained();
    expect(all.agents.tagger).toMatchObject({ batches: 2, events: 6 });
    expect(all.agents['tag-counter']).toMatchObject({ batches: 2, events: 6 });
  });

  it('says when each agent that took batches has caught up, before the next agent runs', async () => {
    const log = open();
    log.appendAll(Array.from({ length: 7 }, (_, i) => posted(i)));
    const seen: string[] = [];
    const tagger = new Tagger();
    const handle = tagger.handle.bind(tagger);
    tagger.handle = (batch, ctx) => (seen.push(`tagger ${batch.length}`), handle(batch, ctx));
    const counter = new TagCounter();
    await new AgentRuntime({
      db,
      log,
      agents: [tagger, counter, new ChannelCountsAgent()],
      batchSize: 3,
      caughtUp: (agent) => seen.push(`caught up: ${agent.name}`),
    }).runUntilDrained();
    // channel-counts takes no batch in the second pass: said once, in the first.
    expect(seen).toEqual([
      'tagger 3',
      'tagger 3',
      'tagger 1',
      'caught up: tagger',
      'caught up: tag-counter',
      'caught up: channel-counts',
    ]);
  });

  it('checkpoints the WAL once, after the drain, and leaves the setting as it found it', async () => {
    const log = open();
    log.appendAll(Array.from({ length: 25 }, (_, i) => posted(i)));
    db.pragma('wal_autocheckpoint = 1');
    let during: unknown;
    class Probe extends TagCounter {
      override async handle(batch: readonly StoredEvent[], ctx: AgentContext): Promise<EventEnvelope[]> {
        during = db.pragma('wal_autocheckpoint', { simple: true });
        return super.handle(batch, ctx);
      }
    }
    await new AgentRuntime({ db, log, agents: [new Tagger(), new Probe()], batchSize: 5 }).runUntilDrained();
    expect(during).toBe(100_000);
    expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(1);
    expect(tagTotal()).toBe(25);
  });

  it('isolates and dead-letters a poison event while its neighbours go through, and retries it on demand', async () => {
    const log = open();
    log.appendAll(Array.from({ length: 6 }, (_, i) => posted(i)));
    const tagger = new Tagger(new Set(['m3']));
    const runtime = new AgentRuntime({
      db,
      log,
      agents: [tagger, new TagCounter()],
      bus: { maxAttempts: 3, backoff: { initialMs: 1 } },
    });
    const summary = await runtime.runUntilDrained();
    expect(summary.agents.tagger.deadLettered).toBe(1);
    expect(log.count('test.tagged')).toBe(5);
    expect(tagTotal()).toBe(5);
    const letters = runtime.bus.deadLettersSync();
    expect(letters).toMatchObject([{ consumer: 'tagger', eventId: 'm3', attempts: 3, status: 'dead' }]);
    expect(letters[0].error).toContain('cannot tag m3');
    tagger.poison.clear();
    expect(await runtime.bus.retry('all')).toBe(1);
    await runtime.runUntilDrained();
    expect(runtime.bus.deadLettersSync()).toEqual([]);
    expect(log.count('test.tagged')).toBe(6);
    expect(tagTotal()).toBe(6);
  });

  it('finishes a delivery left unfinished by a dead process without redoing its checkpointed steps', async () => {
    const log = open();
    log.appendAll([posted(1), posted(2)]);
    const tagger = new Tagger();
    const first = new AgentRuntime({ db, log, agents: [tagger], engine: { owner: 'h:1:x' } });
    // A process that claimed the delivery and checkpointed the agent's step, then died before the commit step.
    const fetched = await first.bus.subscribe('tagger', tagger.consumes).fetch(500);
    if (fetched.kind !== 'batch') throw new Error('expected a batch');
    const { runId } = first.engine.start('agent:tagger', deliveryInput(fetched.batch), {
      idempotencyKey: deliveryKey(tagger, fetched.batch),
    });
    db.prepare(
      "UPDATE workflow_runs SET status = 'running', lease_owner = 'h:1:x', lease_expires_at = 0 WHERE id = ?",
    ).run(runId);
    db.prepare(
      "INSERT INTO workflow_steps (run_id, step_seq, name, status, output, attempts, started_at, finished_at, duration_ms) VALUES (?, 0, 'tagger/tag', 'completed', ?, 1, '', '', 0)",
    ).run(
      runId,
      JSON.stringify(
        [posted(1), posted(2)].map((e) =>
          makeEvent({
            id: `tag:${e.id}`,
            type: 'test.tagged',
            stream: e.stream,
            occurredAt: e.occurredAt,
            payload: { recorded: true },
          }),
        ),
      ),
    );
    const second = new AgentRuntime({ db, log, agents: [tagger] });
    await second.runUntilDrained();
    expect(tagger.calls).toBe(1);
    expect(log.read({ types: ['test.tagged'] }).map((e) => e.payload)).toEqual([
      { recorded: true },
      { recorded: true },
    ]);
    expect(second.engine.runs.get(runId)).toMatchObject({ status: 'completed', recoveries: 1 });
  });
});
