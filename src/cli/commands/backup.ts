import type { Command } from 'commander';
import type { BackupResult } from '../../app/backup.js';
import { callApp } from '../call.js';
import type { CliContext } from '../context.js';
import { formatTime, writeJson, writeLines } from '../output.js';

export function registerBackup(program: Command, context: () => CliContext): void {
  program
    .command('backup')
    .description('Snapshot the store (outro.db) into the backup folder, keeping the newest three')
    .option('--list', 'only list the snapshots')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
The snapshot is taken with SQLite's online backup API, so a running daemon or command goes on
meanwhile; a store that fails its quick check is not backed up (the earlier snapshots are kept).
The daemon takes one a day by itself. The graph is not backed up: \`outro restore\` rebuilds it.

Examples:
  outro backup
  outro backup --list`,
    )
    .action(async (options: { list?: boolean; json?: boolean }) => {
      const ctx = context();
      const result = await callApp(ctx, 'backup', { list: options.list === true });
      if (options.json) writeJson(ctx.stdout, result);
      else writeLines(ctx.stdout, renderBackups(result));
    });
}

export function renderBackups(result: BackupResult): string[] {
  const lines: string[] = [];
  if (result.taken) lines.push(`Backed up to ${result.taken.file}`);
  if (result.snapshots.length === 0) return [...lines, `No snapshots in ${result.dir} yet.`];
  lines.push(`Snapshots in ${result.dir} (newest first):`);
  for (const snapshot of result.snapshots)
    lines.push(
      `  ${formatTime(snapshot.at)}  ${(snapshot.bytes / 1024 ** 2).toFixed(1)} MB  ${snapshot.file}`,
    );
  return lines;
}
