import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve('bin/outro');
const USAGE = resolve('test/hostile/support/report-usage.mjs');

export interface OutroRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time of the child, from its own clock (ms). */
  ms: number;
  /** Its peak resident memory (MB). */
  maxRssMb: number;
}

/**
 * Runs the built CLI (bin/outro → dist/) in a child process with `home` as $OUTRO_HOME and $HOME,
 * umask 022 (a shared machine's default), and reports its time and peak memory.
 */
export function outro(
  home: string,
  args: string[],
  options: { timeoutMs?: number; env?: Record<string, string>; cwd?: string } = {},
): OutroRun {
  const usageFile = join(home, '..', `usage-${process.pid}-${Date.now()}.json`);
  // Through a shell that sets umask 022, a shared machine's default: outro must make its files private itself.
  const result = spawnSync(
    '/bin/sh',
    ['-c', 'umask 022 && exec "$0" "$@"', process.execPath, '--import', USAGE, BIN, ...args],
    {
      encoding: 'utf8',
      cwd: options.cwd,
      timeout: options.timeoutMs ?? 120_000,
      maxBuffer: 64 * 1024 * 1024,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home,
        OUTRO_HOME: home,
        OUTRO_NOW: '2026-03-01T12:00:00Z',
        OUTRO_USAGE_FILE: usageFile,
        ...options.env,
      },
    },
  );
  let usage = { ms: Number.NaN, maxRssKiB: Number.NaN };
  if (existsSync(usageFile)) {
    usage = JSON.parse(readFileSync(usageFile, 'utf8')) as typeof usage;
    rmSync(usageFile);
  }
  return {
    status: result.status,
    signal: result.signal,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    ms: usage.ms,
    maxRssMb: usage.maxRssKiB / 1024,
  };
}

/** A scratch folder holding `home` (outro's) and `work` (the inputs), removed by `cleanup`. */
export function scratch(): { root: string; home: string; work: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), 'outro-hostile-'));
  const home = join(root, 'home');
  const work = join(root, 'work');
  spawnSync('mkdir', ['-p', home, work]);
  return { root, home, work, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Every file and folder under `dir` (relative paths), to check nothing was written outside $OUTRO_HOME. */
export function tree(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string, prefix: string): void => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      out.push(prefix + name);
      if (lstatSync(path).isDirectory()) walk(path, `${prefix}${name}/`);
    }
  };
  walk(dir, '');
  return out.sort();
}

/** With HOSTILE_REPORT=1, prints what a run took (to record the measured numbers the ceilings derive from). */
export function report(name: string, run: OutroRun): void {
  if (process.env.HOSTILE_REPORT)
    console.info(
      `[hostile] ${name}: exit ${run.status}, ${(run.ms / 1000).toFixed(1)} s, ${run.maxRssMb.toFixed(0)} MB`,
    );
}
