import { OutroError } from '../domain/errors.js';
import { SqliteBus } from '../memory/bus/sqlite-bus.js';
import type { DrainSummary } from '../runtime/agents/agent-runtime.js';
import { RunStore } from '../memory/workflows/run-store.js';
import type { AppContext } from './app-context.js';
import type { RetryInput } from './operation-inputs.js';

export interface RetryReport {
  deadLetters: number;
  runs: string[];
  agents?: DrainSummary;
}

export interface RetryResult {
  report: RetryReport;
  /** Dead letters still dead afterwards. */
  stillDead: number;
}

/**
 * `outro retry`: dead letters go back to the agent that failed on them, dead (or a named failed)
 * run resumes from its last checkpoint; then, with `agents`, the agents run until drained.
 */
export async function retry(ctx: AppContext, input: RetryInput): Promise<RetryResult> {
  if (input.id === undefined && !input.all)
    throw new OutroError(
      'USAGE',
      'Name a dead letter or run to retry, or pass --all. `outro status` lists them.',
    );
  if (input.id !== undefined && input.all)
    throw new OutroError('USAGE', 'Give either an id or --all, not both.');
  const store = ctx.store();
  const bus = new SqliteBus(store.db, store.log);
  const runs = new RunStore(store.db);
  const report: RetryReport = { deadLetters: 0, runs: [] };
  if (input.all) {
    report.deadLetters = await bus.retry('all');
    report.runs = runs.retry();
  } else if (input.id !== undefined && /^\d+$/.test(input.id)) {
    report.deadLetters = await bus.retry(Number(input.id));
  } else if (input.id !== undefined) {
    report.runs = runs.retry(input.id);
    if (report.runs.length === 0) {
      const run = runs.get(input.id);
      throw new OutroError(
        'NOT_FOUND',
        run
          ? `Run ${input.id} is ${run.status}, not dead or failed; nothing to retry.`
          : `No workflow run ${input.id}. \`outro runs --status dead\` lists the dead ones.`,
      );
    }
  }
  if (input.agents) {
    // The agents pull in the NLP model and Kùzu: loaded only when they run. Untraced, as before.
    const { drainAgents } = await import('./agents.js');
    report.agents = await drainAgents(ctx, { traced: false });
  }
  return { report, stillDead: bus.deadLettersSync().filter((letter) => letter.status === 'dead').length };
}
