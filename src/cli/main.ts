import { CommanderError } from 'commander';
import { OutroError, toOutroError, type ErrorCode } from '../domain/errors.js';
import { buildProgram } from './program.js';
import type { ContextOptions } from './context.js';

export interface MainResult {
  /** undefined on success; the error's code otherwise (bin/outro maps it to an exit status). */
  code?: ErrorCode;
}

/** Runs one CLI invocation; never throws. Errors are printed to stderr with how to fix them. */
export async function main(argv: readonly string[], options: ContextOptions = {}): Promise<MainResult> {
  const stderr = options.stderr ?? process.stderr;
  const json = argv.includes('--json');
  const { program, context } = buildProgram(options);
  program.exitOverride();
  program.configureOutput({
    writeOut: (text) => (options.stdout ?? process.stdout).write(text),
    writeErr: (text) => stderr.write(text),
  });
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
