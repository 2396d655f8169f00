import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChannelCountsAgent } from '../../src/agents/channel-counts/channel-counts-agent.js';
import { ConversationsAgent } from '../../src/agents/conversations/conversations-agent.js';
import { AnnotationsAgent } from '../../src/agents/annotations/annotations-agent.js';
import { makeAppContext, type AppContext, type OpenAppContext } from '../../src/app/app-context.js';
import { loadConfig } from '../../src/app/config.js';
import { ingestAndDrain } from '../../src/app/ingest-and-drain.js';
import { resolvePaths } from '../../src/app/paths.js';
import { openStore } from '../../src/app/store.js';
import { workspaceExports } from '../../src/app/workspace-eval.js';
import { OutroError } from '../../src/domain/errors.js';
import { AgentRuntime } from '../../src/runtime/agents/agent-runtime.js';
import { makeTempDir } from '../../src/test-support/temp-dir.js';

/**
 * Annotate commits a large batch in parts (AgentContext.commitPart): a run stopped between parts
 * and resumed by a new process (a fresh agent, its knowledge read back from the log) skips the
 * parts it committed and leaves the same log, in the same order, as a run that held the batch whole.
 */
const WORKSPACE = resolve('fixtures/workspace');
const NOW = '2026-11-24T00:00:00.000Z';
const opened: OpenAppContext[] = [];
let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => (temp = makeTempDir('outro-annotate-parts-')));
afterEach(() => {
  for (const ctx of opened.splice(0)) ctx.close();
  temp.cleanup();
});

/** A store holding the workspace's messages, no agent run yet. */
async function ingested(name: string): Promise<OpenAppContext> {
  const home = join(temp.dir, name);
  const ctx = makeAppContext({
    env: {},
    paths: { ...resolvePaths({ OUTRO_HOME: home }), configFile: join(WORKSPACE, 'outro.yaml') },
    now: NOW,
    loadConfig,
    openStore,
  });
  opened.push(ctx);
  const inputs = workspaceExports(WORKSPACE).map((path) => ({ path, shown: path }));
  await ingestAndDrain(ctx, { inputs, agents: false }, { worker: 'never', traced: false });
  return ctx;
}

function runtimeFor(ctx: AppContext, annotations: AnnotationsAgent): AgentRuntime {
  const store = ctx.store();
  return new AgentRuntime({
    db: store.db,
    log: store.log,
    now: () => new Date(NOW),
    agents: [new ChannelCountsAgent(), new ConversationsAgent(), annotations],
  });
}

function eventLines(ctx: AppContext): string[] {
  return [...ctx.store().log.iterate()].map((event) =>
    JSON.stringify([event.id, event.type, event.occurredAt, event.causationId, event.payload]),
  );
}

describe('annotate in parts', { timeout: 120_000 }, () => {
  it('resumes a batch stopped between parts without losing or repeating an event', async () => {
    const timezone = 'Europe/Berlin';
    const whole = await ingested('whole');
    await runtimeFor(whole, new AnnotationsAgent({ timezone, partEvents: 1_000_000 })).runUntilDrained();
    const expected = eventLines(whole);
    expect(expected.length).toBeGreaterThan(500);

    const parted = await ingested('parted');
    await runtimeFor(parted, new AnnotationsAgent({ timezone, partEvents: 40 })).runUntilDrained();
    expect(eventLines(parted)).toEqual(expected);

    const stopped = await ingested('stopped');
    const drain = new AbortController();
    const first: number[] = [];
    const crashing = new AnnotationsAgent({
      timezone,
      partEvents: 40,
      afterPart: (part) => {
        first.push(part);
        if (part < 2) return;
        // As a SIGKILL would: the run stays pending with parts 0-2 committed, and this process stops.
        drain.abort();
        throw new OutroError('STORE_LOCKED', 'stopped between parts');
      },
    });
    await runtimeFor(stopped, crashing).runUntilDrained({ signal: drain.signal });
    expect(first).toEqual([0, 1, 2]);
    expect(eventLines(stopped).length).toBeLessThan(expected.length);

    const second: number[] = [];
    const resumed = new AnnotationsAgent({
      timezone,
      partEvents: 40,
      afterPart: (part) => second.push(part),
    });
    const summary = await runtimeFor(stopped, resumed).runUntilDrained();
    expect(summary.resumed).toBe(1);
    // Parts 0-2 were not annotated again; the rest were, once each.
    expect(second[0]).toBe(3);
    expect(second.length).toBeGreaterThan(3);
    expect(eventLines(stopped)).toEqual(expected);
  });
});
