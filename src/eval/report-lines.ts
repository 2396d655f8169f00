import type { EvalRunRecord } from '../memory/traces/sqlite-eval-store.js';
import type { RunComparison } from './compare.js';
import type { EvalReport } from './runner.js';

const pct = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`;

/** Plain-text report of one eval run. */
export function reportLines(report: EvalReport): string[] {
  const lines = [
    `eval ${report.id}  commit ${report.meta.gitCommit ?? 'unknown'}  config ${report.meta.configHash}  model ${report.meta.modelName ? `${report.meta.modelName}@${(report.meta.modelDigest ?? '?').replace(/^sha256:/, '').slice(0, 12)}` : 'none (heuristics)'}`,
    '',
  ];
  for (const d of report.datasets) {
    const verdict = d.passed === undefined ? '' : d.passed ? '  pass' : '  FAIL';
    if (d.status === 'skipped') {
      lines.push(`  ${d.name.padEnd(14)} skipped: ${d.reason}`);
      continue;
    }
    const extra = Object.entries(d.scores)
      .filter(([key]) => key !== 'score')
      .map(([key, value]) => `${key} ${pct(value)}`)
      .join(', ');
    const judge = d.judge
      ? `  judge ${d.judge.passed} pass / ${d.judge.failed} fail / ${d.judge.errors} error`
      : '';
    const counts = d.counts
      ? `, ${Math.round(d.counts.matched)} of ${Math.round(d.counts.expected)} expected found, ${Math.round(d.counts.predicted - d.counts.matched)} extra`
      : '';
    lines.push(
      `  ${d.name.padEnd(14)} ${pct(d.score).padStart(6)}  ${d.scored}/${d.rows} scored${counts}${d.errors ? `, ${d.errors} errors` : ''}${d.skipped ? `, ${d.skipped} skipped` : ''}  [${d.task}]${verdict}`,
    );
    if (extra) lines.push(`  ${''.padEnd(14)} ${extra}`);
    if (judge) lines.push(`  ${''.padEnd(14)}${judge}`);
  }
  lines.push(
    '',
    `score ${pct(report.score)}${report.threshold === null ? '' : `  threshold ${pct(report.threshold)}: ${report.passed ? 'pass' : 'FAIL'}`}`,
  );
  return lines;
}

export function compareLines(comparison: RunComparison): string[] {
  const side = (run: RunComparison['before']) =>
    `${run.id} (commit ${run.gitCommit?.slice(0, 10) ?? '?'}, config ${run.configHash}, ${run.modelName ?? 'no model'}) score ${pct(run.score)}`;
  const c = comparison.counts;
  const lines = [
    `before ${side(comparison.before)}`,
    `after  ${side(comparison.after)}`,
    '',
    `${c.improved} improved, ${c.regressed} regressed, ${c.unchanged} unchanged, ${c.status} changed status, ${c.added} added, ${c.removed} removed`,
  ];
  if (comparison.onlyBefore.length > 0)
    lines.push(`not in the after run (not compared): ${comparison.onlyBefore.join(', ')}`);
  if (comparison.onlyAfter.length > 0)
    lines.push(`not in the before run (not compared): ${comparison.onlyAfter.join(', ')}`);
  if (comparison.items.length > 0) lines.push('');
  for (const item of comparison.items) {
    const scores =
      item.change === 'status'
        ? `${item.beforeStatus} → ${item.afterStatus}`
        : `${pct(item.before)} → ${pct(item.after)}`;
    lines.push(`  ${item.change.padEnd(9)} ${`${item.dataset}/${item.itemId}`.padEnd(40)} ${scores}`);
  }
  return lines;
}

export function runListLines(runs: readonly EvalRunRecord[]): string[] {
  if (runs.length === 0) return ['No eval runs yet. Run: outro eval run'];
  return runs.map(
    (run) =>
      `${run.id}  ${run.startedAt}  score ${pct(run.score)}  ${run.datasets.map((d) => d.name).join(',')}  commit ${run.gitCommit?.slice(0, 10) ?? '?'}${run.finishedAt ? '' : '  (unfinished)'}`,
  );
}
