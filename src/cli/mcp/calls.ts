import type { OperationName } from '../../app/operations.js';
import { OutroError } from '../../domain/errors.js';
import { callApp } from '../call.js';
import type { CliContext } from '../context.js';
import { graphHold } from './graph-hold.js';
import type { ToolCalls } from './tools.js';

/**
 * How the MCP tools reach outro: through callApp (src/cli/call.ts), the path every command takes —
 * the daemon when it answers, else this process. `byName` calls an operation this build may not
 * have, with its input checked against the operation's schema; a name the table lacks is a tool
 * error that says so. `settled()` waits for the calls in flight (stdin closed mid-call) and lets the
 * graph go.
 */
export function mcpCalls(ctx: CliContext): ToolCalls & { settled(): Promise<void> } {
  const graph = graphHold(ctx);
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(call: Promise<T>): Promise<T> => {
    inFlight.add(call);
    const done = (): void => void inFlight.delete(call);
    call.then(done, done);
    return call;
  };
  return {
    app(name, input) {
      const ready = name === 'ask' || name === 'history' ? graph.touch() : Promise.resolve();
      return track(ready.then(() => callApp(ctx, name, input)));
    },
    async byName(name, input) {
      const [{ OPERATIONS }, { checkInput }] = await Promise.all([
        import('../../app/operations.js'),
        import('../../app/parse-call.js'),
      ]);
      if (!Object.hasOwn(OPERATIONS, name))
        throw new OutroError(
          'NOT_FOUND',
          `The "${name}" tool is not available in this build of outro (it has no "${name}" operation yet). Use ask, brief or history instead.`,
        );
      const known = name as OperationName;
      const checked = checkInput(known, input);
      if (!checked.ok) throw new OutroError('USAGE', `Not a valid input for "${name}": ${checked.problems}.`);
      // Checked just above against the operation's own schema.
      return track(callApp(ctx, known, checked.input as never));
    },
    async settled() {
      await Promise.allSettled([...inFlight]);
      await graph.release();
    },
  };
}
