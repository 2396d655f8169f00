import type { Command } from 'commander';
import type { CliContext } from '../context.js';

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
    .description(
      'Run outro in the background: watch export folders, ingest them, write the scheduled digest, serve the CLI',
    )
    .addHelpText('after', EXAMPLES);

  daemon
    .command('run')
    .description('Run the daemon in the foreground until SIGTERM/SIGINT (for service managers)')
    .option('--quiet', 'log only to the log file, not to stderr')
    .addHelpText(
      'after',
      '\nLogs JSON lines to daemon.log in the log dir (rotated at 5 MB). Exits 7 if a daemon already runs.\n\nExample:\n  ExecStart=/usr/bin/outro daemon run',
    )
    .action(async (options: { quiet?: boolean }) =>
      (await import('./daemon-run.js')).runForeground(context(), options.quiet === true),
    );

  daemon
    .command('start')
    .description('Start the daemon in the background and wait until it answers')
    .option('--json', 'print {pid, socket, log} as JSON')
    .option('--timeout <seconds>', 'how long to wait for it to answer', '30')
    .addHelpText(
      'after',
      '\nExits 7 if a daemon already runs. A stale socket or pid file left by a crash is cleaned up.\n\nExample:\n  outro daemon start && outro status',
    )
    .action(async (options: { json?: boolean; timeout: string }) =>
      (await import('./daemon-run.js')).startBackground(context(), options),
    );

  daemon
    .command('stop')
    .description('Ask the daemon to stop (it finishes the ingest in progress) and wait until it has')
    .option('--json', 'print {stopped, pid} as JSON')
    .option('--timeout <seconds>', 'how long to wait before sending SIGTERM', '60')
    .addHelpText(
      'after',
      '\nStopping a daemon that is not running is not an error.\n\nExample:\n  outro daemon stop',
    )
    .action(async (options: { json?: boolean; timeout: string }) =>
      (await import('./daemon-run.js')).stopDaemon(context(), options),
    );

  daemon
    .command('status')
    .description('Show the pid, uptime, watched folders, last ingest and next digest of the running daemon')
    .option('--json', 'print the status as JSON ({"running": false} when it is not running)')
    .addHelpText(
      'after',
      '\nExits 7 when no daemon runs.\n\nExamples:\n  outro daemon status\n  outro daemon status --json | jq .digest.nextFire',
    )
    .action(async (options: { json?: boolean }) =>
      (await import('./daemon-run.js')).showStatus(context(), options),
    );
}
