import type { SqliteDatabase } from '../memory/sqlite.js';
import { SqlitePipelineHealth, type PipelineHealthSource } from '../memory/traces/pipeline-health.js';
import { ATTR, boolAttr, numberAttr } from './gen-ai-attributes.js';

/** What `outro status` shows about the pipeline's health over a window (the last day by default). */
export interface ObservabilitySummary {
  since: string;
  /** Workflow runs started or finished in the window (the engine's workflow_runs; without it, run ids seen in spans). */
  runs: number;
  /** Of those, failed or dead (without workflow_runs: runs whose workflow span, or a step, failed). */
  failedRuns: number;
  failedSteps: number;
  /** Rows of the bus's dead-letter table now; null when the store has no bus yet. */
  deadLetters: number | null;
  stageCalls: number;
  degradedOutputs: number;
  hallucinationDrops: number;
  modelCalls: number;
  failedModelCalls: number;
  inputTokens: number;
  outputTokens: number;
  cacheHits: number;
  /** cacheHits / stageCalls; null when there were no stage calls. */
  cacheHitRate: number | null;
  evalRuns: number;
}

/** Counts over the spans recorded since `since`; a store without the trace tables gives zeros. */
export function observabilitySummary(db: SqliteDatabase, since: Date): ObservabilitySummary {
  const health: PipelineHealthSource = new SqlitePipelineHealth(db);
  const summary: ObservabilitySummary = {
    since: since.toISOString(),
    runs: 0,
    failedRuns: 0,
    failedSteps: 0,
    deadLetters: health.deadLetters(),
    stageCalls: 0,
    degradedOutputs: 0,
    hallucinationDrops: 0,
    modelCalls: 0,
    failedModelCalls: 0,
    inputTokens: 0,
    outputTokens: 0,
    cacheHits: 0,
    cacheHitRate: null,
    evalRuns: 0,
  };
  const spans = health.spansSince(since.getTime());
  if (spans === undefined) return summary;
  const runs = new Set<string>();
  const failedByWorkflow = new Set<string>();
  const failedByStep = new Set<string>();
  const withWorkflowSpan = new Set<string>();
  for (const span of spans) {
    const failed = span.status === 'error';
    if ((span.kind === 'workflow' || span.kind === 'step') && span.runId) runs.add(span.runId);
    if (span.kind === 'workflow' && span.runId) {
      withWorkflowSpan.add(span.runId);
      if (failed) failedByWorkflow.add(span.runId);
    } else if (span.kind === 'step') {
      if (failed) {
        summary.failedSteps++;
        if (span.runId) failedByStep.add(span.runId);
      }
    } else if (span.kind === 'stage') {
      summary.stageCalls++;
      if (boolAttr(span.attributes, ATTR.cacheHit)) summary.cacheHits++;
      if (boolAttr(span.attributes, ATTR.degraded)) summary.degradedOutputs++;
      summary.hallucinationDrops += numberAttr(span.attributes, ATTR.groundingDrops);
    } else if (span.kind === 'model') {
      summary.modelCalls++;
      if (failed) summary.failedModelCalls++;
      summary.inputTokens += numberAttr(span.attributes, ATTR.inputTokens);
      summary.outputTokens += numberAttr(span.attributes, ATTR.outputTokens);
    }
  }
  summary.runs = runs.size;
  summary.failedRuns = new Set([
    ...failedByWorkflow,
    ...[...failedByStep].filter((run) => !withWorkflowSpan.has(run)),
  ]).size;
  // The engine's own tables are the record of runs; spans only cover runs a tracer watched.
  const engineRuns = health.runsSince(since.toISOString());
  if (engineRuns) {
    summary.runs = engineRuns.runs;
    summary.failedRuns = engineRuns.failed;
  }
  summary.cacheHitRate = summary.stageCalls > 0 ? summary.cacheHits / summary.stageCalls : null;
  summary.evalRuns = health.evalRunsSince(since.toISOString()) ?? 0;
  return summary;
}

/** Plain lines for `outro status`. */
export function renderObservabilitySummary(summary: ObservabilitySummary): string[] {
  const rate = summary.cacheHitRate === null ? '—' : `${Math.round(summary.cacheHitRate * 100)}%`;
  return [
    `Pipeline since ${summary.since}`,
    `  runs ${summary.runs} (${summary.failedRuns} failed, ${summary.failedSteps} failed steps), dead letters ${summary.deadLetters ?? '—'}`,
    `  stage calls ${summary.stageCalls}, cache hit rate ${rate}, degraded ${summary.degradedOutputs}, hallucination drops ${summary.hallucinationDrops}`,
    `  model calls ${summary.modelCalls} (${summary.failedModelCalls} failed), tokens ${summary.inputTokens} in / ${summary.outputTokens} out`,
  ];
}
