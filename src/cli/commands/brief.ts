import type { Command } from 'commander';
import { callApp } from '../call.js';
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

export function registerBrief(program: Command, context: () => CliContext): void {
  program
    .command('brief')
    .description(
      "What happened since you last looked, led by what waits on you: questions, approvals and action items for you, decisions, today's meetings, conversations by topic, changed facts — every item citing its messages",
    )
    .option(
      '--since <time>',
      'start of the window: ISO time or a duration back from now (24h, 3d); default: where your last brief ended, else 24h',
    )
    .option('--until <time>', 'end of the window: ISO time or a duration back from now; default: now')
    .option(
      '--me <who>',
      'who you are: any handle, id, display name or email on any source (default: config `me`)',
    )
    .option('--json', 'print the brief as JSON (the same object the terminal view renders)')
    .option('--md', 'print the brief as markdown')
    .option(
      '--peek',
      'do not remember this brief as seen (the next brief starts where the last remembered one ended)',
    )
    .option(
      '--model-budget <duration>',
      'with a model configured: time allowed for model-written summaries before the rest stay extractive (default 60s)',
    )
    .addHelpText(
      'after',
      `
Sections, in order: Waiting on you · Due soon across the team · Decisions · Your day ·
Conversations · Changed facts.
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
      const brief = await callApp(ctx, 'brief', {
        since: flags.since,
        until: flags.until,
        me: flags.me,
        peek: flags.peek === true,
        modelBudget: flags.modelBudget,
      });
      await (await import('./print-brief.js')).printBrief(ctx, brief, flags);
    });
}
