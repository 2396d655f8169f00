import type { Command } from 'commander';
import type { Config } from '../../app/config.js';
import type { Store } from '../../app/store.js';
import type { BriefOptions } from '../../answers/brief/build-brief.js';
import type { Brief } from '../../answers/brief/brief-types.js';
import type { CliContext } from '../context.js';

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
 * The brief with model summaries when a model is configured, else the extractive brief. The
 * implementation (brief pipeline, Ollama client) loads only when a command calls this.
 */
export async function makeBrief(ctx: CliContext, store: Store, config: Config, options: BriefOptions, modelBudget?: string): Promise<Brief> {
  return (await import('./brief-run.js')).makeBrief(ctx, store, config, options, modelBudget);
}

/** Prints a brief: Ink on a terminal, plain text otherwise, or JSON / markdown on request. */
export async function printBrief(ctx: CliContext, brief: Brief, flags: Pick<BriefFlags, 'json' | 'md'>): Promise<void> {
  return (await import('./brief-run.js')).printBrief(ctx, brief, flags);
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
      const { meList } = await import('../../app/config.js');
      const brief = await makeBrief(ctx, store, config, { since: flags.since, until: flags.until, me: flags.me !== undefined ? [flags.me] : meList(config), now, timezone: config.timezone }, flags.modelBudget);
      await printBrief(ctx, brief, flags);
      const { recordBriefSeen } = await import('../../memory/brief-state.js');
      if (!flags.peek && flags.until === undefined) recordBriefSeen(store.db, brief.reader.id, brief.window.until, now.toISOString());
    });
}
