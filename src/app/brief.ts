import type { BriefOptions } from '../answers/brief/build-brief.js';
import type { Brief } from '../answers/brief/brief-types.js';
import { OutroError } from '../domain/errors.js';
import { parseDuration } from '../domain/time.js';
import type { AppContext } from './app-context.js';
import { meList } from './config-me.js';
import { modelRuntime } from './model.js';
import type { BriefInput } from './operation-inputs.js';
import { withTracing } from './tracing.js';

/**
 * `outro brief`: what happened in the window, led by what waits on the reader (config `me`, or
 * `me`). A brief shown up to now is remembered as seen, so the next one starts where it ended.
 */
export async function brief(ctx: AppContext, input: BriefInput): Promise<Brief> {
  const config = ctx.config();
  const now = ctx.now();
  const made = await buildBrief(
    ctx,
    {
      since: input.since,
      until: input.until,
      me: input.me !== undefined ? [input.me] : meList(config),
      meGiven: input.me !== undefined,
      now,
      timezone: config.timezone,
    },
    input.modelBudget,
  );
  if (!input.peek && input.until === undefined && made.reader.keys.length > 0) {
    const { recordBriefSeen } = await import('../memory/brief-state.js');
    recordBriefSeen(ctx.store().db, made.reader.id, made.window.until, now.toISOString());
  }
  return made;
}

/**
 * The brief as `brief` and `digest` build it: with model summaries when a model is configured
 * (grounded, cached, within `modelBudget`; traced into the store's spans so `outro status` counts
 * its model calls), else the extractive brief. The model code loads only with a model.
 */
export async function buildBrief(
  ctx: AppContext,
  options: BriefOptions,
  modelBudget?: string,
): Promise<Brief> {
  let budgetMs: number | undefined;
  if (modelBudget !== undefined) {
    budgetMs = parseDuration(modelBudget);
    if (budgetMs === undefined || budgetMs <= 0)
      throw new OutroError(
        'USAGE',
        `--model-budget ${modelBudget} is not a duration; use e.g. 30s, 2m or 500ms.`,
      );
  }
  const store = ctx.store();
  const runtime = await modelRuntime(ctx);
  if (!runtime) return (await import('../answers/brief/build-brief.js')).buildBrief(store, options);
  const { buildBriefWithModel } = await import('../answers/brief/model-summary/brief-with-model.js');
  return withTracing(ctx, () => buildBriefWithModel(store, options, { client: runtime.client, budgetMs }), {
    prune: false,
  });
}
