import { randomBytes } from 'node:crypto';
import { toOutroError } from '../domain/errors.js';
import type { EvalItemRecord, EvalRunRecord, SqliteEvalStore } from '../memory/traces/sqlite-eval-store.js';
import type { ModelClient } from '../llm/model-client.js';
import { NOOP_SPAN, type SpanHandle, type Tracer } from '../observability/tracer.js';
import type { Dataset } from './dataset.js';
import { judge as runJudge, type JudgeRequest, type JudgeResult } from './judge.js';
import { prf } from './conversations/metrics.js';
import {
  ItemSkipped,
  type EvalTask,
  type ItemScore,
  type TaskContext,
  type TaskRunner,
  type TaskServices,
} from './task.js';

/** What a run is measured against: stored with it so two runs can be told apart. */
export interface EvalRunMeta {
  gitCommit: string | null;
  configHash: string;
  modelName: string | null;
  modelDigest: string | null;
}

export interface EvalRunOptions {
  datasets: readonly Dataset[];
  tasks: ReadonlyMap<string, EvalTask>;
  meta: EvalRunMeta;
  trials?: number;
  /** Every scored dataset must reach it (in [0, 1]). */
  threshold?: number;
  /** Per-dataset thresholds by dataset name, overriding `threshold` for those. */
  thresholds?: Readonly<Record<string, number>>;
  now?: () => Date;
  services?: TaskServices;
  /** A model client to judge answers with (3 votes each); absent: deterministic scores only. */
  judge?: ModelClient;
  store?: SqliteEvalStore;
  tracer?: Tracer;
  signal?: AbortSignal;
  /** Called after each item, for progress. */
  onItem?: (done: number, total: number) => void;
  runId?: string;
}

export interface DatasetResult {
  name: string;
  version: string;
  task: string;
  file: string;
  /** scored: at least one item scored; skipped: the task cannot run (its reason says why); error: every item failed. */
  status: 'scored' | 'skipped' | 'error';
  reason?: string;
  rows: number;
  scored: number;
  errors: number;
  /** Items the task skipped (an upstream stage produced nothing for them). */
  skipped?: number;
  /**
   * Mean headline score of the scored items (each item: the mean over its trials); for list tasks
   * the micro F1 over pooled counts instead. null when none scored.
   */
  score: number | null;
  /** List tasks: pooled matched / predicted / expected items (means over trials). */
  counts?: { matched: number; predicted: number; expected: number };
  /** Mean of each named score over the items that have it. */
  scores: Record<string, number>;
  judge?: { passed: number; failed: number; errors: number };
  /** The threshold it was held to, and whether it reached it (absent without one, or when skipped). */
  threshold?: number;
  passed?: boolean;
}

export interface EvalReport {
  id: string;
  startedAt: string;
  finishedAt: string;
  meta: EvalRunMeta;
  trials: number;
  threshold: number | null;
  /** Mean of the scored datasets' scores; null when nothing was scored. */
  score: number | null;
  /** null without a threshold; false when a dataset is under it, had errors, or nothing was scored. */
  passed: boolean | null;
  datasets: DatasetResult[];
  traceId: string | null;
}

