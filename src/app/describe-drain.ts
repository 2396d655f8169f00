import type { DrainSummary } from '../runtime/agents/agent-runtime.js';

/** One line for humans: "agents: 3 batches, 1,204 events handled, 12 produced, 0 failed (0.4 s)". */
export function describeDrain(summary: DrainSummary): string {
  const n = (value: number): string => value.toLocaleString('en-US');
  const resumed = summary.resumed > 0 ? `, ${n(summary.resumed)} resumed from an interrupted run` : '';
  const dead = summary.deadLettered > 0 ? `, ${n(summary.deadLettered)} dead-lettered (outro retry)` : '';
  return `agents: ${n(summary.batches)} batches, ${n(summary.events)} events handled, ${n(summary.produced)} produced, ${n(summary.failures)} failed${resumed}${dead} (${(summary.durationMs / 1000).toFixed(1)} s)`;
}
