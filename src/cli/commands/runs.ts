import type { Command } from 'commander';
import { RUN_STATUSES as STATUSES } from '../../app/run-statuses.js';
import type { RunListing } from '../../app/runs.js';
import { OutroError } from '../../domain/errors.js';
import type { RunRecord, RunStatus, StepRecord } from '../../runtime/engine/types.js';
import { callApp } from '../call.js';
import type { CliContext } from '../context.js';
import { formatTime, plural, writeJson, writeLines } from '../output.js';

export function registerRuns(program: Command, context: () => CliContext): void {
  program
    .command('runs')
    .argument('[run]', 'a run id (or a unique prefix): show its steps')
    .description(
      'List recent durable workflow runs (agent deliveries, digests …) with status, steps, attempts and durations',
    )
    .option('--status <status>', `only runs with this status: ${STATUSES.join(', ')}`)
    .option('--limit <n>', 'how many runs to list, newest first', '20')
    .option('--json', 'print the runs as JSON')
    .addHelpText(
      'after',
      `
Every piece of work after ingest runs as a durable workflow: its steps are checkpointed in the
store, so a killed process resumes where it stopped. A run is dead after it was interrupted too
often; \`outro retry RUN\` tries it again.

Examples:
  outro runs
  outro runs --status dead
  outro runs run_3f9a2c
  outro runs --json --limit 100 | jq '.[] | select(.status == "failed")'`,
    )
    .action(async (run: string | undefined, options: { status?: string; limit: string; json?: boolean }) => {
      const ctx = context();
      if (run !== undefined) {
        const found = await callApp(ctx, 'runs.show', { run });
        if (options.json) writeJson(ctx.stdout, { ...found.run, steps: found.steps });
        else writeLines(ctx.stdout, renderRun(found.run, found.steps));
        return;
      }
      if (options.status !== undefined && !(STATUSES as readonly string[]).includes(options.status)) {
        throw new OutroError(
          'USAGE',
          `--status ${options.status} is not a run status; use one of ${STATUSES.join(', ')}.`,
        );
      }
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1)
        throw new OutroError('USAGE', `--limit ${options.limit} is not a positive whole number.`);
      const { runs, counts } = await callApp(ctx, 'runs', {
        status: options.status as RunStatus | undefined,
        limit,
      });
      if (options.json) writeJson(ctx.stdout, runs);
      else writeLines(ctx.stdout, renderRuns(runs, counts));
    });
}

const seconds = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

export function renderRuns(runs: readonly RunListing[], counts: Record<RunStatus, number>): string[] {
  const total = STATUSES.map((status) => `${counts[status]} ${status}`).join(', ');
  if (runs.length === 0)
    return [
      `No workflow runs yet (${total}). They start when agents handle ingested events: outro ingest PATH`,
    ];
  const lines = [`Workflow runs (${total}); newest first:`];
  for (const run of runs) {
    const error = run.error ? `  ${run.error.slice(0, 100)}` : '';
    lines.push(
      `  ${run.id.slice(0, 16).padEnd(17)}${run.workflow.padEnd(22)}${run.status.padEnd(10)}${plural(run.steps, 'step').padEnd(9)}${plural(run.attempts, 'attempt').padEnd(12)}${seconds(run.durationMs).padEnd(9)}${formatTime(run.createdAt)}${error}`,
    );
  }
  return lines;
}

export function renderRun(run: RunRecord, steps: readonly StepRecord[]): string[] {
  const lines = [
    `Run ${run.id} (${run.workflow}): ${run.status}`,
    `  created ${formatTime(run.createdAt)}, finished ${formatTime(run.finishedAt)}, recovered ${plural(run.recoveries, 'time')}`,
  ];
  if (run.idempotencyKey) lines.push(`  key ${run.idempotencyKey}`);
  if (run.error) lines.push(`  error: ${run.error}`);
  for (const step of steps) {
    lines.push(
      `  #${step.stepSeq} ${step.name.padEnd(28)} ${step.status.padEnd(10)} ${plural(step.attempts, 'attempt').padEnd(11)} ${seconds(step.durationMs)}${step.error ? `  ${step.error}` : ''}`,
    );
  }
  return lines;
}
