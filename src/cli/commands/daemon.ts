import { Writable } from 'node:stream';
import type { Command } from 'commander';
import { OutroError } from '../../domain/errors.js';
import type { DaemonStatus } from '../../daemon/daemon-status.js';
import type { RunReply, RunRequest } from '../../daemon/protocol.js';
import type { CliContext } from '../context.js';
import { formatTime } from '../output.js';

const EXAMPLES = `
The daemon owns the stores while it runs: every other command (status, brief, ask, ingest…) is
sent to it over a Unix socket (owner-only, no TCP port) and prints the same output as without it.

Examples:
  outro daemon start            # in the background; log in the state dir
  outro daemon status --json
  outro daemon stop
  outro daemon run              # in the foreground, for systemd/launchd`;

export function registerDaemon(program: Command, context: () => CliContext): void {
  const daemon = program
    .command('daemon')
    .description('Run outro in the background: watch export folders, ingest them, write the scheduled digest, serve the CLI')
    .addHelpText('after', EXAMPLES);

  daemon
    .command('run')
    .description('Run the daemon in the foreground until SIGTERM/SIGINT (for service managers)')
    .option('--quiet', 'log only to the log file, not to stderr')
    .addHelpText('after', '\nLogs JSON lines to daemon.log in the log dir (rotated at 5 MB). Exits 7 if a daemon already runs.\n\nExample:\n  ExecStart=/usr/bin/outro daemon run')
    .action(async (options: { quiet?: boolean }) => (await import('./daemon-run.js')).runForeground(context(), options.quiet === true));

  daemon
    .command('start')
    .description('Start the daemon in the background and wait until it answers')
    .option('--json', 'print {pid, socket, log} as JSON')
    .option('--timeout <seconds>', 'how long to wait for it to answer', '30')
    .addHelpText('after', '\nExits 7 if a daemon already runs. A stale socket or pid file left by a crash is cleaned up.\n\nExample:\n  outro daemon start && outro status')
    .action(async (options: { json?: boolean; timeout: string }) => (await import('./daemon-run.js')).startBackground(context(), options));

  daemon
    .command('stop')
    .description('Ask the daemon to stop (it finishes the ingest in progress) and wait until it has')
    .option('--json', 'print {stopped, pid} as JSON')
    .option('--timeout <seconds>', 'how long to wait before sending SIGTERM', '60')
    .addHelpText('after', '\nStopping a daemon that is not running is not an error.\n\nExample:\n  outro daemon stop')
    .action(async (options: { json?: boolean; timeout: string }) => (await import('./daemon-run.js')).stopDaemon(context(), options));

  daemon
    .command('status')
    .description('Show the pid, uptime, watched folders, last ingest and next digest of the running daemon')
    .option('--json', 'print the status as JSON ({"running": false} when it is not running)')
    .addHelpText('after', '\nExits 7 when no daemon runs.\n\nExamples:\n  outro daemon status\n  outro daemon status --json | jq .digest.nextFire')
    .action(async (options: { json?: boolean }) => (await import('./daemon-run.js')).showStatus(context(), options));
}

/** Collects what a command writes. */
function capture(): { stream: Writable & { isTTY: false }; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      callback();
    },
  }) as Writable & { isTTY: false };
  stream.isTTY = false;
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/**
 * Runs a forwarded command in the daemon with the client's cwd, OUTRO_NOW and OUTRO_CONFIG. The
 * daemon runs these one at a time (process.chdir is process-wide).
 */
export async function runInProcess(request: RunRequest, baseEnv: NodeJS.ProcessEnv): Promise<Omit<RunReply, 'id'>> {
  const [{ runLocal }, { FORWARDED_ENV }] = await Promise.all([import('../main.js'), import('../../daemon/protocol.js')]);
  const env: NodeJS.ProcessEnv = { ...baseEnv };
  for (const key of FORWARDED_ENV) delete env[key];
  Object.assign(env, request.env);
  const out = capture();
  const err = capture();
  const previous = process.cwd();
  try {
    process.chdir(request.cwd);
  } catch {
    return { exitCode: 1, code: 'USAGE', stdout: '', stderr: `outro: the daemon cannot enter ${request.cwd}; use absolute paths or run with OUTRO_NO_DAEMON=1.\n` };
  }
  // A command that calls process.exit must not end the daemon: turn it into an error.
  const realExit = process.exit;
  process.exit = ((code?: number) => {
    throw new OutroError('INTERNAL', `A command called process.exit(${code ?? ''}) inside the daemon; please report this.`);
  }) as typeof process.exit;
  try {
    const result = await runLocal(request.argv, { env, stdout: out.stream, stderr: err.stream });
    return { exitCode: result.code ? 1 : 0, ...(result.code ? { code: result.code } : {}), stdout: out.text(), stderr: err.text() };
  } finally {
    process.exit = realExit;
    process.chdir(previous);
  }
}

function uptime(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  return hours > 0 ? `${hours}h ${minutes}m` : minutes > 0 ? `${minutes}m ${totalSeconds % 60}s` : `${totalSeconds}s`;
}

export function renderDaemonStatus(status: DaemonStatus): string[] {
  const lines = [`outro daemon running (pid ${status.pid}), up ${uptime(status.uptimeSeconds)}`, `  socket       ${status.socket}`, `  log          ${status.log}`];
  if (status.watched.length === 0) lines.push('  watching     nothing (add export folders under `watch:` in the config)');
  for (const [index, folder] of status.watched.entries()) lines.push(`  ${index === 0 ? 'watching    ' : '            '} ${folder}`);
  for (const folder of status.missingWatchFolders) lines.push(`  missing      ${folder} (does not exist; not watched)`);
  const last = status.lastIngest;
  if (status.ingesting) lines.push('  ingesting    now');
  lines.push(last ? `  last ingest  ${formatTime(last.at)}: ${last.status}, ${last.appended} new events${last.agents ? `; ${last.agents}` : ''}` : '  last ingest  none since start');
  const digest = status.digest;
  lines.push(`  next digest  ${digest.nextFire ? formatTime(digest.nextFire, digest.timezone) : 'never'} (schedule "${digest.schedule}"${digest.available ? `, into ${digest.dir}` : ', no digest writer in this build'})`);
  if (digest.lastResult) lines.push(`  last digest  ${formatTime(digest.lastResult.fireTime, digest.timezone)}: ${digest.lastResult.ok ? (digest.lastResult.file ? `${digest.lastResult.written === false ? 'already there' : 'written'}: ${digest.lastResult.file}` : 'done') : `failed: ${digest.lastResult.error ?? ''}`}${digest.lastResult.missed ? ' (missed fire, run on wake)' : ''}`);
  return lines;
}
