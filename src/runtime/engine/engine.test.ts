import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { isOutroError } from '../../domain/errors.js';
import { makeEvent } from '../../domain/events.js';
import { EventLog } from '../../memory/event-log.js';
import { MIGRATIONS } from '../../memory/migrations/index.js';
import { openDatabase, type SqliteDatabase } from '../../memory/sqlite.js';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { WorkflowEngine, type EngineOptions } from './engine.js';
import type { StepFinishedObservation, WorkflowContext } from './types.js';

// Only the migrations this engine needs, so other in-progress migrations cannot break these tests.
const ENGINE_MIGRATIONS = MIGRATIONS.filter((migration) => migration.version <= 5);

describe('WorkflowEngine', () => {
  let cleanup = () => {};
  let db: SqliteDatabase;
  let file = '';
  afterEach(() => {
    db?.close();
    cleanup();
  });
  const open = () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    file = join(temp.dir, 'outro.db');
    db = openDatabase(file, { migrations: ENGINE_MIGRATIONS });
    return db;
  };
  const engine = (options: Partial<EngineOptions> = {}) =>
    new WorkflowEngine({ db, sleep: async () => {}, ...options });

  it('checkpoints each step once and returns recorded outputs when a run resumes', async () => {
    open();
    let clock = 1_000;
    const bodies: string[] = [];
    let crash = true;
    const flow = async (ctx: WorkflowContext) => {
      const a = await ctx.step('a', () => (bodies.push('a'), 1));
      const b = await ctx.step('b', () => {
        bodies.push('b');
        if (crash) throw new Error('process died');
        return a + 1;
      });
      return { a, b };
    };
    const first = engine({ owner: 'host-x:1:a', clock: () => clock, leaseMs: 100 }).register('flow', flow);
    const { runId } = first.start('flow', {});
    // Simulate a process that dies inside step b: claim, run step a, then leave the lease behind.
    const died = await first.execute(runId);
    expect(died.status).toBe('failed');
    first.runs.retry(runId);
    db.prepare(
      "UPDATE workflow_runs SET status = 'running', lease_owner = 'host-x:1:a', lease_expires_at = ? WHERE id = ?",
    ).run(clock + 100, runId);
    crash = false;
    clock += 500;
    const second = engine({ owner: 'host-y:2:b', clock: () => clock }).register('flow', flow);
    const result = await second.execute(runId);
    expect(result).toMatchObject({ status: 'completed', output: { a: 1, b: 2 } });
    expect(bodies).toEqual(['a', 'b', 'b']);
    expect(second.runs.steps(runId).map((s) => [s.stepSeq, s.name, s.status])).toEqual([
      [0, 'a', 'completed'],
      [1, 'b', 'completed'],
    ]);
    expect(second.runs.get(runId)?.recoveries).toBe(1);
  });

  it('retries a failing step with growing, jittered backoff and records its attempts', async () => {
    open();
    const delays: number[] = [];
    const e = engine({ sleep: async (ms) => void delays.push(ms), random: () => 0.5 }).register(
      'flaky',
      async (ctx) => {
        let calls = 0;
        return ctx.step(
          'call',
          () => {
            calls++;
            if (calls < 3) throw new Error(`try ${calls}`);
            return calls;
          },
          { attempts: 4, backoff: { initialMs: 100, factor: 2, jitter: 0.5 } },
        );
      },
    );
    const result = await e.run('flaky', null);
    expect(result).toMatchObject({ status: 'completed', output: 3 });
    expect(delays).toEqual([75, 150]);
    expect(e.runs.steps(result.runId)[0].attempts).toBe(3);
  });

  it('does not retry errors that retryOn rejects, and fails the run with the error recorded', async () => {
    open();
    let calls = 0;
    const e = engine().register('picky', async (ctx) =>
      ctx.step(
        'call',
        () => {
          calls++;
          throw new Error('bad input');
        },
        { attempts: 5, retryOn: (error) => !(error instanceof Error && error.message === 'bad input') },
      ),
    );
    const result = await e.run('picky', null);
    expect(result.status).toBe('failed');
    expect(calls).toBe(1);
    expect(e.runs.get(result.runId)?.error).toContain('bad input');
    expect(e.runs.steps(result.runId)[0]).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('aborts the step signal when its timeout passes and fails the attempt with TIMEOUT', async () => {
    open();
    let sawAbort = false;
    const e = engine().register('slow', async (ctx) =>
      ctx.step(
        'wait',
        (signal) =>
          new Promise((resolve) =>
            signal.addEventListener('abort', () => ((sawAbort = true), resolve('late'))),
          ),
        { timeoutMs: 20 },
      ),
    );
    const result = await e.run('slow', null);
    expect(result.status).toBe('failed');
    expect(sawAbort).toBe(true);
    expect(isOutroError(result.error, 'TIMEOUT')).toBe(true);
  });

  it('returns the first run for a second start with the same idempotency key', async () => {
    open();
    let bodies = 0;
    const e = engine().register('digest', async (ctx, input: { at: string }) =>
      ctx.step('write', () => (bodies++, input.at)),
    );
    const first = await e.run('digest', { at: '08:00' }, { idempotencyKey: 'digest:2026-11-25T08:00' });
    const second = await e.run('digest', { at: 'other' }, { idempotencyKey: 'digest:2026-11-25T08:00' });
    expect(second.runId).toBe(first.runId);
    expect(second.output).toBe('08:00');
    expect(bodies).toBe(1);
  });

  it('never lets two owners run one run: a held lease is busy until it expires', async () => {
    open();
    let clock = 0;
    const a = engine({ owner: 'elsewhere:1:a', clock: () => clock, leaseMs: 1_000 }).register(
      'w',
      async () => 'done',
    );
    const b = engine({ owner: 'elsewhere:2:b', clock: () => clock, leaseMs: 1_000 }).register(
      'w',
      async () => 'done',
    );
    const { runId } = a.start('w', null);
    db.prepare(
      "UPDATE workflow_runs SET status = 'running', lease_owner = 'elsewhere:1:a', lease_expires_at = 1000 WHERE id = ?",
    ).run(runId);
    clock = 999;
    expect(await b.execute(runId)).toMatchObject({ status: 'running', busy: true });
    clock = 1_001;
    expect(await b.execute(runId)).toMatchObject({ status: 'completed', output: 'done' });
  });

  it('keeps its lease by heartbeat while a long step runs, so another owner stays out', async () => {
    open();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let bodies = 0;
    const flow = async (ctx: WorkflowContext) => ctx.step('long', async () => (bodies++, await gate, 'done'));
    const a = engine({ owner: 'elsewhere:1:a', leaseMs: 150, heartbeatMs: 20 }).register('w', flow);
    const b = engine({ owner: 'elsewhere:2:b', leaseMs: 150, heartbeatMs: 20 }).register('w', flow);
    const { runId } = a.start('w', null);
    const running = a.execute(runId);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await b.execute(runId)).toMatchObject({ status: 'running', busy: true });
    release();
    expect(await running).toMatchObject({ status: 'completed', output: 'done' });
    expect(bodies).toBe(1);
  });

  it('stops and writes no checkpoint when its lease was taken over', async () => {
    open();
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const a = engine({ owner: 'elsewhere:1:a', leaseMs: 1_000, heartbeatMs: 10 }).register('w', async (ctx) =>
      ctx.step('long', async () => (await gate, 'late')),
    );
    const { runId } = a.start('w', null);
    const running = a.execute(runId);
    await new Promise((resolve) => setTimeout(resolve, 20));
    db.prepare("UPDATE workflow_runs SET lease_owner = 'elsewhere:2:b' WHERE id = ?").run(runId);
    const result = await running;
    release();
    expect(isOutroError(result.error, 'STORE_LOCKED')).toBe(true);
    expect(a.runs.steps(runId)).toEqual([]);
    expect(a.runs.get(runId)?.leaseOwner).toBe('elsewhere:2:b');
  });

  it('does not wait out the lease of a holder process on this host that no longer exists', async () => {
    open();
    const e = engine({ clock: () => 0 }).register('w', async () => 'ok');
    const { runId } = e.start('w', null);
    const gonePid = 2 ** 22 + 12_345;
    db.prepare(
      "UPDATE workflow_runs SET status = 'running', lease_owner = ?, lease_expires_at = 99999999 WHERE id = ?",
    ).run(`${e.owner.split(':')[0]}:${gonePid}:x`, runId);
    expect(await e.execute(runId)).toMatchObject({ status: 'completed' });
  });

  it('marks a run dead after more recoveries than allowed', async () => {
    open();
    let clock = 0;
    const e = engine({ owner: 'h:1:z', clock: () => clock, leaseMs: 10, maxRecoveries: 2 }).register(
      'w',
      async () => 'ok',
    );
    const { runId } = e.start('w', null);
    for (let i = 0; i < 3; i++) {
      db.prepare(
        "UPDATE workflow_runs SET status = 'running', lease_owner = 'h:9:dead', lease_expires_at = ? WHERE id = ?",
      ).run(clock + 10, runId);
      clock += 100;
      if (i < 2) {
        // A recovery that itself dies: claim, then lose the process before finishing.
        db.prepare('UPDATE workflow_runs SET recoveries = recoveries + 1 WHERE id = ?').run(runId);
      }
    }
    const result = await e.execute(runId);
    expect(result.status).toBe('dead');
    expect(e.runs.counts().dead).toBe(1);
    expect(e.runs.retry()).toEqual([runId]);
    expect(await e.execute(runId)).toMatchObject({ status: 'completed' });
  });

  it('fails a run whose replayed step name differs from its checkpoint', async () => {
    open();
    const e = engine().register('v1', async (ctx) => {
      await ctx.step('load', () => 1);
      throw new Error('stop');
    });
    const { runId } = e.start('v1', null);
    await e.execute(runId);
    e.runs.retry(runId);
    e.register('v1', async (ctx) => ctx.step('fetch', () => 2));
    const result = await e.execute(runId);
    expect(result.status).toBe('failed');
    expect(isOutroError(result.error, 'WORKFLOW_NONDETERMINISTIC')).toBe(true);
    expect(e.runs.get(runId)?.error).toMatch(/replayed step 0 as "fetch" but its checkpoint is "load"/);
  });

  it('commits the events a step produces in the same transaction as its checkpoint', async () => {
    open();
    const log = new EventLog(db);
    const event = makeEvent({
      id: 'e1',
      type: 't',
      stream: 's',
      occurredAt: '2026-11-25T00:00:00Z',
      payload: {},
    });
    let failCommit = true;
    const e = new WorkflowEngine({ db, log, sleep: async () => {} }).register('w', async (ctx) =>
      ctx.step('emit', () => 'x', {
        commit: (_out, tx) => {
          tx.log?.append(event);
          if (failCommit) throw new Error('disk full');
        },
      }),
    );
    const failed = await e.run('w', null);
    expect(failed.status).toBe('failed');
    expect(log.count()).toBe(0);
    expect(e.runs.steps(failed.runId)[0].status).toBe('failed');
    failCommit = false;
    e.runs.retry(failed.runId);
    expect((await e.execute(failed.runId)).status).toBe('completed');
    expect(log.count()).toBe(1);
    expect(e.runs.steps(failed.runId)[0].status).toBe('completed');
  });

  it('reports step starts and finishes to its observer', async () => {
    open();
    const finished: StepFinishedObservation[] = [];
    const e = engine({ observer: { stepFinished: (event) => void finished.push(event) } }).register(
      'w',
      async (ctx) => {
        let n = 0;
        await ctx.step('a', () => (++n < 2 ? Promise.reject(new Error('once')) : 1), { attempts: 2 });
      },
    );
    await e.run('w', null);
    expect(finished.map((f) => [f.stepName, f.stepSeq, f.attempt, f.status])).toEqual([
      ['a', 0, 1, 'retrying'],
      ['a', 0, 2, 'completed'],
    ]);
  });
});
