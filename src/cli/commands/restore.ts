import type { Command } from 'commander';
import { OutroError } from '../../domain/errors.js';
import { loadContextModules, type CliContext } from '../context.js';
import { plural, writeJson, writeLines } from '../output.js';

export function registerRestore(program: Command, context: () => CliContext): void {
  program
    .command('restore')
    .description('Put a snapshot back as the store and rebuild the graph from it')
    .argument('[snapshot]', 'a snapshot file or name (default: the newest sound one)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      `
The replaced outro.db (with its -wal and -shm) and graph are moved aside, never deleted. Events
recorded after the snapshot are not in it: ingest your exports again to bring them back (nothing
is appended twice). Stop the daemon first.

Examples:
  outro restore
  outro restore outro-2026-03-01T080000000Z.db`,
    )
    .action(async (snapshot: string | undefined, options: { json?: boolean }) => {
      // Always in this process: it replaces the store, so no daemon may hold it.
      const ctx = context();
      const [{ daemonPaths }, { socketAnswers }] = await Promise.all([
        import('../../daemon/daemon-paths.js'),
        import('../../daemon/socket-answers.js'),
      ]);
      if (await socketAnswers(daemonPaths(ctx.paths).socket))
        throw new OutroError(
          'DAEMON_RUNNING',
          'The outro daemon has the store open. Stop it with `outro daemon stop`, restore, then start it again.',
        );
      const [{ restore }] = await Promise.all([import('../../app/restore.js'), loadContextModules()]);
      const result = await restore(ctx, snapshot === undefined ? {} : { snapshot });
      if (options.json) {
        writeJson(ctx.stdout, result);
        return;
      }
      writeLines(ctx.stdout, [
        `Restored ${result.snapshot.file}`,
        ...result.skipped.map((skip) => `  passed over ${skip.file} (damaged: ${skip.problem})`),
        ...result.aside.map((path) => `  moved aside ${path}`),
        `Replayed ${plural(result.replay.events, 'event')} into the graph, up to seq ${result.replay.cursor}.`,
        'Ingest your exports again to bring back what came after the snapshot.',
      ]);
    });
}
