import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { channelCounts } from '../../agents/channel-counts/channel-counts-agent.js';
import { isOutroError } from '../../domain/errors.js';
import { EVENT, makeEvent } from '../../domain/events.js';
import { SqliteBus } from '../../memory/bus/sqlite-bus.js';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { createContext, loadContextModules, type CliContext } from '../context.js';
import { registerRetry } from './retry.js';
import { registerRuns } from './runs.js';
import { registerStatus } from './status.js';

const posted = (i: number) =>
  makeEvent({
    id: `m${i}`,
    type: EVENT.messagePosted,
    stream: `slack:T:C${i % 2}`,
    occurredAt: '2026-11-25T09:00:00.000Z',
    payload: { i },
  });

describe('outro runs / retry / status (workflow health)', () => {
  let cleanup = () => {};
  let ctx: CliContext;
  let out = '';
  beforeAll(() => loadContextModules());
  afterEach(() => {
    ctx?.close();
    cleanup();
  });
  const setup = () => {
    const temp = makeTempDir('outro-runs-cli-');
    cleanup = temp.cleanup;
    const stdout = new PassThrough();
    out = '';
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    ctx = createContext({ env: { OUTRO_HOME: temp.dir }, stdout, stderr: new PassThrough() });
    return ctx.store();
  };
  const cli = async (...args: string[]): Promise<string> => {
    out = '';
    const program = new Command().exitOverride();
    registerRuns(program, () => ctx);
    registerRetry(program, () => ctx);
    registerStatus(program, () => ctx);
    await program.parseAsync(args, { from: 'user' });
    return out;
  };

  it('lists dead letters in status, retries them with the agents, and lists the runs that did it', async () => {
    const store = setup();
    store.log.appendAll([posted(1), posted(2), posted(3)]);
    // The projector failed on the first event once too often (a bug since fixed).
    const bus = new SqliteBus(store.db, store.log, { maxAttempts: 1 });
    const subscription = bus.subscribe('channel-counts', [EVENT.messagePosted]);
    const first = await subscription.fetch(1);
    if (first.kind !== 'batch') throw new Error('expected a batch');
    await subscription.nack(first.batch, new Error('projector bug'));

    const status = JSON.parse(await cli('status', '--json')) as {
      workflows: {
        deadLetters: { id: number; eventId: string; error: string }[];
        consumers: { consumer: string; pending: number }[];
      };
    };
    expect(status.workflows.deadLetters).toMatchObject([{ eventId: 'm1', error: 'projector bug' }]);
    expect(status.workflows.consumers).toEqual([
      { consumer: 'channel-counts', position: 1, pending: 2, deadLetters: 1 },
    ]);
    expect(await cli('status')).toContain('Fix the cause, then: outro retry --all');

    const retried = JSON.parse(await cli('retry', '--all', '--json')) as {
      deadLetters: number;
      agents: { agents: Record<string, { events: number }> };
    };
    expect(retried.deadLetters).toBe(1);
    expect(retried.agents.agents['channel-counts'].events).toBe(3);
    expect(channelCounts(store.db)).toEqual([
      { stream: 'slack:T:C1', messages: 2 },
      { stream: 'slack:T:C0', messages: 1 },
    ]);
    const after = JSON.parse(await cli('status', '--json')) as { workflows: { deadLetters: unknown[] } };
    expect(after.workflows.deadLetters).toEqual([]);

    // Other agents (conversations …) run too; the projector's two deliveries are the redelivered dead letter and the rest.
    const all = JSON.parse(await cli('runs', '--json', '--limit', '100')) as {
      id: string;
      workflow: string;
      status: string;
      steps: number;
    }[];
    const runs = all.filter((run) => run.workflow === 'agent:channel-counts');
    expect(runs.map((run) => [run.status, run.steps])).toEqual([
      ['completed', 1],
      ['completed', 1],
    ]);
    expect(await cli('runs', runs[0].id.slice(0, 12))).toContain('#0 commit');
    expect(JSON.parse(await cli('runs', '--status', 'dead', '--json'))).toEqual([]);
  });

  it('explains bad arguments', async () => {
    setup();
    await expect(cli('runs', '--status', 'sleeping')).rejects.toSatisfy((error: unknown) =>
      isOutroError(error, 'USAGE'),
    );
    await expect(cli('retry')).rejects.toSatisfy((error: unknown) => isOutroError(error, 'USAGE'));
    await expect(cli('retry', '7')).rejects.toSatisfy((error: unknown) => isOutroError(error, 'NOT_FOUND'));
    await expect(cli('retry', 'run_nope')).rejects.toSatisfy((error: unknown) =>
      isOutroError(error, 'NOT_FOUND'),
    );
    expect(await cli('runs')).toContain('No workflow runs yet');
  });
});
