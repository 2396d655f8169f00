/**
 * A crash-test worker: "ingests" a deterministic stream of messages in chunks, runs the agents
 * after each chunk, then runs a three-step workflow. Safe to SIGKILL anywhere and start again on
 * the same store. Usage: node --import tsx test/crash/worker.ts DB BODIES (the crash test runs
 * its compiled form, test/compiled-workers.ts)
 */
import { appendFileSync } from 'node:fs';
import { AgentRuntime } from '../../src/runtime/agents/agent-runtime.js';
import { ChannelCountsAgent } from '../../src/agents/channel-counts/channel-counts-agent.js';
import { makeEvent } from '../../src/domain/events.js';
import { EventLog } from '../../src/memory/event-log.js';
import { MIGRATIONS } from '../../src/memory/migrations/index.js';
import { openDatabase } from '../../src/memory/sqlite.js';
import { TagCounterAgent, TaggerAgent } from './crash-agents.js';

export const CHUNKS = 30;
export const PER_CHUNK = 20;

const [dbFile, bodies] = process.argv.slice(2);
const db = openDatabase(dbFile, { migrations: MIGRATIONS.filter((migration) => migration.version <= 5) });
const log = new EventLog(db, () => new Date('2026-11-25T00:00:00Z'));
const runtime = new AgentRuntime({
  db,
  log,
  agents: [new TaggerAgent(bodies), new TagCounterAgent(), new ChannelCountsAgent()],
  batchSize: 7,
  engine: { leaseMs: 2_000 },
});
runtime.engine.register('crash-summary', async (run) => {
  const counted = await run.step('count', () => {
    appendFileSync(bodies, 'summary:count\n');
    return log.count('test.tagged');
  });
  await run.step(
    'wait',
    () => new Promise((resolve) => setTimeout(() => resolve(appendFileSync(bodies, 'summary:wait\n')), 5)),
  );
  await run.step('emit', () => (appendFileSync(bodies, 'summary:emit\n'), counted), {
    commit: (n, tx) =>
      void tx.log?.append(
        makeEvent({
          id: 'summary',
          type: 'test.summary',
          stream: 'summary',
          occurredAt: '2026-11-25T00:00:00Z',
          payload: { tagged: n },
        }),
      ),
  });
  return counted;
});

process.stdout.write('ready\n');
for (let chunk = 0; chunk < CHUNKS; chunk++) {
  const events = Array.from({ length: PER_CHUNK }, (_, i) => {
    const n = chunk * PER_CHUNK + i;
    return makeEvent({
      id: `msg-${n}`,
      type: 'message.posted',
      stream: `chan-${n % 4}`,
      occurredAt: '2026-11-25T09:00:00.000Z',
      payload: { n },
    });
  });
  log.appendAll(events);
  await runtime.runUntilDrained();
}
const summary = await runtime.engine.run('crash-summary', null, { idempotencyKey: 'crash-summary' });
if (summary.status !== 'completed') throw new Error(`summary ${summary.status}: ${String(summary.error)}`);
await runtime.runUntilDrained();
db.close();
process.stdout.write('done\n');
