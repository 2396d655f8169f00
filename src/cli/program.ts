import { Command } from 'commander';
import { createContext, type CliContext, type ContextOptions } from './context.js';
import { outroVersion } from './version.js';

type Register = (program: Command, context: () => CliContext) => void;

/**
 * Every command, in the order help lists them, and how to load it. A run that names its command
 * first (`outro ask …`) loads that command's module only; help, completion, an unknown name or a
 * global option first load them all (each command module pulls in its own flags and renderers).
 */
const COMMANDS: ReadonlyArray<readonly [string, () => Promise<Register>]> = [
  ['init', async () => (await import('./commands/init.js')).registerInit],
  ['ingest', async () => (await import('./commands/ingest.js')).registerIngest],
  ['status', async () => (await import('./commands/status.js')).registerStatus],
  ['conversations', async () => (await import('./commands/conversations.js')).registerConversations],
  ['runs', async () => (await import('./commands/runs.js')).registerRuns],
  ['retry', async () => (await import('./commands/retry.js')).registerRetry],
  ['doctor', async () => (await import('./commands/doctor.js')).registerDoctor],
  ['daemon', async () => (await import('./commands/daemon.js')).registerDaemon],
  ['eval', async () => (await import('./commands/eval.js')).registerEval],
  ['trace', async () => (await import('./commands/trace.js')).registerTrace],
  ['ask', async () => (await import('./commands/ask.js')).registerAsk],
  ['search', async () => (await import('./commands/search.js')).registerSearch],
  ['brief', async () => (await import('./commands/brief.js')).registerBrief],
  ['items', async () => (await import('./commands/items.js')).registerItems],
  ['people', async () => (await import('./commands/people.js')).registerPeople],
  ['digest', async () => (await import('./commands/digest.js')).registerDigest],
  ['schedule', async () => (await import('./commands/schedule.js')).registerSchedule],
  ['history', async () => (await import('./commands/history.js')).registerHistory],
  ['replay', async () => (await import('./commands/replay.js')).registerReplay],
  ['backup', async () => (await import('./commands/backup.js')).registerBackup],
  ['restore', async () => (await import('./commands/restore.js')).registerRestore],
  ['mcp', async () => (await import('./commands/mcp.js')).registerMcp],
  ['completion', async () => (await import('./commands/completion.js')).registerCompletion],
];

/** Commands that read the whole program (completion lists every command). */
const NEEDS_ALL = new Set(['completion']);

/** The commands to register for `argv`: the one it names first, or all of them. */
export function commandsFor(argv: readonly string[]): string[] {
  const first = argv[0];
  const named = COMMANDS.find(([name]) => name === first && !NEEDS_ALL.has(name));
  return named ? [named[0]] : COMMANDS.map(([name]) => name);
}

export interface ProgramHandle {
  program: Command;
  /** The context the command ran with, when one was created. */
  context(): CliContext | undefined;
}

/** The program with the commands `argv` needs (commandsFor; all of them when argv is not given). */
export async function buildProgram(
  options: ContextOptions = {},
  argv?: readonly string[],
): Promise<ProgramHandle> {
  const wanted = new Set(argv ? commandsFor(argv) : COMMANDS.map(([name]) => name));
  const registers = await Promise.all(
    COMMANDS.filter(([name]) => wanted.has(name)).map(([, load]) => load()),
  );
  let ctx: CliContext | undefined;
  const program = new Command();
  program
    .name('outro')
    .description("Briefings from your team's chat exports and calendar, on your own machine, offline.")
    .version(outroVersion(), '-v, --version', 'print the version')
    .option('--config <file>', 'config file (default: $OUTRO_HOME/config.yaml or the platform config dir)')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText(
      'after',
      `
State lives in $OUTRO_HOME when set, else the platform data dir (~/.local/share/outro on Linux).
Start with:
  outro ingest path/to/slack-export.zip discord/*.json calendar.ics
  outro status`,
    );
  const context = (): CliContext => {
    ctx ??= createContext({
      ...options,
      configFile: (program.opts() as { config?: string }).config ?? options.configFile,
    });
    return ctx;
  };
  for (const register of registers) register(program, context);
  return { program, context: () => ctx };
}
