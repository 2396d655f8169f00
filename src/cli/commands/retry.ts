import type { Command } from 'commander';
import type { DrainSummary } from '../../runtime/agents/agent-runtime.js';
import { OutroError } from '../../domain/errors.js';
import type { CliContext } from '../context.js';
import { plural, writeJson, writeLines } from '../output.js';

export interface RetryReport {
  deadLetters: number;
  runs: string[];
  agents?: DrainSummary;
}

export function registerRetry(program: Command, context: () => CliContext): void {
  program
    .command('retry')
    .argument('[id]', 'a dead letter (a number, as listed by `outro status`) or a dead/failed run id (as listed by `outro runs`)')
    .description('Retry dead letters (events an agent kept failing on) and dead workflow runs, then run the agents')
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
      if (id === undefined && !options.all) throw new OutroError('USAGE', 'Name a dead letter or run to retry, or pass --all. `outro status` lists them.');
      if (id !== undefined && options.all) throw new OutroError('USAGE', 'Give either an id or --all, not both.');
      const ctx = context();
      const store = ctx.store();
      const [{ SqliteBus }, { RunStore }] = await Promise.all([import('../../memory/bus/sqlite-bus.js'), import('../../memory/workflows/run-store.js')]);
      const bus = new SqliteBus(store.db, store.log);
      const runs = new RunStore(store.db);
      const report: RetryReport = { deadLetters: 0, runs: [] };
      if (options.all) {
        report.deadLetters = await bus.retry('all');
        report.runs = runs.retry();
      } else if (id !== undefined && /^\d+$/.test(id)) {
        report.deadLetters = await bus.retry(Number(id));
      } else if (id !== undefined) {
        report.runs = runs.retry(id);
        if (report.runs.length === 0) {
          const run = runs.get(id);
          throw new OutroError('NOT_FOUND', run ? `Run ${id} is ${run.status}, not dead or failed; nothing to retry.` : `No workflow run ${id}. \`outro runs --status dead\` lists the dead ones.`);
        }
      }
      // The agents pull in the NLP model and Kùzu: loaded only when they run.
      const { runUntilDrained, describeDrain } = await import('../../agents/run-until-drained.js');
      if (options.agents) report.agents = await runUntilDrained({ db: store.db, log: store.log, now: () => ctx.now(), config: ctx.config(), env: ctx.env });
      if (options.json) writeJson(ctx.stdout, report);
      else {
        const lines = [`Queued ${plural(report.deadLetters, 'dead letter')} and ${plural(report.runs.length, 'run')} for retry.`];
        if (report.agents) lines.push(describeDrain(report.agents));
        const left = bus.deadLettersSync().filter((letter) => letter.status === 'dead').length;
        if (left > 0) lines.push(`${plural(left, 'dead letter')} still dead; \`outro status\` shows their errors.`);
        writeLines(ctx.stdout, lines);
      }
    });
}
