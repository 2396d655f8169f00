import type { Command } from 'commander';
import { meList } from '../../app/config.js';
import type { Config } from '../../app/config.js';
import type { Store } from '../../app/store.js';
import { OutroError } from '../../domain/errors.js';
import { parseDuration } from '../../domain/time.js';
import { buildBrief, type BriefOptions } from '../../pipeline/brief/build-brief.js';
import type { Brief } from '../../pipeline/brief/brief-types.js';
import { resolveModelConfig } from '../../pipeline/models/model-settings.js';
import { recordBriefSeen } from '../../pipeline/brief/brief-state.js';
import { renderBriefMarkdown } from '../../pipeline/brief/render-markdown.js';
import { renderBriefText } from '../../pipeline/brief/render-text.js';
import type { CliContext } from '../context.js';
import { writeJson, writeLines } from '../output.js';

interface BriefFlags {
  since?: string;
  until?: string;
  me?: string;
  json?: boolean;
  md?: boolean;
  peek?: boolean;
  modelBudget?: string;
}

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
  const { buildConfiguredBrief } = await import('../../pipeline/brief/model-summary/configured-model.js');
  return buildConfiguredBrief(store, config, options, { env: ctx.env, budgetMs });
}

/** Prints a brief: Ink on a terminal, plain text otherwise, or JSON / markdown on request. */
export async function printBrief(ctx: CliContext, brief: Brief, flags: Pick<BriefFlags, 'json' | 'md'>): Promise<void> {
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

export function registerBrief(program: Command, context: () => CliContext): void {
  program
    .command('brief')
    .description('What happened since you last looked, led by what waits on you: questions, approvals and action items for you, decisions, today\'s meetings, conversations by topic, changed facts — every item citing its messages')
    .option('--since <time>', 'start of the window: ISO time or a duration back from now (24h, 3d); default: where your last brief ended, else 24h')
    .option('--until <time>', 'end of the window: ISO time or a duration back from now; default: now')
    .option('--me <who>', 'who you are: any handle, id, display name or email on any source (default: config `me`)')
    .option('--json', 'print the brief as JSON (the same object the terminal view renders)')
    .option('--md', 'print the brief as markdown')
    .option('--peek', 'do not remember this brief as seen (the next brief starts where the last remembered one ended)')
    .option('--model-budget <duration>', 'with a model configured: time allowed for model-written summaries before the rest stay extractive (default 60s)')
    .addHelpText(
      'after',
      `
Sections, in order: Waiting on you · Decisions · Your day · Conversations · Changed facts.
Items cite source, channel, author, local time (config \`timezone\`) and the native message id.
A brief shown up to now is remembered per reader, so the next one starts where it ended.
With a model configured (config \`model\`, or OUTRO_MODEL=ollama:<name>), conversation summaries
are written by the model, grounded in the messages and cached; --json says which ones
(summarySource: model | extractive), and any that fell back mark the brief degraded.

Examples:
  outro brief                              since your last brief (first time: the last 24 h)
  outro brief --since 3d --me priya@acme.io
  outro brief --since 2026-11-19 --until 2026-11-20 --md > week.md
  outro brief --json | jq '.waiting[] | .text'`,
    )
    .action(async (flags: BriefFlags) => {
      const ctx = context();
      const config = ctx.config();
      const store = ctx.store();
      const now = ctx.now();
      const brief = await makeBrief(ctx, store, config, { since: flags.since, until: flags.until, me: flags.me !== undefined ? [flags.me] : meList(config), now, timezone: config.timezone }, flags.modelBudget);
      await printBrief(ctx, brief, flags);
      if (!flags.peek && flags.until === undefined) recordBriefSeen(store.db, brief.reader.id, brief.window.until, now.toISOString());
    });
}
