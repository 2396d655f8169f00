import type { AppContext, AppHooks } from './app-context.js';
import type { OperationInputs } from './operation-inputs.js';

/**
 * The use cases a CLI command may run through the daemon, in one table: name → app function. The
 * CLI calls them by name, in its own process or over the daemon's socket (`{op: 'call', name,
 * input}`, the input validated with its schema in operation-inputs.ts: see parse-call.ts); either
 * way the same function runs and returns plain data, which the CLI renders. Implementations load
 * on first call, and the input schemas (zod) are not loaded here: a cold `outro ask` never needs them.
 * Not here, because they must run in the user's own process: daemon management, `schedule`
 * (the crontab names the user's node and HOME), `doctor` (it checks this process's setup),
 * `restore` (it replaces the store, so no daemon may hold it).
 */
export const OPERATIONS = {
  ingest: async (ctx, input, hooks) =>
    (await import('./ingest-and-drain.js')).ingestAndDrain(ctx, input, { hooks }),
  status: async (ctx) => (await import('./status.js')).status(ctx),
  ask: async (ctx, input) => (await import('./ask.js')).ask(ctx, input),
  history: async (ctx, input) => (await import('./ask.js')).history(ctx, input),
  search: async (ctx, input) => (await import('./search.js')).search(ctx, input),
  brief: async (ctx, input) => (await import('./brief.js')).brief(ctx, input),
  digest: async (ctx, input) => (await import('./digest.js')).digest(ctx, input),
  'digest.latest': async (ctx) => (await import('./digest.js')).latestDigest(ctx),
  items: async (ctx, input) => (await import('./items.js')).items(ctx, input),
  people: async (ctx, input) => (await import('./people.js')).people(ctx, input),
  conversations: async (ctx, input) => (await import('./conversations.js')).conversations(ctx, input),
  runs: async (ctx, input) => (await import('./runs.js')).runs(ctx, input),
  'runs.show': async (ctx, input) => (await import('./runs.js')).runDetail(ctx, input),
  retry: async (ctx, input) => (await import('./retry.js')).retry(ctx, input),
  trace: async (ctx, input) => (await import('./trace.js')).traceList(ctx, input),
  'trace.show': async (ctx, input) => (await import('./trace.js')).traceShow(ctx, input),
  'trace.prune': async (ctx) => (await import('./trace.js')).tracePrune(ctx),
  replay: async (ctx, _input, hooks) => (await import('./replay.js')).replay(ctx, hooks),
  backup: async (ctx, input) => (await import('./backup.js')).backup(ctx, input),
  'eval.run': async (ctx, input, hooks) => (await import('./eval.js')).evalRun(ctx, input, hooks),
  'eval.list': async (ctx, input) => (await import('./eval.js')).evalList(ctx, input),
  'eval.compare': async (ctx, input) => (await import('./eval.js')).evalCompare(ctx, input),
} satisfies {
  readonly [Name in keyof OperationInputs]: (
    ctx: AppContext,
    input: OperationInputs[Name],
    hooks: AppHooks,
  ) => Promise<unknown>;
};

export type OperationName = keyof typeof OPERATIONS;

/**
 * The operations that read the store's database alone (`storeDatabase(ctx)`, never `ctx.store()`):
 * run in the CLI's own process, they load neither the event log nor its schemas (zod), most of
 * what a cold `outro ask` answered from the search index used to spend.
 */
export const DATABASE_ONLY_OPERATIONS: ReadonlySet<OperationName> = new Set<OperationName>(['ask']);
export type OperationInput<Name extends OperationName> = OperationInputs[Name];
export type OperationResult<Name extends OperationName> = Awaited<ReturnType<(typeof OPERATIONS)[Name]>>;

/** Runs an operation in this process. */
export function runOperation<Name extends OperationName>(
  ctx: AppContext,
  name: Name,
  input: OperationInput<Name>,
  hooks: AppHooks = {},
): Promise<OperationResult<Name>> {
  const run = OPERATIONS[name] as unknown as (
    ctx: AppContext,
    input: OperationInput<Name>,
    hooks: AppHooks,
  ) => Promise<OperationResult<Name>>;
  return run(ctx, input, hooks);
}
