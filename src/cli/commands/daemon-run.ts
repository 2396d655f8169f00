// `outro daemon run|start|stop|status`, loaded only when one of them runs (daemon.ts holds the definitions).
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OutroError } from '../../domain/errors.js';
import { daemonClock } from '../../daemon/daemon-clock.js';
import { fileLogger } from '../../daemon/daemon-log.js';
import { daemonPaths } from '../../daemon/daemon-paths.js';
import type { DaemonStatus } from '../../daemon/daemon-status.js';
import { isAlive, readPid } from '../../daemon/pid-file.js';
import type { CliContext } from '../context.js';
import { control, daemonAnswers } from '../daemon-client.js';
import { formatTime, writeJson, writeLines } from '../output.js';

function seconds(value: string, flag: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0)
    throw new OutroError('USAGE', `${flag} takes a number of seconds, e.g. ${flag} 30.`);
  return parsed * 1000;
}

function envMs(env: NodeJS.ProcessEnv, key: string): number | undefined {
  const value = env[key] ? Number(env[key]) : undefined;
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : undefined;
}

export async function runForeground(ctx: CliContext, quiet: boolean): Promise<void> {
  const files = daemonPaths(ctx.paths);
  const now = daemonClock(ctx.env);
  const log = fileLogger(files.logFile, () => new Date(), quiet ? undefined : ctx.stderr);
  // Loaded only to run the daemon: it pulls in the watcher, the agents and Kùzu (~0.5 s).
  const { startDaemon } = await import('../../daemon/daemon.js');
  const running = await startDaemon({
    paths: ctx.paths,
    now,
    log,
    env: ctx.env,
    // Test seams (milliseconds); the defaults suit people.
    tickMs: envMs(ctx.env, 'OUTRO_DAEMON_TICK_MS'),
    debounceMs: envMs(ctx.env, 'OUTRO_DAEMON_DEBOUNCE_MS'),
    stableMs: envMs(ctx.env, 'OUTRO_DAEMON_STABLE_MS'),
  });
  const onSignal = (signal: NodeJS.Signals): void => {
    if (running.isStopping()) {
      // Asked again while finishing the current ingest: exit now. Every commit is its own
      // transaction, so nothing stored is lost; the next start ingests the rest.
      log('warn', `${signal} while stopping: exiting now`);
      process.exit(1);
    }
    void running.stop(signal);
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
  process.on('SIGHUP', onSignal);
  try {
    await running.stopped;
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    process.off('SIGHUP', onSignal);
  }
}

export async function startBackground(
  ctx: CliContext,
  options: { json?: boolean; timeout: string },
): Promise<void> {
  const files = daemonPaths(ctx.paths);
  const timeoutMs = seconds(options.timeout, '--timeout');
  if (await daemonAnswers(files.socket)) {
    const pid = readPid(files.pidFile);
    throw new OutroError(
      'DAEMON_RUNNING',
      `The outro daemon is already running${pid ? ` (pid ${pid})` : ''}. \`outro daemon status\` shows what it does; \`outro daemon stop\` stops it.`,
      { details: { pid } },
    );
  }
  mkdirSync(ctx.paths.logDir, { recursive: true });
  mkdirSync(ctx.paths.dataDir, { recursive: true });
  const outFile = join(ctx.paths.logDir, 'daemon.out');
  const fd = openSync(outFile, 'a');
  // The same node flags and entry as this process (bin/outro, or a dev loader such as tsx, which
  // resolves against the cwd — hence the cwd choice below).
  const args = [
    ...process.execArgv,
    process.argv[1],
    '--config',
    ctx.paths.configFile,
    'daemon',
    'run',
    '--quiet',
  ];
  const child = spawn(process.execPath, args, {
    detached: true,
    stdio: ['ignore', fd, fd],
    env: ctx.env,
    cwd: process.execArgv.length > 0 ? process.cwd() : ctx.paths.dataDir,
  });
  closeSync(fd);
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code ?? -1));
  child.unref();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await daemonAnswers(files.socket, 1_000)) {
      const info = { pid: child.pid, socket: files.socket, log: files.logFile };
      if (options.json) writeJson(ctx.stdout, info);
      else
        writeLines(ctx.stdout, [
          `outro daemon started (pid ${child.pid})`,
          `  socket ${files.socket}`,
          `  log    ${files.logFile}`,
        ]);
      return;
    }
    if (exited !== undefined) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const tail = existsSync(outFile)
    ? readFileSync(outFile, 'utf8').split('\n').slice(-15).join('\n').trim()
    : '';
  if (exited === undefined) child.kill('SIGTERM');
  throw new OutroError(
    exited === 7 ? 'DAEMON_RUNNING' : 'TIMEOUT',
    `The outro daemon did not come up${exited === undefined ? ` within ${timeoutMs / 1000} s` : ` (it exited with status ${exited})`}. Its output (${outFile}):\n${tail}`,
  );
}

