import type { Command } from 'commander';
import { meList } from '../../app/config.js';
import { OutroError } from '../../domain/errors.js';
import type { AskSources } from '../../pipeline/ask/answer-support.js';
import { ask } from '../../pipeline/ask/ask.js';
import { parseAsOf } from '../../pipeline/ask/parse-question.js';
import { renderAnswer } from '../../pipeline/ask/render-answer.js';
import type { CliContext } from '../context.js';
import { writeJson, writeLines } from '../output.js';

/**
 * Opens the graph (brought up to the end of the log first) and what answers read, runs `fn`, and
 * closes the graph whatever happens: Kùzu allows one process per database, so a command holds it
 * only while it runs.
 */
export async function withAskSources<T>(ctx: CliContext, fn: (sources: AskSources) => Promise<T>): Promise<T> {
  const config = ctx.config();
  // Loaded lazily: it pulls in the Kùzu native module (~0.5 s), which other commands never need.
  const { openAskSources } = await import('../../pipeline/ask/open-sources.js');
  const { sources, close } = await openAskSources({ db: ctx.store().db, graphDir: ctx.paths.graphDir, me: meList(config), now: ctx.now(), timeZone: config.timezone });
  try {
    return await fn(sources);
  } finally {
    await close();
  }
}

export function registerAsk(program: Command, context: () => CliContext): void {
  program
    .command('ask')
    .argument('<question...>', 'a question in plain English (quote it, or not)')
    .description('Answer a question about who owns what, what was decided and what waits on you, with confidence, evidence and history — or say "I don\'t know"')
    .option('--as-of <date>', 'answer as of a day (YYYY-MM-DD, end of that day in the config timezone) or an ISO time')
    .option('--json', 'print the answer as JSON: {text, known, confidence, evidence[], asOf, history[], entity, searched}')
    .addHelpText(
      'after',
      `
Questions understood (no model needed):
  who owns X · who owned X last week · who owned X on 2026-11-10 · who took over X
  who should I ask about X   (owner, then expertise, then the most active participants)
  who is working on X · who knows X best · what did we decide about X
  what is PERSON working on · what is blocking PERSON|X · what is waiting on me (config \`me\`)
  what changed about X       (the 7 days before --as-of)
X is matched against component/project names and aliases; people by name, handle or email.
With no support in the data the answer is "I don't know", with what was searched.

Examples:
  outro ask who owns billing
  outro ask "who owned the billing service last week?"
  outro ask "what did we decide about search" --as-of 2026-11-12
  outro ask "what is waiting on me" --json | jq -r '.text'`,
    )
    .action(async (words: string[], options: { asOf?: string; json?: boolean }) => {
      const ctx = context();
      const question = words.join(' ').trim();
      if (question === '') throw new OutroError('USAGE', 'Ask a question, e.g. outro ask "who owns billing".');
      const config = ctx.config();
      let asOf: string | undefined;
      if (options.asOf !== undefined) {
        asOf = parseAsOf(options.asOf, config.timezone);
        if (!asOf) throw new OutroError('USAGE', `--as-of ${options.asOf} is not a date; use YYYY-MM-DD or an ISO time like 2026-11-10T12:00:00+01:00.`);
      }
      const answer = await withAskSources(ctx, (sources) => ask(question, sources, { asOf }));
      if (options.json) writeJson(ctx.stdout, answer);
      else writeLines(ctx.stdout, renderAnswer(answer, config.timezone));
    });
}
