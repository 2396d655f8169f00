import { execFileSync } from 'node:child_process';
import { OutroError } from '../domain/errors.js';
import { contentHash } from '../domain/ids.js';
import { compareRuns, type RunComparison } from '../eval/compare.js';
import { loadDataset } from '../eval/dataset.js';
import { REPO_ROOT } from '../eval/dataset-files.js';
import type { EvalReport, EvalRunMeta } from '../eval/runner.js';
import type { ModelRuntime } from '../llm/model-runtime.js';
import type { SqliteDatabase } from '../memory/sqlite.js';
import { SqliteEvalStore, type EvalRunRecord } from '../memory/traces/sqlite-eval-store.js';
import { hasEvalTables } from '../memory/traces/trace-tables.js';
import type { AppContext, AppHooks } from './app-context.js';
import { modelRuntime } from './model.js';
import type { EvalCompareInput, EvalListInput, EvalRunInput } from './operation-inputs.js';
import { withTracing } from './tracing.js';

/** The store's database, checked to hold the eval tables (migration 7). */
function evalDatabase(ctx: AppContext): SqliteDatabase {
  const db = ctx.store().db;
  if (!hasEvalTables(db))
    throw new OutroError(
      'INTERNAL',
      'This build has no trace and eval tables (migration 7 is not registered in src/memory/migrations/index.ts). Rebuild outro.',
    );
  return db;
}

/**
 * `outro eval run`: each dataset's rows through their pipeline task, scored and stored as a run
 * (and a trace); `passed` says whether the thresholds were met (the caller decides the exit status).
 */
export async function evalRun(
  ctx: AppContext,
  input: EvalRunInput,
  hooks: AppHooks = {},
): Promise<EvalReport> {
  const db = evalDatabase(ctx);
  const config = ctx.config();
  const runtime = await modelRuntime(ctx);
  if (input.judge && !runtime)
    throw new OutroError(
      'USAGE',
      '--judge needs a model: set `model: {provider: ollama, name: …}` in the config, or OUTRO_MODEL=ollama:<name>.',
    );
  const loaded = input.datasets.map((file) => loadDataset(file));
  // The tasks and workspaces pull in the pipeline, the agents and Kùzu: loaded only for `eval run`.
  const [{ EVAL_TASKS }, { EvalWorkspaces }, { runEval }] = await Promise.all([
    import('../eval/task-registry.js'),
    import('./eval-workspaces.js'),
    import('../eval/runner.js'),
  ]);
  const workspaces = new EvalWorkspaces(ctx);
  try {
    return await withTracing(ctx, async (tracer) =>
      runEval({
        datasets: loaded,
        tasks: EVAL_TASKS,
        meta: await runMeta(config, runtime),
        trials: input.trials,
        threshold: input.threshold,
        thresholds: input.thresholds,
        now: () => ctx.now(),
        services: {
          workspace: (dir) => workspaces.open(dir),
          // The ask-workspace task: the whole workspace evaluation, its ask scores kept.
          askWorkspace: async (dir) =>
            (await import('./workspace-eval.js')).evaluateWorkspace(dir).then((r) => r.ask),
          model: runtime,
        },
        judge: input.judge ? runtime?.client : undefined,
        store: new SqliteEvalStore(db),
        tracer,
        onItem: hooks.onEvalItem,
      }),
    );
  } finally {
    await workspaces.close();
  }
}

/** `outro eval list`: stored eval runs, newest first. */
export async function evalList(ctx: AppContext, input: EvalListInput): Promise<EvalRunRecord[]> {
  return new SqliteEvalStore(evalDatabase(ctx)).runs(input.limit);
}

/** `outro eval compare`: per item, what improved, regressed or changed status between two runs (id, prefix, latest, latest~N). */
export async function evalCompare(ctx: AppContext, input: EvalCompareInput): Promise<RunComparison> {
  const store = new SqliteEvalStore(evalDatabase(ctx));
  const find = (reference: string): EvalRunRecord => {
    const run = store.findRun(reference);
    if (!run)
      throw new OutroError('NOT_FOUND', `No eval run "${reference}". List them with: outro eval list`);
    return run;
  };
  const [a, b] = [find(input.before), find(input.after)];
  return compareRuns(a, store.items(a.id), b, store.items(b.id));
}

async function runMeta(config: unknown, runtime: ModelRuntime | undefined): Promise<EvalRunMeta> {
  let modelDigest: string | null = null;
  if (runtime) {
    try {
      modelDigest = (await runtime.client.identity()).digest;
    } catch {
      modelDigest = null; // unreachable: the run still happens (stages degrade) and says so
    }
  }
  return {
    gitCommit: gitCommit(),
    configHash: contentHash(config),
    modelName: runtime?.settings.name ?? null,
    modelDigest,
  };
}

function gitCommit(): string | null {
  try {
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    const dirty =
      execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim() !== '';
    return dirty ? `${sha}-dirty` : sha;
  } catch {
    return null;
  }
}
