import type { AskSources } from '../answers/ask/answer-support.js';
import { storeDatabase, type AppContext } from './app-context.js';
import { meList } from './config-me.js';
import { graphReadsFromCopy, graphWaitMs, openGraphForQuery } from './graph.js';

/**
 * Opens the graph (brought up to the end of the log first) and what answers read, runs `fn`, and
 * closes the graph whatever happens: without a daemon a command holds it only while it runs. When
 * another process holds it past a bounded wait, answers come from the log, marked degraded.
 * `prepare` runs while Kùzu opens on its own thread (a cold `ask` is mostly waiting).
 */
export async function withAskSources<T, P = undefined>(
  ctx: AppContext,
  fn: (sources: AskSources, prepared: P) => Promise<T>,
  prepare?: () => Promise<P>,
): Promise<T> {
  const config = ctx.config();
  let degraded: string | undefined;
  const db = storeDatabase(ctx);
  // Started before the answer code (and zod) loads: Kùzu, where the copy in the store cannot answer, opens on
  // its own threads meanwhile.
  const graphOpening = openGraphForQuery(
    ctx.paths.graphDir,
    graphWaitMs(ctx.env),
    graphReadsFromCopy(ctx.env) ? db : undefined,
  );
  graphOpening.catch(() => undefined); // awaited below: a failed open must not count as unhandled meanwhile
  let openAskSources: typeof import('../answers/ask/open-sources.js').openAskSources;
  try {
    ({ openAskSources } = await import('../answers/ask/open-sources.js'));
  } catch (error) {
    await graphOpening.then(
      ({ graph }) => graph.close(),
      () => undefined,
    );
    throw error;
  }
  const opening = openAskSources({
    db,
    openGraph: async () => {
      const opened = await graphOpening;
      degraded = opened.degraded;
      return opened.graph;
    },
    me: meList(config),
    now: ctx.now(),
    timeZone: config.timezone,
  });
  const [opened, prepared] = await Promise.allSettled([
    opening,
    prepare ? prepare() : Promise.resolve(undefined as P),
  ]);
  if (opened.status === 'rejected') throw opened.reason;
  const { sources, close } = opened.value;
  try {
    if (prepared.status === 'rejected') throw prepared.reason;
    return await fn(degraded ? { ...sources, degradedReason: degraded } : sources, prepared.value);
  } finally {
    await close();
  }
}