/** Runs every row of every dataset through its task `trials` times, scores it, and stores the run. */
export async function runEval(options: EvalRunOptions): Promise<EvalReport> {
  const now = options.now ?? (() => new Date());
  const trials = Math.max(1, options.trials ?? 1);
  const startedAt = now().toISOString();
  const id =
    options.runId ??
    `eval-${startedAt.replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-')}-${randomBytes(2).toString('hex')}`;
  const total = options.datasets.reduce((sum, dataset) => sum + dataset.rows.length * trials, 0);
  let done = 0;
  // The run row first (unfinished), so its items can be written as each dataset completes.
  options.store?.saveRun({
    ...toRecord(
      {
        id,
        startedAt,
        finishedAt: '',
        meta: options.meta,
        trials,
        threshold: options.threshold ?? null,
        score: null,
        passed: null,
        datasets: [],
        traceId: null,
      },
      options.datasets,
    ),
    finishedAt: null,
  });
  const work = async (root: SpanHandle): Promise<EvalReport> => {
    const results: DatasetResult[] = [];
    for (const dataset of options.datasets) {
      const items: EvalItemRecord[] = [];
      const result = await runDataset(dataset, options, trials, id, now, items, () =>
        options.onItem?.(++done, total),
      );
      options.store?.saveItems(items);
      results.push(result);
    }
    const scored = results.filter((result) => result.score !== null);
    const score =
      scored.length > 0
        ? scored.reduce((sum, result) => sum + (result.score as number), 0) / scored.length
        : null;
    const threshold = options.threshold ?? null;
    const limitOf = (name: string): number | undefined => options.thresholds?.[name] ?? options.threshold;
    for (const result of results) {
      const limit = limitOf(result.name);
      if (limit !== undefined && result.status !== 'skipped') {
        result.threshold = limit;
        result.passed = result.score !== null && result.score >= limit && result.errors === 0;
      }
    }
    const checked = threshold !== null || Object.keys(options.thresholds ?? {}).length > 0;
    const passed = !checked ? null : scored.length > 0 && results.every((result) => result.passed !== false);
    root.setAttributes({ 'outro.eval.score': score ?? undefined, 'outro.eval.datasets': results.length });
    return {
      id,
      startedAt,
      finishedAt: now().toISOString(),
      meta: options.meta,
      trials,
      threshold,
      score,
      passed,
      datasets: results,
      traceId: root.traceId || null,
    };
  };
  const report = options.tracer
    ? await options.tracer.withSpan(`eval run ${id}`, { kind: 'eval', runId: id, parent: null }, work)
    : await work(NOOP_SPAN);
  options.store?.saveRun(toRecord(report, options.datasets));
  return report;
}

