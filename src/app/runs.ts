import { OutroError } from '../domain/errors.js';
import { runIdsStartingWith } from '../memory/workflows/run-queries.js';
import { RunStore } from '../memory/workflows/run-store.js';
import type { RunRecord, RunStatus, StepRecord } from '../runtime/engine/types.js';
import type { AppContext } from './app-context.js';
import type { RunShowInput, RunsInput } from './operation-inputs.js';

/** One run as `outro runs` lists it. */
export interface RunListing extends RunRecord {
  steps: number;
  /** Attempts of all its steps together. */
  attempts: number;
  /** Time inside checkpointed steps. */
  stepsMs: number;
  /** From creation to finish (or last update). */
  durationMs: number;
}

export interface RunsResult {
  runs: RunListing[];
  /** Runs per status, all of them. */
  counts: Record<RunStatus, number>;
}

/** `outro runs`: recent durable workflow runs, newest first. */
export async function runs(ctx: AppContext, input: RunsInput): Promise<RunsResult> {
  const store = new RunStore(ctx.store().db);
  const listing = store.list({ status: input.status, limit: input.limit }).map((record): RunListing => {
    const steps = store.stepSummary(record.id);
    const wallMs = Date.parse(record.finishedAt ?? record.updatedAt) - Date.parse(record.createdAt);
    return {
      ...record,
      steps: steps.steps,
      attempts: steps.attempts,
      stepsMs: steps.durationMs,
      durationMs: Number.isFinite(wallMs) ? wallMs : steps.durationMs,
    };
  });
  return { runs: listing, counts: store.counts() };
}

/** One run and its checkpointed steps. */
export interface RunDetail {
  run: RunRecord;
  steps: StepRecord[];
}

/** `outro runs RUN`: a run by id or unique prefix, with its steps. */
export async function runDetail(ctx: AppContext, input: RunShowInput): Promise<RunDetail> {
  const db = ctx.store().db;
  const store = new RunStore(db);
  let run = store.get(input.run);
  if (!run) {
    const matches = runIdsStartingWith(db, input.run);
    if (matches.length > 1)
      throw new OutroError('USAGE', `${input.run} matches several runs; give more of the id.`);
    if (matches.length === 1) run = store.get(matches[0]);
  }
  if (!run)
    throw new OutroError('NOT_FOUND', `No workflow run ${input.run}. \`outro runs\` lists the recent ones.`);
  return { run, steps: store.steps(run.id) };
}
