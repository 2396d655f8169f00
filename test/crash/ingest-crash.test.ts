import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../src/test-support/temp-dir.js';

/**
 * The real `outro ingest` (connectors, ingest, every registered agent) SIGKILLed at seeded random
 * moments and run again: the event log and every SQLite read model must equal a clean run's.
 */
/** The built CLI (bin/outro → dist/; the vitest globalSetup rebuilds dist/ when src/ is newer). */
const BIN = resolve('bin/outro');
const INPUTS = ['slack', 'discord', 'teams', 'calendar.ics'].map((name) =>
  resolve('fixtures/workspace', name),
);
const TRIALS = Number(process.env.OUTRO_CRASH_INGEST_TRIALS ?? 6);
/** Bookkeeping whose rows carry run ids and times; compared through their effects instead. */
const BOOKKEEPING = /^(sqlite_|workflow_|bus_|ingest_|stage_cache|trace_|eval_)/;

/** Changes whenever the built code does (path, size, mtime of everything under dist/). */
function codeStamp(): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(dir, entry.name);
      // .test-workers/: what other crash tests compile for themselves, not the CLI.
      if (entry.isDirectory()) {
        if (entry.name !== '.test-workers') walk(path);
      } else if (entry.name.endsWith('.js')) {
        const stat = statSync(path);
        hash.update(`${path}:${stat.size}:${stat.mtimeMs}\n`);
      }
    }
  };
  walk(resolve('dist'));
  return hash.digest('hex');
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Resolves once the store at `home` holds a workflow run (the agents have started), or after `limitMs`. */
async function agentsStarted(home: string, limitMs: number): Promise<void> {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    try {
      const db = new Database(join(home, 'outro.db'), { readonly: true, fileMustExist: true });
      try {
        if ((db.prepare('SELECT count(*) AS n FROM workflow_runs').get() as { n: number }).n > 0) return;
      } finally {
        db.close();
      }
    } catch {
      // not created or migrated yet
    }
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

function ingest(
  home: string,
  killAfterMs?: number | (() => Promise<void>),
): Promise<{ code: number | null; signal: NodeJS.Signals | null; out: string; ms: number }> {
  const started = Date.now();
  const child = spawn(process.execPath, [BIN, 'ingest', ...INPUTS], {
    env: { PATH: process.env.PATH, HOME: home, OUTRO_HOME: home, OUTRO_NOW: '2026-11-20T12:00:00Z' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const timer =
    typeof killAfterMs === 'number' ? setTimeout(() => child.kill('SIGKILL'), killAfterMs) : undefined;
  if (typeof killAfterMs === 'function') void killAfterMs().then(() => child.kill('SIGKILL'));
  return new Promise((done) =>
    child.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      done({ code, signal, out, ms: Date.now() - started });
    }),
  );
}

/** The log (without seqs and times) and every non-bookkeeping table, with seq columns dropped, as sorted rows. */
function snapshot(home: string): Record<string, string[]> {
  const db = new Database(join(home, 'outro.db'), { readonly: true });
  try {
    const out: Record<string, string[]> = {};
    out.events = (
      db.prepare('SELECT id, type, stream, occurred_at, causation_id, payload FROM events').all() as object[]
    )
      .map((row) => JSON.stringify(row))
      .sort();
    const ids = db.prepare('SELECT count(*) AS n, count(DISTINCT id) AS d FROM events').get() as {
      n: number;
      d: number;
    };
    out.unique = [String(ids.n === ids.d)];
    // A full-text table's segments (`_data`, `_idx`) depend on how its writes were batched and
    // re-applied, not on what it holds: its rows (`_docsize`, `_content`) are compared instead.
    const segments = new Set(
      (
        db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%USING fts5%'")
          .all() as { name: string }[]
      ).flatMap(({ name }) => [`${name}_data`, `${name}_idx`]),
    );
    for (const { name } of db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'events'")
      .all() as { name: string }[]) {
      if (BOOKKEEPING.test(name) || segments.has(name)) continue;
      out[name] = (db.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[])
        .map((row) =>
          JSON.stringify(
            Object.fromEntries(Object.entries(row).filter(([column]) => !/(^|_)seq$/.test(column))),
          ),
        )
        .sort();
    }
    const unfinished = db
      .prepare("SELECT count(*) AS n FROM workflow_runs WHERE status <> 'completed'")
      .get() as { n: number };
    const letters = db.prepare('SELECT count(*) AS n FROM bus_dead_letters').get() as { n: number };
    out.health = [`unfinished=${unfinished.n}`, `deadLetters=${letters.n}`];
    return out;
  } finally {
    db.close();
  }
}

describe('crash safety of `outro ingest` with its agents (real CLI processes, SIGKILL)', () => {
  const temp = makeTempDir('outro-ingest-crash-');
  afterAll(() => temp.cleanup());
  let clean: Record<string, string[]>;
  let cleanMs = 3_000;
  let stamp = '';

  beforeAll(async () => {
    stamp = codeStamp();
    const home = join(temp.dir, 'clean');
    const result = await ingest(home);
    expect(result.code, result.out).toBe(0);
    cleanMs = result.ms;
    clean = snapshot(home);
  }, 120_000);

  it('a clean ingest runs the agents to the end', () => {
    expect(clean.unique).toEqual(['true']);
    expect(clean.events.length).toBeGreaterThan(600);
    expect(clean.read_channel_counts.length).toBeGreaterThan(3);
    expect(clean.health).toEqual(['unfinished=0', 'deadLetters=0']);
  });

  it(`after ${TRIALS} seeded SIGKILLs during ingest and agents, a second ingest leaves the clean store`, async () => {
    let compared = 0;
    for (let trial = 0; trial < TRIALS; trial++) {
      const random = mulberry32(7_000 + trial);
      const home = join(temp.dir, `trial-${trial}`);
      // Even trials die at a random moment of the whole command; odd ones while the agents run.
      const delay = Math.floor(random() * cleanMs);
      const killed = await ingest(
        home,
        trial % 2 === 0
          ? 300 + delay
          : () => agentsStarted(home, 30_000).then(() => new Promise((r) => setTimeout(r, delay / 3))),
      );
      if (killed.signal !== 'SIGKILL') expect(killed.code, killed.out).toBe(0);
      const again = await ingest(home);
      expect(again.code, `trial ${trial}: ${again.out}`).toBe(0);
      const after = snapshot(home);
      if (codeStamp() !== stamp) {
        // dist/ was rebuilt under this trial (other work goes on in this tree): its processes ran
        // different code, so there is nothing to compare. Re-take the reference from the code as it is now.
        console.warn(`ingest crash trial ${trial}: dist/ changed during the trial; not compared`);
        const fresh = join(temp.dir, `clean-${trial}`);
        stamp = codeStamp();
        const reference = await ingest(fresh);
        expect(reference.code, reference.out).toBe(0);
        clean = snapshot(fresh);
        continue;
      }
      compared++;
      expect({ trial, ...after }).toEqual({ trial, ...clean });
    }
    expect(compared, 'every trial ran while dist/ was being rebuilt').toBeGreaterThan(0);
  }, 600_000);
});
