// `outro eval` implementation, loaded only when an eval command runs (eval.ts holds the definitions).
import { execFileSync } from 'node:child_process';
import { OutroError } from '../../domain/errors.js';
import { contentHash } from '../../domain/ids.js';
import type { SqliteDatabase } from '../../memory/sqlite.js';
import { SqliteEvalStore } from '../../memory/traces/sqlite-eval-store.js';
import { createModelRuntime } from '../../llm/model-runtime.js';
import { compareRuns } from '../../eval/compare.js';
import { loadDataset } from '../../eval/dataset.js';
import { REPO_ROOT, resolveDatasetFiles } from '../../eval/dataset-files.js';
import { compareLines, reportLines, runListLines } from '../../eval/report-lines.js';
import { runEval, type EvalRunMeta } from '../../eval/runner.js';
import { createTracing } from '../../observability/tracing.js';
import type { CliContext } from '../context.js';
import type { RunOptions } from './eval.js';
import { writeJson, writeLines } from '../output.js';

/** `outro eval run`. */
export async function evalRun(ctx: CliContext, datasets: string[], options: RunOptions): Promise<void> {
  const db = evalDatabase(ctx);
  const { threshold, thresholds } = parseThresholds(options.threshold ?? []);
  const trials = parseTrials(options.trials);
  const config = ctx.config();
  const runtime = createModelRuntime(config, ctx.env);
  if (options.judge && !runtime) throw new OutroError('USAGE', '--judge needs a model: set `model: {provider: ollama, name: …}` in the config, or OUTRO_MODEL=ollama:<name>.');
  const loaded = resolveDatasetFiles(datasets).map((file) => loadDataset(file));
  const tracing = createTracing(db, { content: config.trace.content, maxAgeDays: config.trace.maxAgeDays }, ctx.env);
  // The tasks and workspaces pull in the pipeline, the agents and Kùzu: loaded only for `eval run`.
  const { EVAL_TASKS } = await import('../../eval/task-registry.js');
  const { EvalWorkspaces } = await import('../../app/eval-workspaces.js');
  const workspaces = new EvalWorkspaces(() => ctx.now());
  try {
    const report = await runEval({
      datasets: loaded,
      tasks: EVAL_TASKS,
      meta: await runMeta(config, runtime),
      trials,
      threshold,
      thresholds,
      now: () => ctx.now(),
      services: { workspace: (dir) => workspaces.open(dir), model: runtime },
      judge: options.judge ? runtime?.client : undefined,
      store: new SqliteEvalStore(db),
      tracer: tracing.tracer,
      onItem: ctx.stderr.isTTY && !options.json ? (done, total) => ctx.stderr.write(`\reval ${done}/${total}`) : undefined,
    });
    if (ctx.stderr.isTTY && !options.json) ctx.stderr.write('\r\x1b[K');
    if (options.json) writeJson(ctx.stdout, report);
    else writeLines(ctx.stdout, reportLines(report));
    if (report.passed === false) {
      const reason = report.score === null ? 'nothing was scored' : report.datasets.filter((d) => d.passed === false).map((d) => `${d.name} ${d.score === null ? 'not scored' : (d.score * 100).toFixed(1) + '%'} < ${((d.threshold ?? 0) * 100).toFixed(1)}%${d.errors ? ` (${d.errors} errors)` : ''}`).join(', ');
      throw new OutroError('EVAL_BELOW_THRESHOLD', `The eval is under its threshold: ${reason}. See the report above; compare with an earlier run: outro eval compare latest~1 latest.`);
    }
  } finally {
    await tracing.flush();
    tracing.prune(ctx.now().getTime());
    await workspaces.close();
  }
}

/** `outro eval compare`. */
export function evalCompare(ctx: CliContext, before: string, after: string, options: { json?: boolean }): void {
  const store = new SqliteEvalStore(evalDatabase(ctx));
  const find = (reference: string) => {
    const run = store.findRun(reference);
    if (!run) throw new OutroError('NOT_FOUND', `No eval run "${reference}". List them with: outro eval list`);
    return run;
  };
  const [a, b] = [find(before), find(after)];
  const comparison = compareRuns(a, store.items(a.id), b, store.items(b.id));
  if (options.json) writeJson(ctx.stdout, comparison);
  else writeLines(ctx.stdout, compareLines(comparison));
}

/** `outro eval list`. */
export function evalList(ctx: CliContext, options: { limit: string; json?: boolean }): void {
  const runs = new SqliteEvalStore(evalDatabase(ctx)).runs(Number(options.limit) || 20);
  if (options.json) writeJson(ctx.stdout, runs);
  else writeLines(ctx.stdout, runListLines(runs));
}

/** The store's database, checked to hold the eval tables (migration 7). */
export function evalDatabase(ctx: CliContext): SqliteDatabase {
  const db = ctx.store().db;
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'eval_runs'").get()) {
    throw new OutroError('INTERNAL', 'This build has no trace and eval tables (migration 7 is not registered in src/memory/migrations/index.ts). Rebuild outro.');
  }
  return db;
}

/** `0.8`, `80`, `80%` for every dataset; `decisions=0.8` for one. */
function parseThresholds(values: readonly string[]): { threshold?: number; thresholds: Record<string, number> } {
  const thresholds: Record<string, number> = {};
  let threshold: number | undefined;
  for (const value of values) {
    const named = /^([a-z0-9][a-z0-9-]*)=(.+)$/.exec(value);
    const score = parseScore(named ? named[2] : value, value);
    if (named) thresholds[named[1]] = score;
    else threshold = score;
  }
  return { threshold, thresholds };
}

function parseScore(text: string, original: string): number {
  const number = Number(text.replace(/%$/, ''));
  if (text.trim() === '' || !Number.isFinite(number) || number < 0 || number > 100) throw new OutroError('USAGE', `--threshold ${original} is not a score; give 0–1 (0.8), a percentage (80), or NAME=score (decisions=0.8).`);
  return number > 1 || text.endsWith('%') ? number / 100 : number;
}

function parseTrials(value: string | undefined): number {
  if (value === undefined) return 1;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 100) throw new OutroError('USAGE', `--trials ${value} is not a count; give a whole number from 1 to 100.`);
  return number;
}

async function runMeta(config: unknown, runtime: ReturnType<typeof createModelRuntime>): Promise<EvalRunMeta> {
  let modelDigest: string | null = null;
  if (runtime) {
    try {
      modelDigest = (await runtime.client.identity()).digest;
    } catch {
      modelDigest = null; // unreachable: the run still happens (stages degrade) and says so
    }
  }
  return { gitCommit: gitCommit(), configHash: contentHash(config), modelName: runtime?.settings.name ?? null, modelDigest };
}

function gitCommit(): string | null {
  try {
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
    return dirty ? `${sha}-dirty` : sha;
  } catch {
    return null;
  }
}
