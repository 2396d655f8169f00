import { toOutroError } from '../../../domain/errors.js';
import type { ModelClient } from '../../../llm/model-client.js';
import { runStage, type ModelStageResult } from '../../../pipeline/run-model-stage.js';
import type { StageCache } from '../../../pipeline/stage-cache.js';
import { SqliteStageCache } from '../../../memory/stage-cache-store.js';
import { ATTR } from '../../../observability/gen-ai-attributes.js';
import { traced } from '../../../observability/tracer.js';
import { composeBrief, type BriefOptions, type BriefStore } from '../build-brief.js';
import type { Brief, BriefSummaryStats, ConversationGroup } from '../brief-types.js';
import { SHOWN_CONVERSATIONS } from '../render-shared.js';
import type { SectionContext } from '../waiting-section.js';
import { loadSummaryInputs, type BriefSummaryInput } from './summary-input.js';
import { groundBriefSummary } from './summary-grounding.js';
import type { BriefSummaryOutput } from './summary-reply.js';
import {
  briefSummaryStage,
  extractiveSummaryStrategy,
  makeBriefSummaryStrategy,
} from './summary-strategy.js';

/** How long one brief may spend on model summaries before the rest keep their extractive ones. */
export const DEFAULT_SUMMARY_BUDGET_MS = 60_000;

export interface BriefModelOptions {
  client: ModelClient;
  /** Default: the store's stage cache (SQLite), so an unchanged topic is never asked twice. */
  cache?: StageCache;
  /** Total time for this brief's model summaries (default 60 s). */
  budgetMs?: number;
  /** Groups asked, in rank order (default: the 12 the text and markdown show). */
  limit?: number;
  signal?: AbortSignal;
}

/**
 * The brief, with its conversation summaries written by the model where it can: each topic's
 * messages go to the brief-summary stage (structured output, repair, grounding, cache); a summary
 * that fails, invents a name or cites an unknown message keeps the extractive one and marks the
 * group (and the brief) degraded with the reason. The budget bounds the whole step, so a slow or
 * hung model cannot hold the brief up. Without `model`, this is buildBrief.
 */
export async function buildBriefWithModel(
  store: BriefStore,
  options: BriefOptions,
  model?: BriefModelOptions,
): Promise<Brief> {
  const { brief, context } = composeBrief(store, options);
  if (!model) return brief;
  brief.summaries = await summarizeGroups(brief.conversations, store, context, model, options.now);
  if (brief.conversations.some((group) => group.degraded)) brief.degraded = true;
  return brief;
}

async function summarizeGroups(
  groups: ConversationGroup[],
  store: BriefStore,
  context: SectionContext,
  model: BriefModelOptions,
  now: Date,
): Promise<BriefSummaryStats> {
  const budgetMs = model.budgetMs ?? DEFAULT_SUMMARY_BUDGET_MS;
  const asked = groups.slice(0, model.limit ?? SHOWN_CONVERSATIONS);
  const stats: BriefSummaryStats = {
    model: model.client.model,
    modelWritten: 0,
    fallbacks: 0,
    notAsked: groups.length - asked.length,
    cacheHits: 0,
    modelCalls: 0,
    hallucinationDrops: 0,
    budgetMs,
    budgetExhausted: false,
  };
  if (asked.length === 0) return stats;
  const budget = new AbortController();
  const timer = setTimeout(
    () =>
      budget.abort(new DOMException(`the brief's model budget of ${budgetMs} ms ran out`, 'TimeoutError')),
    budgetMs,
  );
  const onAbort = (): void => budget.abort(model.signal?.reason);
  if (model.signal?.aborted) onAbort();
  else model.signal?.addEventListener('abort', onAbort, { once: true });
  const fallBack = (group: ConversationGroup, reason: string): void => {
    group.summaryFallback = reason;
    group.degraded = true;
    stats.fallbacks++;
  };
  /** A fallback runStage did not record (server down before any topic, budget spent): its own stage span, so `outro status` counts it. */
  const recordFallback = async (group: ConversationGroup, reason: string): Promise<void> => {
    fallBack(group, reason);
    model.client.stats.add('degraded');
    await traced(
      `stage ${briefSummaryStage.name}`,
      {
        kind: 'stage',
        attributes: {
          [ATTR.stage]: briefSummaryStage.name,
          [ATTR.stageVersion]: briefSummaryStage.version,
          [ATTR.requestModel]: model.client.model,
        },
      },
      (span) => {
        span.setAttributes({
          [ATTR.strategy]: 'heuristic',
          [ATTR.cacheHit]: false,
          [ATTR.degraded]: true,
          [ATTR.degradedReason]: reason,
          [ATTR.groundingDrops]: 0,
          [ATTR.modelCalls]: 0,
        });
      },
    );
  };
  try {
    const inputs = loadSummaryInputs(store.log, asked, context);
    // A topic whose messages are gone (deleted, or never ingested) keeps its extractive summary.
    stats.notAsked += inputs.filter((input) => input === undefined).length;
    // One reachability check for the whole brief: a server that is down costs one failure, not one per topic.
    try {
      await model.client.identity(budget.signal);
    } catch (error) {
      const problem = toOutroError(error);
      const reason = budget.signal.aborted ? budgetReason(budgetMs) : `${problem.code}: ${problem.message}`;
      stats.budgetExhausted = budget.signal.aborted;
      for (const [index, group] of asked.entries()) if (inputs[index]) await recordFallback(group, reason);
      return stats;
    }
    const cache = model.cache ?? new SqliteStageCache(store.db, () => now);
    const strategy = makeBriefSummaryStrategy(model.client);
    const runOne = async (
      input: BriefSummaryInput,
    ): Promise<ModelStageResult<BriefSummaryOutput> | { aborted: true }> => {
      if (budget.signal.aborted) return { aborted: true };
      try {
        return await runStage(
          briefSummaryStage,
          input,
          { now, signal: budget.signal },
          { heuristic: extractiveSummaryStrategy, model: strategy, grounding: groundBriefSummary, cache },
        );
      } catch (error) {
        if (budget.signal.aborted && toOutroError(error).code === 'ABORTED') return { aborted: true };
        throw error;
      }
    };
    // The client's own semaphore limits how many run at once; the budget aborts whatever is left.
    const results = await Promise.all(inputs.map((input) => (input ? runOne(input) : undefined)));
    for (const [index, result] of results.entries()) {
      const group = asked[index];
      if (!result) continue;
      if ('aborted' in result) {
        stats.budgetExhausted = true;
        await recordFallback(group, budgetReason(budgetMs));
        continue;
      }
      stats.modelCalls += result.modelCalls;
      stats.hallucinationDrops += result.hallucinations.length;
      if (result.cached) stats.cacheHits++;
      if (result.output.source === 'model') {
        group.summary = result.output.lines;
        group.summarySource = 'model';
        group.summaryEvidence = result.output.evidence;
        if (result.provenance.model) group.summaryModel = result.provenance.model;
        stats.modelWritten++;
      } else {
        fallBack(group, result.provenance.degradedReason ?? 'the model gave no usable summary');
      }
    }
    return stats;
  } finally {
    clearTimeout(timer);
    model.signal?.removeEventListener('abort', onAbort);
  }
}

function budgetReason(budgetMs: number): string {
  return `TIMEOUT: the brief's model budget of ${budgetMs} ms ran out before this summary; the extractive one is shown.`;
}
