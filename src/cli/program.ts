import { Command } from 'commander';
import { createContext, type CliContext, type ContextOptions } from './context.js';
import { registerAsk } from './commands/ask.js';
import { registerBackup } from './commands/backup.js';
import { registerBrief } from './commands/brief.js';
import { registerCompletion } from './commands/completion.js';
import { registerDigest } from './commands/digest.js';
import { registerSchedule } from './commands/schedule.js';
import { registerDaemon } from './commands/daemon.js';
import { registerConversations } from './commands/conversations.js';
import { registerDoctor } from './commands/doctor.js';
import { registerEval } from './commands/eval.js';
import { registerHistory } from './commands/history.js';
import { registerIngest } from './commands/ingest.js';
import { registerInit } from './commands/init.js';
import { registerItems } from './commands/items.js';
import { registerMcp } from './commands/mcp.js';
import { registerPeople } from './commands/people.js';
import { registerReplay } from './commands/replay.js';
import { registerRestore } from './commands/restore.js';
import { registerRetry } from './commands/retry.js';
import { registerRuns } from './commands/runs.js';
import { registerSearch } from './commands/search.js';
import { registerStatus } from './commands/status.js';
import { registerTrace } from './commands/trace.js';
import { outroVersion } from './version.js';

export interface ProgramHandle {
  program: Command;
  /** The context the command ran with, when one was created. */
  context(): CliContext | undefined;
}

export function buildProgram(options: ContextOptions = {}): ProgramHandle {
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
  registerInit(program, context);
  registerIngest(program, context);
  registerStatus(program, context);
  registerConversations(program, context);
  registerRuns(program, context);
  registerRetry(program, context);
  registerDoctor(program, context);
  registerDaemon(program, context);
  registerEval(program, context);
  registerTrace(program, context);
  registerAsk(program, context);
  registerSearch(program, context);
  registerBrief(program, context);
  registerItems(program, context);
  registerPeople(program, context);
  registerDigest(program, context);
  registerSchedule(program, context);
  registerHistory(program, context);
  registerReplay(program, context);
  registerBackup(program, context);
  registerRestore(program, context);
  registerMcp(program, context);
  registerCompletion(program, context);
  return { program, context: () => ctx };
}
