// `outro eval run|list|compare`: flags to typed options, the call, the report; loaded only when an eval command runs (eval.ts holds the definitions).
import { OutroError } from '../../domain/errors.js';
import { resolveDatasetFiles } from '../../eval/dataset-files.js';
import { compareLines, reportLines, runListLines } from '../../eval/report-lines.js';
import { callApp } from '../call.js';
import type { CliContext } from '../context.js';
import { writeJson, writeLines } from '../output.js';

/** The flags of `outro eval run` (commander's parse). */
export interface EvalRunFlags {
  threshold?: string[];
  trials?: string;
  judge?: boolean;
  json?: boolean;
}

/** `outro eval run`. */
export async function evalRun(ctx: CliContext, datasets: string[], options: EvalRunFlags): Promise<void> {
  const { threshold, thresholds } = parseThresholds(options.threshold ?? []);
  const trials = parseTrials(options.trials);
  const progress = ctx.stderr.isTTY && !options.json;
  const report = await callApp(
    ctx,
    'eval.run',
    // Dataset names and files relative to this working directory, as absolute files.
    { datasets: resolveDatasetFiles(datasets), threshold, thresholds, trials, judge: options.judge === true },
    { onEvalItem: progress ? (done, total) => ctx.stderr.write(`\reval ${done}/${total}`) : undefined },
  );
  if (progress) ctx.stderr.write('\r\x1b[K');
  if (options.json) writeJson(ctx.stdout, report);
  else writeLines(ctx.stdout, reportLines(report));
  if (report.passed === false) {
    const reason =
      report.score === null
        ? 'nothing was scored'
        : report.datasets
            .filter((d) => d.passed === false)
            .map(
              (d) =>
                `${d.name} ${d.score === null ? 'not scored' : (d.score * 100).toFixed(1) + '%'} < ${((d.threshold ?? 0) * 100).toFixed(1)}%${d.errors ? ` (${d.errors} errors)` : ''}`,
            )
            .join(', ');
    throw new OutroError(
      'EVAL_BELOW_THRESHOLD',
      `The eval is under its threshold: ${reason}. See the report above; compare with an earlier run: outro eval compare latest~1 latest.`,
    );
  }
}

/** `outro eval compare`. */
export async function evalCompare(
  ctx: CliContext,
  before: string,
  after: string,
  options: { json?: boolean },
): Promise<void> {
  const comparison = await callApp(ctx, 'eval.compare', { before, after });
  if (options.json) writeJson(ctx.stdout, comparison);
  else writeLines(ctx.stdout, compareLines(comparison));
}

/** `outro eval list`. */
export async function evalList(ctx: CliContext, options: { limit: string; json?: boolean }): Promise<void> {
  const runs = await callApp(ctx, 'eval.list', { limit: Number(options.limit) || 20 });
  if (options.json) writeJson(ctx.stdout, runs);
  else writeLines(ctx.stdout, runListLines(runs));
}

/** `0.8`, `80`, `80%` for every dataset; `decisions=0.8` for one. */
function parseThresholds(values: readonly string[]): {
  threshold?: number;
  thresholds: Record<string, number>;
} {
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
  if (text.trim() === '' || !Number.isFinite(number) || number < 0 || number > 100)
    throw new OutroError(
      'USAGE',
      `--threshold ${original} is not a score; give 0–1 (0.8), a percentage (80), or NAME=score (decisions=0.8).`,
    );
  return number > 1 || text.endsWith('%') ? number / 100 : number;
}

function parseTrials(value: string | undefined): number {
  if (value === undefined) return 1;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 100)
    throw new OutroError('USAGE', `--trials ${value} is not a count; give a whole number from 1 to 100.`);
  return number;
}
