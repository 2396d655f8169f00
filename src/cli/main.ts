import type { Command } from 'commander';
import { OutroError, toOutroError, type ErrorCode } from '../domain/errors.js';
import type { ContextOptions } from './context.js';
import { forwardToDaemon, shouldForward } from './daemon-client.js';
import { resolvePaths } from '../app/paths.js';
import { daemonPaths } from '../daemon/daemon-paths.js';

export interface MainResult {
  /** undefined on success; the error's code otherwise (bin/outro maps it to an exit status). */
  code?: ErrorCode;
}

/**
 * Runs one CLI invocation; never throws. Errors are printed to stderr with how to fix them. When a
 * daemon runs, commands that need the stores run in it (it owns them); otherwise here.
 */
export async function main(argv: readonly string[], options: ContextOptions = {}): Promise<MainResult> {
  const env = options.env ?? process.env;
  if (shouldForward(argv, env)) {
    try {
      const forwarded = await forwardToDaemon(daemonPaths(resolvePaths(env)).socket, argv, env, { stdout: options.stdout ?? process.stdout, stderr: options.stderr ?? process.stderr });
      if (forwarded) return forwarded as MainResult;
    } catch (caught) {
      const error = toOutroError(caught);
      const stderr = options.stderr ?? process.stderr;
      stderr.write(argv.includes('--json') ? `${JSON.stringify({ error: error.toJSON() })}\n` : `outro: ${error.message}\n`);
      return { code: error.code };
    }
  }
  return runLocal(argv, options);
}

/** Runs one CLI invocation in this process (the daemon runs forwarded commands through this). */
export async function runLocal(argv: readonly string[], options: ContextOptions = {}): Promise<MainResult> {
  const stderr = options.stderr ?? process.stderr;
  const json = argv.includes('--json');
  // Loaded here, not at startup: a command the daemon runs never needs the program in this process.
  const [{ CommanderError }, { buildProgram }] = await Promise.all([import('commander'), import('./program.js')]);
  const { program, context } = buildProgram(options);
  // Subcommands copy these settings only when created, so apply them to every command: a usage
  // error must throw (never process.exit — in the daemon that would end the daemon).
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
    else stderr.write(`outro: ${error.message}${error.code === 'INTERNAL' && caught instanceof Error && caught.stack ? `\n${caught.stack}` : ''}\n`);
    return { code: error.code };
  } finally {
    context()?.close();
  }
}

export { OutroError };
