import type { Command } from 'commander';
import { meList } from '../../app/config.js';
import { buildBrief } from '../../pipeline/brief/build-brief.js';
import type { Brief } from '../../pipeline/brief/brief-types.js';
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
    .addHelpText(
      'after',
      `
Sections, in order: Waiting on you · Decisions · Your day · Conversations · Changed facts.
Items cite source, channel, author, local time (config \`timezone\`) and the native message id.
A brief shown up to now is remembered per reader, so the next one starts where it ended.

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
      const brief = buildBrief(store, { since: flags.since, until: flags.until, me: flags.me !== undefined ? [flags.me] : meList(config), now, timezone: config.timezone });
      await printBrief(ctx, brief, flags);
      if (!flags.peek && flags.until === undefined) recordBriefSeen(store.db, brief.reader.id, brief.window.until, now.toISOString());
    });
}
