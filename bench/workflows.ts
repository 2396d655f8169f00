/**
 * `npx tsx bench/workflows.ts [--steps 5000] [--runs 1000] [--events 100000] [--batch 500]`:
 * times the durable workflow engine and the bus on a fresh SQLite file (WAL, synchronous=NORMAL):
 *  - steps/s of a trivial workflow: one run of N checkpointed steps, and M runs of 3 steps;
 *  - events/s through one subscriber with a no-op handler: raw bus fetch+ack, and the full agent
 *    runtime (one durable run per batch, cursor advanced in the checkpoint's transaction).
 */
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Agent } from '../src/runtime/agents/agent.js';
import { AgentRuntime } from '../src/runtime/agents/agent-runtime.js';
import { makeEvent } from '../src/domain/events.js';
import { SqliteBus } from '../src/memory/bus/sqlite-bus.js';
import { EventLog } from '../src/memory/event-log.js';
import { MIGRATIONS } from '../src/memory/migrations/index.js';
import { openDatabase } from '../src/memory/sqlite.js';
import { WorkflowEngine } from '../src/runtime/engine/engine.js';
import { makeTempDir } from '../src/test-support/temp-dir.js';

function arg(name: string, fallback: string): number {
  const at = process.argv.indexOf(`--${name}`);
  return Number(at >= 0 ? process.argv[at + 1] : fallback);
}
const STEPS = arg('steps', '5000');
const RUNS = arg('runs', '1000');
const EVENTS = arg('events', '100000');
const BATCH = arg('batch', '500');

const temp = makeTempDir('outro-bench-workflows-');
const open = (name: string) => {
  const db = openDatabase(join(temp.dir, `${name}.db`), { migrations: MIGRATIONS });
  return { db, log: new EventLog(db) };
};
const rate = (count: number, ms: number): string =>
  `${Math.round((count / ms) * 1000).toLocaleString('en-US')}/s`;
const time = async (body: () => Promise<void>): Promise<number> => {
  const start = performance.now();
  await body();
  return performance.now() - start;
};

console.log(`workflows bench: ${availableParallelism()} CPUs, node ${process.version}`);
try {
  {
    const { db, log } = open('steps');
    const engine = new WorkflowEngine({ db, log }).register('long', async (run, n: number) => {
      for (let i = 0; i < n; i++) await run.step(`step-${i}`, () => i);
    });
    const ms = await time(async () => void (await engine.run('long', STEPS)));
    console.log(`steps, one run of ${STEPS}:        ${rate(STEPS, ms)} checkpointed (${ms.toFixed(0)} ms)`);
    const short = new WorkflowEngine({ db, log }).register('short', async (run) => {
      const a = await run.step('load', () => 1);
      const b = await run.step('work', () => a + 1);
      await run.step('save', () => b);
    });
    const ms2 = await time(async () => {
      for (let i = 0; i < RUNS; i++) await short.run('short', i, { idempotencyKey: `short-${i}` });
    });
    console.log(
      `steps, ${RUNS} runs of 3 steps:     ${rate(RUNS * 3, ms2)} checkpointed, ${rate(RUNS, ms2)} runs (${ms2.toFixed(0)} ms)`,
    );
    const ms3 = await time(async () => {
      for (let i = 0; i < RUNS; i++) await short.run('short', i, { idempotencyKey: `short-${i}` });
    });
    console.log(`same runs again (idempotent):  ${rate(RUNS, ms3)} runs returned from their record`);
    db.close();
  }
  const events = Array.from({ length: EVENTS }, (_, i) =>
    makeEvent({
      id: `m${i}`,
      type: 'message.posted',
      stream: `c${i % 50}`,
      occurredAt: '2026-11-25T09:00:00.000Z',
      payload: { i, text: 'hello there' },
    }),
  );
  {
    const { db, log } = open('bus');
    log.appendAll(events);
    const bus = new SqliteBus(db, log);
    const sub = bus.subscribe('noop', ['message.posted']);
    let handled = 0;
    const ms = await time(async () => {
      for (;;) {
        const fetched = await sub.fetch(BATCH);
        if (fetched.kind !== 'batch') break;
        handled += fetched.batch.events.length;
        await sub.ack(fetched.batch);
      }
    });
    console.log(
      `bus, raw fetch+ack, batch ${BATCH}:  ${rate(handled, ms)} events (${handled} in ${ms.toFixed(0)} ms)`,
    );
    db.close();
  }
  {
    const { db, log } = open('agents');
    log.appendAll(events);
    const noop: Agent = {
      name: 'noop',
      version: '1',
      consumes: ['message.posted'],
      produces: [],
      handle: async () => [],
    };
    const runtime = new AgentRuntime({ db, log, agents: [noop], batchSize: BATCH });
    let summary = { events: 0, batches: 0 };
    const ms = await time(async () => void (summary = await runtime.runUntilDrained()));
    console.log(
      `agent runtime, no-op agent:    ${rate(summary.events, ms)} events (${summary.events} in ${summary.batches} durable runs, ${ms.toFixed(0)} ms)`,
    );
    db.close();
  }
} finally {
  temp.cleanup();
}
