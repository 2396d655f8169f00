import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { DaemonStatus } from '../../src/daemon/daemon-status.js';

/**
 * The built CLI, run the way a user's shell runs it (a separate process, bin/outro → dist/; the
 * vitest globalSetup rebuilds dist/ when src/ is newer). `daemon start` re-runs the same binary.
 */
const BIN = resolve('bin/outro');
const ROOT = resolve('.');

export interface Home {
  dir: string;
  env: NodeJS.ProcessEnv;
  socket: string;
  pidFile: string;
  cleanup(): void;
}

/** A temp OUTRO_HOME (short, so the socket path stays under the Unix limit) with optional config. */
export function makeHome(config = '', extraEnv: NodeJS.ProcessEnv = {}): Home {
  const dir = mkdtempSync(join(tmpdir(), 'od-'));
  if (config) writeFileSync(join(dir, 'config.yaml'), config);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: dir,
    OUTRO_HOME: dir,
    OUTRO_DAEMON_TICK_MS: '200',
    OUTRO_DAEMON_DEBOUNCE_MS: '200',
    OUTRO_DAEMON_STABLE_MS: '300',
    ...extraEnv,
  };
  return {
    dir,
    env,
    socket: join(dir, 'run', 'outro.sock'),
    pidFile: join(dir, 'run', 'outro-daemon.pid'),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function cli(home: Home, args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...home.env, ...env },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `outro daemon run` as a child this test controls (to SIGKILL it, for example). */
export function spawnDaemon(home: Home): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, [BIN, 'daemon', 'run'], {
    cwd: ROOT,
    env: home.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return Object.assign(child, { output: () => output });
}

export async function waitFor<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ''}`);
}

/** `outro daemon status --json`: the full status while running, {running: false} otherwise. */
export function daemonStatus(home: Home): DaemonStatus | { running: false; pid?: undefined } {
  const result = cli(home, ['daemon', 'status', '--json']);
  return JSON.parse(result.stdout) as DaemonStatus | { running: false };
}

/** Stops whatever daemon runs in `home` (test cleanup), ignoring errors. */
export function stopQuietly(home: Home): void {
  if (existsSync(home.pidFile)) {
    cli(home, ['daemon', 'stop', '--timeout', '20']);
    const pid = Number.parseInt(existsSync(home.pidFile) ? readFileSync(home.pidFile, 'utf8') : '', 10);
    if (Number.isInteger(pid) && pid > 0) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
}
