import type { Command } from 'commander';
import { callApp } from '../call.js';
import type { CliContext } from '../context.js';
import { writeJson, writeLines } from '../output.js';

interface PeopleFlags {
  bots?: boolean;
  json?: boolean;
}

export function registerPeople(program: Command, context: () => CliContext): void {
  program
    .command('people')
    .description(
      'The people outro sees, one per human across sources, or one of them with every handle and identity and the links that joined them',
    )
    .argument(
      '[who]',
      'show one person: any handle, id, display name or email on any source, or a name word only one human has',
    )
    .option('--bots', 'list bots too')
    .option('--json', 'print the result as JSON (every identity and link, with method, confidence and basis)')
    .addHelpText(
      'after',
      `
Identities (a Slack user, a Discord user, a Teams user, a calendar address) are one person when
they share an email, a display name, a name once decoration is undone ("Tess | Acme",
"Okoro, Teresa"), a handle that spells the name, a self-introduction ("Tess here — I've taken
over invoicing"), or a config \`people:\` entry. Each link has a method and a confidence; links
under 0.6 join nobody. brief, ask and items use this same grouping.

To join identities, or keep them apart, add a \`people:\` entry to the config (\`ids\`, \`exclude\`)
and run \`outro ingest\` again; entries not applied yet are shown as such.

Examples:
  outro people                              everyone, with sources and handles
  outro people leila                         Leila's identities and what links them
  outro people leila@brightwater.io --json
  outro people --json | jq -r '.people[] | select(.identityCount > 1) | .name'`,
    )
    .action(async (who: string | undefined, flags: PeopleFlags) => {
      const ctx = context();
      const result = await callApp(ctx, 'people', { who, bots: flags.bots === true });
      if (flags.json) return writeJson(ctx.stdout, result);
      const { renderPeopleText } = await import('../../answers/people/render-people.js');
      writeLines(ctx.stdout, renderPeopleText(result));
    });
}
