import type { Command } from 'commander';
import { OutroError } from '../../domain/errors.js';
import { callApp } from '../call.js';
import type { CliContext } from '../context.js';
import { writeJson, writeLines } from '../output.js';

export function registerHistory(program: Command, context: () => CliContext): void {
  program
    .command('history')
    .argument('<entity...>', 'a component, project or team name or alias, or a person')
    .description(
      'Show every fact about an entity over time — asserted, superseded, ended, retracted — with its evidence, and the decisions about it',
    )
    .option('--json', 'print the timeline as JSON: {entity, facts[], decisions[], searched}')
    .addHelpText(
      'after',
      `
Each fact shows when it held in the world (valid from → to), its status, its confidence and the
messages it rests on. Superseded and retracted facts stay in the history; \`outro ask\` answers
from current ones.

Examples:
  outro history billing
  outro history "Priya Nair"
  outro history billing --json | jq '.facts[] | select(.relation == "owns")'`,
    )
    .action(async (words: string[], options: { json?: boolean }) => {
      const ctx = context();
      const query = words.join(' ').trim();
      if (query === '') throw new OutroError('USAGE', 'Name an entity, e.g. outro history billing.');
      const { history, timeZone } = await callApp(ctx, 'history', { entity: query });
      if (options.json) writeJson(ctx.stdout, history);
      else
        writeLines(
          ctx.stdout,
          (await import('../../answers/ask/render-answer.js')).renderHistory(history, timeZone),
        );
      if (!history.entity)
        throw new OutroError(
          'NOT_FOUND',
          `Nothing named "${query}" is known. Check the spelling, or run \`outro ask "what did we decide about ${query}"\`.`,
        );
    });
}
