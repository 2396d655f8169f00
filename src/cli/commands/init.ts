import type { Command } from 'commander';
import type { InitValues, PersonChoice } from '../../app/init.js';
import { loadContextModules, type CliContext } from '../context.js';
import { writeJson, writeLines } from '../output.js';

const DEFAULT_SCHEDULE = '0 8 * * 1-5';

interface InitOptions {
  me?: string;
  timezone?: string;
  digestDir?: string;
  schedule?: string;
  json?: boolean;
}

export function registerInit(program: Command, context: () => CliContext): void {
  program
    .command('init')
    .description(
      'Write the config: who you are (from the people in the store), time zone, digest folder and schedule',
    )
    .option('--me <who>', 'you: a name, handle or email of a person in the store')
    .option('--timezone <zone>', 'IANA time zone for "today" and meeting times (default: this machine\'s)')
    .option('--digest-dir <dir>', 'folder the digest is written to')
    .option('--schedule <cron>', `when the daemon writes the digest (cron, default "${DEFAULT_SCHEDULE}")`)
    .option('--json', 'print what was written as JSON')
    .addHelpText(
      'after',
      `
On a terminal, init asks for what the flags leave out: type part of your name to search the people
outro has read (run \`outro ingest\` first), then pick one. Elsewhere it writes only the flags
given. Other keys of an existing config, and its comments, are kept.

Examples:
  outro init
  outro init --me dana@acme.io --timezone Europe/Berlin --digest-dir ~/notes/outro`,
    )
    .action(async (options: InitOptions) => {
      const ctx = context();
      const [init] = await Promise.all([import('../../app/init.js'), loadContextModules()]);
      const values: InitValues = {
        me: options.me,
        timezone: options.timezone,
        digestDir: options.digestDir,
        schedule: options.schedule,
      };
      const interactive = !options.json && process.stdin.isTTY === true && ctx.stdout.isTTY === true;
      if (interactive) await ask(ctx, values, init.peopleChoices(ctx), init.searchPeople);
      const result = init.writeInit(ctx, values);
      if (options.json) {
        writeJson(ctx.stdout, result);
        return;
      }
      const lines = [`${result.created ? 'Wrote' : 'Updated'} ${result.file}:`];
      if (result.written.me) lines.push(`  me: ${result.written.me}`);
      if (result.written.timezone) lines.push(`  timezone: ${result.written.timezone}`);
      if (result.written.digest?.dir) lines.push(`  digest.dir: ${result.written.digest.dir}`);
      if (result.written.digest?.schedule) lines.push(`  digest.schedule: ${result.written.digest.schedule}`);
      if (lines.length === 1)
        lines.push('  nothing to change (pass --me, --timezone, --digest-dir or --schedule)');
      lines.push('Next: `outro brief`.');
      writeLines(ctx.stdout, lines);
    });
}

/** The questions on a terminal, for what the flags left out. */
async function ask(
  ctx: CliContext,
  values: InitValues,
  people: PersonChoice[],
  search: (choices: readonly PersonChoice[], text: string) => PersonChoice[],
): Promise<void> {
  const { createInterface } = await import('node:readline/promises');
  const { systemTimeZone } = await import('../../domain/time-zones.js');
  const rl = createInterface({ input: process.stdin, output: ctx.stdout });
  try {
    if (values.me === undefined && people.length === 0)
      ctx.stdout.write('No people are stored yet: run `outro ingest` first to choose yourself from them.\n');
    while (values.me === undefined && people.length > 0) {
      const text = await rl.question(
        `Who are you? Type part of your name or email (${people.length} people): `,
      );
      const found = search(people, text);
      if (found.length === 0) {
        ctx.stdout.write(`  nobody matches "${text}"\n`);
        continue;
      }
      if (found.length === 1 && text.trim() !== '') {
        values.me = found[0].me;
        ctx.stdout.write(`  ${found[0].name} <${found[0].me}>\n`);
        break;
      }
      const shown = found.slice(0, 9);
      shown.forEach((choice, index) => ctx.stdout.write(`  ${index + 1}. ${choice.name} <${choice.me}>\n`));
      if (found.length > shown.length)
        ctx.stdout.write(`  … and ${found.length - shown.length} more: type more\n`);
      const pick = Number((await rl.question('Number (Enter to search again): ')).trim());
      if (Number.isInteger(pick) && pick >= 1 && pick <= shown.length) values.me = shown[pick - 1].me;
    }
    const zone = systemTimeZone();
    values.timezone ??= (await rl.question(`Time zone [${zone}]: `)).trim() || zone;
    if (values.digestDir === undefined) {
      const dir = (await rl.question('Digest folder (Enter: none; `outro digest` prints it): ')).trim();
      if (dir !== '') values.digestDir = dir;
    }
    values.schedule ??=
      (await rl.question(`Digest schedule, cron [${DEFAULT_SCHEDULE}]: `)).trim() || DEFAULT_SCHEDULE;
  } finally {
    rl.close();
  }
}