async function runDataset(
  dataset: Dataset,
  options: EvalRunOptions,
  trials: number,
  runId: string,
  now: () => Date,
  items: EvalItemRecord[],
  tick: () => void,
): Promise<DatasetResult> {
  const header = dataset.header;
  const base = {
    name: header.name,
    version: header.version,
    task: header.task,
    file: dataset.file,
    rows: dataset.rows.length,
  };
  const task = options.tasks.get(header.task);
  const loaded: TaskRunner | { skipped: string } = task
    ? await task.load()
    : { skipped: `unknown task ${header.task} (known: ${[...options.tasks.keys()].join(', ')})` };
  if (!('run' in loaded)) {
    for (const row of dataset.rows) {
      items.push({
        runId,
        dataset: header.name,
        itemId: row.id,
        trial: 1,
        task: header.task,
        status: 'skipped',
        score: null,
        scores: {},
        notes: [],
        output: undefined,
        error: loaded.skipped,
        judge: null,
      });
      for (let trial = 0; trial < trials; trial++) tick();
    }
    return {
      ...base,
      status: 'skipped',
      reason: loaded.skipped,
      scored: 0,
      errors: 0,
      score: null,
      scores: {},
    };
  }
  const context: TaskContext = {
    header,
    now: now(),
    signal: options.signal,
    services: options.services ?? {},
  };
  const itemScores: number[] = [];
  const named = new Map<string, number[]>();
  const judged = { passed: 0, failed: 0, errors: 0 };
  const skips: string[] = [];
  const pooled = { matched: 0, predicted: 0, expected: 0, items: 0 };
  let errors = 0;
  for (const row of dataset.rows) {
    const trialScores: number[] = [];
    const trialNamed = new Map<string, number[]>();
    const trialCounts: NonNullable<ItemScore['counts']>[] = [];
    for (let trial = 1; trial <= trials; trial++) {
      const record: EvalItemRecord = {
        runId,
        dataset: header.name,
        itemId: row.id,
        trial,
        task: header.task,
        status: 'error',
        score: null,
        scores: {},
        notes: [],
        output: undefined,
        error: null,
        judge: null,
      };
      const attempt = async (span: SpanHandle): Promise<void> => {
        try {
          record.output = await loaded.run(row, context);
          const scored = loaded.score(row, record.output, context);
          Object.assign(record, {
            status: 'scored',
            score: scored.score,
            scores: scored.scores,
            notes: scored.notes ?? [],
          });
          span.setAttributes({ 'outro.eval.score': scored.score });
          trialScores.push(scored.score);
          if (scored.counts) trialCounts.push(scored.counts);
          for (const [key, value] of Object.entries(scored.scores))
            trialNamed.set(key, [...(trialNamed.get(key) ?? []), value]);
          if (options.judge) {
            const verdict = await judgeSafely(
              options.judge,
              {
                task: header.task,
                input: row.input,
                expected: row.expected,
                answer: loaded.describe ? loaded.describe(record.output) : record.output,
              },
              options.signal,
            );
            record.judge = verdict;
            if (verdict.status === 'error') judged.errors++;
            else if (verdict.verdict === 'pass') judged.passed++;
            else judged.failed++;
          }
        } catch (error) {
          if (error instanceof ItemSkipped) {
            record.status = 'skipped';
            record.error = error.reason;
            skips.push(error.reason);
            return;
          }
          const problem = toOutroError(error);
          record.status = 'error';
          record.error = `${problem.code}: ${problem.message}`;
          span.fail(error);
          errors++;
        }
      };
      if (options.tracer)
        await options.tracer.withSpan(
          `eval item ${header.name}/${row.id}`,
          {
            kind: 'eval',
            attributes: {
              'outro.eval.dataset': header.name,
              'outro.eval.item': row.id,
              'outro.eval.trial': trial,
            },
          },
          attempt,
        );
      else await attempt(NOOP_SPAN);
      items.push(record);
      tick();
    }
    if (trialScores.length > 0) itemScores.push(mean(trialScores));
    if (trialCounts.length > 0) {
      pooled.items++;
      pooled.matched += mean(trialCounts.map((c) => c.matched));
      pooled.predicted += mean(trialCounts.map((c) => c.predicted));
      pooled.expected += mean(trialCounts.map((c) => c.expected));
    }
    for (const [key, values] of trialNamed) named.set(key, [...(named.get(key) ?? []), mean(values)]);
  }
  let scores: Record<string, number> = Object.fromEntries(
    [...named].map(([key, values]) => [key, mean(values)]),
  );
  let headline = itemScores.length > 0 ? mean(itemScores) : null;
  if (pooled.items > 0) {
    // List tasks: precision/recall/F1 over pooled counts; the per-item means stay beside them as item_*.
    const micro = prf(pooled.matched, pooled.predicted, pooled.expected);
    const renamed = Object.entries(scores).map(([key, value]) => [
      ['precision', 'recall', 'f1'].includes(key) ? `item_${key}` : key,
      value,
    ]);
    scores = {
      precision: micro.precision,
      recall: micro.recall,
      f1: micro.f1,
      ...Object.fromEntries(renamed),
    };
    headline = micro.f1;
  }
  const allSkipped = itemScores.length === 0 && errors === 0 && skips.length > 0;
  return {
    ...base,
    status: itemScores.length > 0 ? 'scored' : allSkipped ? 'skipped' : 'error',
    ...(allSkipped
      ? { reason: skips[0] }
      : itemScores.length === 0
        ? { reason: `every item failed (${errors} errors)` }
        : {}),
    ...(skips.length > 0 ? { skipped: skips.length } : {}),
    scored: itemScores.length,
    errors,
    score: headline,
    scores,
    ...(pooled.items > 0
      ? { counts: { matched: pooled.matched, predicted: pooled.predicted, expected: pooled.expected } }
      : {}),
    ...(options.judge ? { judge: judged } : {}),
  };
}

/** The judge's verdict; a judge that throws is recorded as a judge error, never as the item's error. */
async function judgeSafely(
  client: ModelClient,
  request: JudgeRequest,
  signal?: AbortSignal,
): Promise<JudgeResult | { status: 'error'; error: string }> {
  try {
    return await runJudge(client, request, { signal });
  } catch (error) {
    const problem = toOutroError(error);
    return { status: 'error', error: `${problem.code}: ${problem.message}` };
  }
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

function toRecord(report: EvalReport, datasets: readonly Dataset[]): EvalRunRecord {
  return {
    id: report.id,
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    datasets: datasets.map((dataset) => ({
      name: dataset.header.name,
      version: dataset.header.version,
      task: dataset.header.task,
      file: dataset.file,
      rows: dataset.rows.length,
    })),
    gitCommit: report.meta.gitCommit,
    configHash: report.meta.configHash,
    modelName: report.meta.modelName,
    modelDigest: report.meta.modelDigest,
    trials: report.trials,
    threshold: report.threshold,
    score: report.score,
    summary: { passed: report.passed, datasets: report.datasets },
    traceId: report.traceId,
  };
}