export async function stopDaemon(
  ctx: CliContext,
  options: { json?: boolean; timeout: string },
): Promise<void> {
  const files = daemonPaths(ctx.paths);
  const timeoutMs = seconds(options.timeout, '--timeout');
  let pid = readPid(files.pidFile);
  const answering = await daemonAnswers(files.socket);
  if (answering) {
    const result = (await control(files.socket, 'stop')) as { pid?: number };
    pid = result.pid ?? pid;
  } else if (pid !== undefined && isAlive(pid)) {
    process.kill(pid, 'SIGTERM');
  } else {
    if (options.json) writeJson(ctx.stdout, { stopped: false, running: false });
    else writeLines(ctx.stdout, ['outro daemon is not running.']);
    return;
  }
  const gone = (): boolean => (pid === undefined || !isAlive(pid)) && !existsSync(files.socket);
  if (!(await waitFor(gone, timeoutMs)) && pid !== undefined && isAlive(pid)) {
    process.kill(pid, 'SIGTERM');
    if (!(await waitFor(gone, 10_000)))
      throw new OutroError(
        'TIMEOUT',
        `The outro daemon (pid ${pid}) did not stop after SIGTERM. Kill it with \`kill -9 ${pid}\`; the next start cleans up.`,
      );
  }
  if (options.json) writeJson(ctx.stdout, { stopped: true, pid: pid ?? null });
  else writeLines(ctx.stdout, [`outro daemon stopped${pid ? ` (pid ${pid})` : ''}.`]);
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

export async function showStatus(ctx: CliContext, options: { json?: boolean }): Promise<void> {
  const files = daemonPaths(ctx.paths);
  let status: DaemonStatus | undefined;
  try {
    status = (await control(files.socket, 'status')) as DaemonStatus;
  } catch (error) {
    if (!(error instanceof OutroError && error.code === 'DAEMON_NOT_RUNNING')) throw error;
  }
  if (!status) {
    const pid = readPid(files.pidFile);
    const stale = pid !== undefined && !isAlive(pid);
    if (options.json) writeJson(ctx.stdout, { running: false, ...(stale ? { stalePid: pid } : {}) });
    throw new OutroError(
      'DAEMON_NOT_RUNNING',
      `The outro daemon is not running${stale ? ` (a stale pid file names pid ${pid}; the next start cleans it up)` : ''}. Start it with \`outro daemon start\`.`,
    );
  }
  if (options.json) {
    writeJson(ctx.stdout, status);
    return;
  }
  writeLines(ctx.stdout, renderDaemonStatus(status));
}

function uptime(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  return hours > 0
    ? `${hours}h ${minutes}m`
    : minutes > 0
      ? `${minutes}m ${totalSeconds % 60}s`
      : `${totalSeconds}s`;
}

export function renderDaemonStatus(status: DaemonStatus): string[] {
  const lines = [
    `outro daemon running (pid ${status.pid}), up ${uptime(status.uptimeSeconds)}`,
    `  socket       ${status.socket}`,
    `  log          ${status.log}`,
  ];
  if (status.watched.length === 0)
    lines.push('  watching     nothing (add export folders under `watch:` in the config)');
  for (const [index, folder] of status.watched.entries())
    lines.push(`  ${index === 0 ? 'watching    ' : '            '} ${folder}`);
  for (const folder of status.missingWatchFolders)
    lines.push(`  missing      ${folder} (does not exist; not watched)`);
  const last = status.lastIngest;
  if (status.ingesting) lines.push('  ingesting    now');
  lines.push(
    last
      ? `  last ingest  ${formatTime(last.at)}: ${last.status}, ${last.appended} new events${last.agents ? `; ${last.agents}` : ''}`
      : '  last ingest  none since start',
  );
  const digest = status.digest;
  lines.push(
    `  next digest  ${digest.nextFire ? formatTime(digest.nextFire, digest.timezone) : 'never'} (schedule "${digest.schedule}"${digest.available ? `, into ${digest.dir}` : ', no digest writer in this build'})`,
  );
  if (digest.lastResult)
    lines.push(
      `  last digest  ${formatTime(digest.lastResult.fireTime, digest.timezone)}: ${digest.lastResult.ok ? (digest.lastResult.file ? `${digest.lastResult.written === false ? 'already there' : 'written'}: ${digest.lastResult.file}` : 'done') : `failed: ${digest.lastResult.error ?? ''}`}${digest.lastResult.missed ? ' (missed fire, run on wake)' : ''}`,
    );
  return lines;
}
