import type { z } from 'zod';
import { OutroError } from '../domain/errors.js';
import type { AppContext, AppHooks } from './app-context.js';
import { OPERATION_INPUTS } from './operation-inputs.js';

/**
 * The use cases a CLI command may run through the daemon, in one table: name → input schema →
 * app function. The CLI calls them by name, in its own process or over the daemon's socket
 * (`{op: 'call', name, input}`, the input validated with the schema); either way the same function
 * runs and returns plain data, which the CLI renders. Implementations load on first call.
 * Not here, because they must run in the user's own process: daemon management, `schedule`
 * (the crontab names the user's node and HOME), `doctor` (it checks this process's setup),
 * `restore` (it replaces the store, so no daemon may hold it).
 */
function operation<Schema extends z.ZodType, Result>(
  input: Schema,
  run: (ctx: AppContext, input: z.infer<Schema>, hooks: AppHooks) => Promise<Result>,
) {
  return { input, run };
}

export const OPERATIONS = {
  ingest: operation(OPERATION_INPUTS.ingest, async (ctx, input, hooks) =>
    (await import('./ingest-and-drain.js')).ingestAndDrain(ctx, input, { hooks }),
  ),
  status: operation(OPERATION_INPUTS.status, async (ctx) => (await import('./status.js')).status(ctx)),
  ask: operation(OPERATION_INPUTS.ask, async (ctx, input) => (await import('./ask.js')).ask(ctx, input)),
  history: operation(OPERATION_INPUTS.history, async (ctx, input) =>
    (await import('./ask.js')).history(ctx, input),
  ),
  search: operation(OPERATION_INPUTS.search, async (ctx, input) =>
    (await import('./search.js')).search(ctx, input),
  ),
  brief: operation(OPERATION_INPUTS.brief, async (ctx, input) =>
    (await import('./brief.js')).brief(ctx, input),
  ),
  digest: operation(OPERATION_INPUTS.digest, async (ctx, input) =>
    (await import('./digest.js')).digest(ctx, input),
  ),
  'digest.latest': operation(OPERATION_INPUTS['digest.latest'], async (ctx) =>
    (await import('./digest.js')).latestDigest(ctx),
  ),
  items: operation(OPERATION_INPUTS.items, async (ctx, input) =>
    (await import('./items.js')).items(ctx, input),
  ),
  people: operation(OPERATION_INPUTS.people, async (ctx, input) =>
    (await import('./people.js')).people(ctx, input),
  ),
  conversations: operation(OPERATION_INPUTS.conversations, async (ctx, input) =>
    (await import('./conversations.js')).conversations(ctx, input),
  ),
  runs: operation(OPERATION_INPUTS.runs, async (ctx, input) => (await import('./runs.js')).runs(ctx, input)),
  'runs.show': operation(OPERATION_INPUTS['runs.show'], async (ctx, input) =>
    (await import('./runs.js')).runDetail(ctx, input),
  ),
  retry: operation(OPERATION_INPUTS.retry, async (ctx, input) =>
    (await import('./retry.js')).retry(ctx, input),
  ),
  trace: operation(OPERATION_INPUTS.trace, async (ctx, input) =>
    (await import('./trace.js')).traceList(ctx, input),
  ),
  'trace.show': operation(OPERATION_INPUTS['trace.show'], async (ctx, input) =>
    (await import('./trace.js')).traceShow(ctx, input),
  ),
  'trace.prune': operation(OPERATION_INPUTS['trace.prune'], async (ctx) =>
    (await import('./trace.js')).tracePrune(ctx),
  ),
  replay: operation(OPERATION_INPUTS.replay, async (ctx, _input, hooks) =>
    (await import('./replay.js')).replay(ctx, hooks),
  ),
  backup: operation(OPERATION_INPUTS.backup, async (ctx, input) =>
    (await import('./backup.js')).backup(ctx, input),
  ),
  'eval.run': operation(OPERATION_INPUTS['eval.run'], async (ctx, input, hooks) =>
    (await import('./eval.js')).evalRun(ctx, input, hooks),
  ),
  'eval.list': operation(OPERATION_INPUTS['eval.list'], async (ctx, input) =>
    (await import('./eval.js')).evalList(ctx, input),
  ),
  'eval.compare': operation(OPERATION_INPUTS['eval.compare'], async (ctx, input) =>
    (await import('./eval.js')).evalCompare(ctx, input),
  ),
};

export type OperationName = keyof typeof OPERATIONS;
export type OperationInput<Name extends OperationName> = z.infer<(typeof OPERATIONS)[Name]['input']>;
export type OperationResult<Name extends OperationName> = Awaited<
  ReturnType<(typeof OPERATIONS)[Name]['run']>
>;

/** Runs an operation in this process. */
export function runOperation<Name extends OperationName>(
  ctx: AppContext,
  name: Name,
  input: OperationInput<Name>,
  hooks: AppHooks = {},
): Promise<OperationResult<Name>> {
  const entry = OPERATIONS[name] as unknown as {
    run: (ctx: AppContext, input: OperationInput<Name>, hooks: AppHooks) => Promise<OperationResult<Name>>;
  };
  return entry.run(ctx, input, hooks);
}

/** A call as it arrives over the socket, checked: a known name and an input its schema accepts (USAGE otherwise). */
export function parseCall(name: string, input: unknown): { name: OperationName; input: unknown } {
  if (!Object.hasOwn(OPERATIONS, name))
    throw new OutroError(
      'USAGE',
      `The outro daemon has no operation "${name}" (it knows ${Object.keys(OPERATIONS).join(', ')}). Is the daemon from an older outro? Restart it: outro daemon stop && outro daemon start.`,
    );
  const known = name as OperationName;
  const parsed = OPERATIONS[known].input.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(input)'}: ${issue.message}`)
      .join('; ');
    throw new OutroError('USAGE', `Not a valid input for the daemon's "${name}" operation: ${problems}.`);
  }
  return { name: known, input: parsed.data };
}
