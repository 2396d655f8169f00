import type { Command } from 'commander';
import { OutroError } from '../../domain/errors.js';
import type { RunStore } from '../../memory/workflows/run-store.js';
import type { RunRecord, RunStatus, StepRecord } from '../../runtime/engine/types.js';
import type { CliContext } from '../context.js';
import { formatTime, plural, writeJson, writeLines } from '../output.js';

const STATUSES: readonly RunStatus[] = ['pending', 'running', 'completed', 'failed', 'dead'];

export interface RunListing extends RunRecord {
  steps: number;
  /** Attempts of all its steps together. */
  attempts: number;
  /** Time inside checkpointed steps. */
  stepsMs: number;
  /** From creation to finish (or last update). */
  durationMs: number;
}

export function registerRuns(program: Command, context: () => CliContext): void {
  program
    .command('runs')
    .argument('[run]', 'a run id (or a unique prefix): show its steps')
    .description('List recent durable workflow runs (agent deliveries, digests …) with status, steps, attempts and durations')
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
      const { RunStore } = await import('../../memory/workflows/run-store.js');
      const runs = new RunStore(ctx.store().db);
      if (run !== undefined) {
        const found = findRun(runs, run);
        const steps = runs.steps(found.id);
        if (options.json) writeJson(ctx.stdout, { ...found, steps });
        else writeLines(ctx.stdout, renderRun(found, steps));
        return;
      }
      if (options.status !== undefined && !STATUSES.includes(options.status as RunStatus)) {
        throw new OutroError('USAGE', `--status ${options.status} is not a run status; use one of ${STATUSES.join(', ')}.`);
      }
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new OutroError('USAGE', `--limit ${options.limit} is not a positive whole number.`);
      const listing: RunListing[] = runs.list({ status: options.status as RunStatus | undefined, limit }).map((record) => {
        const steps = runs.stepSummary(record.id);
        const wallMs = Date.parse(record.finishedAt ?? record.updatedAt) - Date.parse(record.createdAt);
        return { ...record, steps: steps.steps, attempts: steps.attempts, stepsMs: steps.durationMs, durationMs: Number.isFinite(wallMs) ? wallMs : steps.durationMs };
      });
      if (options.json) writeJson(ctx.stdout, listing);
      else writeLines(ctx.stdout, renderRuns(listing, runs.counts()));
    });
}

function findRun(runs: RunStore, id: string): RunRecord {
  const exact = runs.get(id);
  if (exact) return exact;
  const matches = (runs.db.prepare('SELECT id FROM workflow_runs WHERE substr(id, 1, ?) = ? LIMIT 2').all(id.length, id) as { id: string }[]).map((row) => row.id);
  if (matches.length === 1) return runs.get(matches[0]) as RunRecord;
  if (matches.length > 1) throw new OutroError('USAGE', `${id} matches several runs; give more of the id.`);
  throw new OutroError('NOT_FOUND', `No workflow run ${id}. \`outro runs\` lists the recent ones.`);
}

const seconds = (ms: number): string => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

export function renderRuns(runs: readonly RunListing[], counts: Record<RunStatus, number>): string[] {
  const total = STATUSES.map((status) => `${counts[status]} ${status}`).join(', ');
  if (runs.length === 0) return [`No workflow runs yet (${total}). They start when agents handle ingested events: outro ingest PATH`];
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
    lines.push(`  #${step.stepSeq} ${step.name.padEnd(28)} ${step.status.padEnd(10)} ${plural(step.attempts, 'attempt').padEnd(11)} ${seconds(step.durationMs)}${step.error ? `  ${step.error}` : ''}`);
  }
  return lines;
}
