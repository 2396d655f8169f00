import type { Command } from 'commander';
import { describeDrain } from '../../app/describe-drain.js';
import { callApp } from '../call.js';
import type { CliContext } from '../context.js';
import { plural, writeJson, writeLines } from '../output.js';

export function registerRetry(program: Command, context: () => CliContext): void {
  program
    .command('retry')
    .argument(
      '[id]',
      'a dead letter (a number, as listed by `outro status`) or a dead/failed run id (as listed by `outro runs`)',
    )
    .description(
      'Retry dead letters (events an agent kept failing on) and dead workflow runs, then run the agents',
    )
    .option('--all', 'retry every dead letter and every dead run')
    .option('--no-agents', 'only queue the retries; the next `outro ingest` or the daemon runs them')
    .option('--json', 'print what was retried as JSON')
    .addHelpText(
      'after',
      `
An event that an agent failed on too often is moved aside as a dead letter so the agent can go
on with the rest; a run interrupted too often is marked dead. Fix the cause (a model that was
down, a bad config), then retry. A retried dead letter is delivered again to the agent that failed
on it; a retried run resumes from its last checkpoint.

Examples:
  outro retry --all
  outro retry 3
  outro retry run_3f9a2c --json`,
    )
    .action(async (id: string | undefined, options: { all?: boolean; agents: boolean; json?: boolean }) => {
      const ctx = context();
      const { report, stillDead } = await callApp(ctx, 'retry', {
        id,
        all: options.all === true,
        agents: options.agents,
      });
      if (options.json) writeJson(ctx.stdout, report);
      else {
        const lines = [
          `Queued ${plural(report.deadLetters, 'dead letter')} and ${plural(report.runs.length, 'run')} for retry.`,
        ];
        if (report.agents) lines.push(describeDrain(report.agents));
        if (stillDead > 0)
          lines.push(`${plural(stillDead, 'dead letter')} still dead; \`outro status\` shows their errors.`);
        writeLines(ctx.stdout, lines);
      }
    });
}
