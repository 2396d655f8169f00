import { resolve } from 'node:path';
import type { AppHooks } from '../app/app-context.js';
import type { OperationInput, OperationName, OperationResult } from '../app/operations.js';
import { daemonPaths } from '../daemon/daemon-paths.js';
import type { CliContext } from './context.js';
import { loadContextModules } from './context.js';
import { callDaemon } from './daemon-client.js';

/**
 * Runs one use case of src/app for a command: in the daemon when one runs (it owns the stores and
 * the graph; `OUTRO_NO_DAEMON=1` skips it), else in this process. Either way the same function
 * runs and its result comes back as data for the command to render, and an error comes back as
 * the same OutroError. `hooks` (progress on a terminal) only reach a use case run here.
 */
export async function callApp<Name extends OperationName>(
  ctx: CliContext,
  name: Name,
  input: OperationInput<Name>,
  hooks: AppHooks = {},
): Promise<OperationResult<Name>> {
  if (ctx.daemon !== false && ctx.env.OUTRO_NO_DAEMON !== '1') {
    const called = await callDaemon(daemonPaths(ctx.paths).socket, name, input, {
      configFile: resolve(ctx.paths.configFile),
      ...(ctx.fixedNow ? { now: ctx.fixedNow } : {}),
    });
    if (called.answered) return called.result as OperationResult<Name>;
  }
  const { runOperation, DATABASE_ONLY_OPERATIONS } = await import('../app/operations.js');
  await loadContextModules(
    { file: ctx.paths.configFile, dataDir: ctx.paths.dataDir },
    { store: !DATABASE_ONLY_OPERATIONS.has(name) },
  );
  return runOperation(ctx, name, input, hooks);
}
