import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/memory/migrations/index.js';
import { openDatabase } from '../../src/memory/sqlite.js';
import { makeTempDir } from '../../src/test-support/temp-dir.js';
import { compileWorker } from '../compiled-workers.js';

/**
 * Crash tests with real child processes (issue 3 "Proof"): a worker ingests and runs agents and a
 * workflow on a SQLite file; it is SIGKILLed at seeded random moments, restarted, and the store it
 * leaves must equal a clean run's: 0 events lost, 0 duplicated, read models exact.
 */
/** worker.ts and what it imports, compiled once here: plain node starts it in half the CPU tsx takes. */
let WORKER = '';
const TRIALS = Number(process.env.OUTRO_CRASH_TRIALS ?? 20);

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Started {
  child: ChildProcess;
  ready: Promise<number>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function start(db: string, bodies: string): Started {
  const child = spawn(process.execPath, [WORKER, db, bodies], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let onReady: (at: number) => void = () => {};
  const ready = new Promise<number>((resolve) => (onReady = resolve));
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('ready')) onReady(Date.now());
  });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolve) =>
    child.on('exit', (code, signal) => {
      onReady(Date.now());
      resolve({ code, signal, stdout, stderr });
    }),
  );
  return { child, ready, exit };
}

async function runToEnd(db: string, bodies: string): Promise<number> {
  const started = start(db, bodies);
  const readyAt = await started.ready;
  const result = await started.exit;
  expect(result.stderr).toBe('');
  expect(result.code, result.stderr).toBe(0);
  expect(result.stdout).toContain('done');
  return Date.now() - readyAt;
}

/** Everything a clean run leaves that must not depend on crashes or batch boundaries. */
function snapshot(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const events = db.prepare('SELECT id, type, stream, payload FROM events ORDER BY id').all();
    const ids = db.prepare('SELECT count(*) AS n, count(DISTINCT id) AS d FROM events').get() as {
      n: number;
      d: number;
    };
    const tags = db.prepare('SELECT stream, n FROM crash_tag_counts ORDER BY stream').all();
    const channels = db.prepare('SELECT stream, messages FROM read_channel_counts ORDER BY stream').all();
    const runs = db
      .prepare("SELECT status, count(*) AS n FROM workflow_runs WHERE status <> 'completed' GROUP BY status")
      .all();
    const cursors = db
      .prepare(
        'SELECT consumer, position, (SELECT max(seq) FROM events) AS last FROM bus_cursors ORDER BY consumer',
      )
      .all() as {
      consumer: string;
      position: number;
      last: number;
    }[];
    const letters = db.prepare('SELECT count(*) AS n FROM bus_dead_letters').get() as { n: number };
    return {
      events,
      ids,
      tags,
      channels,
      runs,
      cursorsBehind: cursors.filter((c) => c.position > c.last).length,
      consumers: cursors.length,
      deadLetters: letters.n,
    };
  } finally {
    db.close();
  }
}

function bodyCounts(file: string): Map<string, number> {
  const counts = new Map<string, number>();
  if (!existsSync(file)) return counts;
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean))
    counts.set(line, (counts.get(line) ?? 0) + 1);
  return counts;
}

describe('crash safety (real processes, SIGKILL)', () => {
  const temp = makeTempDir('outro-crash-');
  afterAll(() => temp.cleanup());
  let clean: ReturnType<typeof snapshot>;
  let workMs = 1_000;

  beforeAll(async () => {
    WORKER = compileWorker('test/crash/worker.ts');
    const db = join(temp.dir, 'clean.db');
    workMs = await runToEnd(db, join(temp.dir, 'clean.bodies'));
    clean = snapshot(db);
  }, 120_000);

  it('a clean run produces the reference store', () => {
    expect(clean.ids.n).toBe(1201);
    expect(clean.ids.d).toBe(clean.ids.n);
    expect(clean.tags).toEqual([0, 1, 2, 3].map((i) => ({ stream: `chan-${i}`, n: 150 })));
    expect(clean.runs).toEqual([]);
    expect(clean.deadLetters).toBe(0);
    expect(clean.consumers).toBe(3);
  });

  it(`after ${TRIALS} seeded trials of SIGKILL and restart, the store equals the clean run's`, async () => {
    expect(clean).toBeDefined();
    for (let trial = 0; trial < TRIALS; trial++) {
      const random = mulberry32(1_000 + trial);
      const db = join(temp.dir, `trial-${trial}.db`);
      const bodies = join(temp.dir, `trial-${trial}.bodies`);
      const kills = 1 + Math.floor(random() * 3);
      let killed = 0;
      for (let k = 0; k < kills; k++) {
        const worker = start(db, bodies);
        await worker.ready;
        await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * workMs * 1.1)));
        const wasRunning = worker.child.exitCode === null;
        worker.child.kill('SIGKILL');
        const result = await worker.exit;
        if (wasRunning && result.signal === 'SIGKILL') killed++;
        else expect(result.code, result.stderr).toBe(0);
      }
      await runToEnd(db, bodies);
      const after = snapshot(db);
      expect({ trial, ...after }).toEqual({ trial, ...clean });
      // Step bodies are at-least-once: each ran, and at most once per process that reached it.
      const counts = bodyCounts(bodies);
      for (const step of ['summary:count', 'summary:wait', 'summary:emit'])
        expect(counts.get(step), `${step} in trial ${trial}`).toBeGreaterThanOrEqual(1);
      for (const [step, n] of counts) expect(n, `${step} in trial ${trial}`).toBeLessThanOrEqual(1 + killed);
    }
  }, 600_000);

  it('two processes working on one store at once leave it equal to the clean run', async () => {
    const db = join(temp.dir, 'concurrent.db');
    const bodies = join(temp.dir, 'concurrent.bodies');
    // Create the store first: two processes migrating one new file at once is openDatabase's
    // concern (it reads user_version outside the migration transaction), not the engine's.
    openDatabase(db, { migrations: MIGRATIONS.filter((migration) => migration.version <= 5) }).close();
    const a = start(db, bodies);
    const b = start(db, bodies);
    const [ra, rb] = await Promise.all([a.exit, b.exit]);
    expect(ra.stderr + rb.stderr).toBe('');
    expect([ra.code, rb.code]).toEqual([0, 0]);
    expect(snapshot(db)).toEqual(clean);
  }, 120_000);
});
