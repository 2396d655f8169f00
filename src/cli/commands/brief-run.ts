// The brief's implementation, loaded only when `brief` or `digest` runs (brief.ts stays cheap to import).
import type { Config } from '../../app/config.js';
import type { Store } from '../../app/store.js';
import { OutroError } from '../../domain/errors.js';
import { parseDuration } from '../../domain/time.js';
import { buildBrief, type BriefOptions } from '../../answers/brief/build-brief.js';
import type { Brief } from '../../answers/brief/brief-types.js';
import { resolveModelConfig } from '../../llm/model-settings.js';
import { renderBriefMarkdown } from '../../answers/brief/render-markdown.js';
import { renderBriefText } from '../../answers/brief/render-text.js';
import type { CliContext } from '../context.js';
import { writeJson, writeLines } from '../output.js';

/**
 * The brief with model summaries when a model is configured (config `model` or OUTRO_MODEL; loaded
 * lazily, so the no-model brief never pays for the Ollama client), else the extractive brief.
 */
export async function makeBrief(ctx: CliContext, store: Store, config: Config, options: BriefOptions, modelBudget?: string): Promise<Brief> {
  let budgetMs: number | undefined;
  if (modelBudget !== undefined) {
    budgetMs = parseDuration(modelBudget);
    if (budgetMs === undefined || budgetMs <= 0) throw new OutroError('USAGE', `--model-budget ${modelBudget} is not a duration; use e.g. 30s, 2m or 500ms.`);
  }
  if (!resolveModelConfig(config, ctx.env)) return buildBrief(store, options);
  const { buildConfiguredBrief } = await import('../../answers/brief/model-summary/configured-model.js');
  return buildConfiguredBrief(store, config, options, { env: ctx.env, budgetMs });
}

/** Prints a brief: Ink on a terminal, plain text otherwise, or JSON / markdown on request. */
export async function printBrief(ctx: CliContext, brief: Brief, flags: { json?: boolean; md?: boolean }): Promise<void> {
  if (flags.json) return writeJson(ctx.stdout, brief);
  if (flags.md) {
    ctx.stdout.write(renderBriefMarkdown(brief));
    return;
  }
  if (ctx.stdout.isTTY && !ctx.env.NO_COLOR) {
    const [{ render }, { createElement }, { BriefViewOnce }] = await Promise.all([import('ink'), import('react'), import('../views/brief-view.js')]);
    const app = render(createElement(BriefViewOnce, { brief }), { stdout: ctx.stdout as NodeJS.WriteStream, patchConsole: false });
    await app.waitUntilExit();
    return;
  }
  writeLines(ctx.stdout, renderBriefText(brief));
}
