import type { Command } from 'commander';
import { OutroError, toOutroError, type ErrorCode } from '../domain/errors.js';
import type { ContextOptions } from './context.js';
import { limitHeapGrowth } from '../runtime/heap-growth.js';

export interface MainResult {
  /** undefined on success; the error's code otherwise (bin/outro maps it to an exit status). */
  code?: ErrorCode;
}

/**
 * Runs one CLI invocation; never throws. Errors are printed to stderr with how to fix them. When a
 * daemon runs, the use cases that need the stores run in it (it owns them; see src/cli/call.ts);
 * the command parses its flags and renders the result here either way.
 */
export function main(argv: readonly string[], options: ContextOptions = {}): Promise<MainResult> {
  return run(argv, options);
}

/** Runs one CLI invocation with every use case in this process, never through a running daemon. */
export function runLocal(argv: readonly string[], options: ContextOptions = {}): Promise<MainResult> {
  return run(argv, { ...options, daemon: false });
}

async function run(argv: readonly string[], options: ContextOptions): Promise<MainResult> {
  // First thing: V8 keeps the limit each full collection sets until the next one, so a limit set after
  // the ingest's collections comes too late for the agents after it.
  limitHeapGrowth();
  const stderr = options.stderr ?? process.stderr;
  const json = argv.includes('--json');
  // Loaded here, not at startup: bin/outro's import of this module stays small.
  const [{ CommanderError }, { buildProgram }] = await Promise.all([
    import('commander'),
    import('./program.js'),
  ]);
  const { program, context } = await buildProgram(options, argv);
  // Subcommands copy these settings only when created, so apply them to every command: a usage
  // error must throw (never process.exit), so it is reported here like any other error.
  const configure = (command: Command): void => {
    command.exitOverride();
    command.configureOutput({
      writeOut: (text) => (options.stdout ?? process.stdout).write(text),
      writeErr: (text) => stderr.write(text),
    });
    for (const sub of command.commands) configure(sub);
  };
  configure(program);
  try {
    await program.parseAsync(argv as string[], { from: 'user' });
    return {};
  } catch (caught) {
    if (caught instanceof CommanderError) {
      if (caught.exitCode === 0) return {};
      return { code: 'USAGE' };
    }
    const error = toOutroError(caught);
    if (json) stderr.write(`${JSON.stringify({ error: error.toJSON() })}\n`);
    else
      stderr.write(
        `outro: ${error.message}${error.code === 'INTERNAL' && caught instanceof Error && caught.stack ? `\n${caught.stack}` : ''}\n`,
      );
    return { code: error.code };
  } finally {
    context()?.close();
  }
}

export { OutroError };
