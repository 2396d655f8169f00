import { existsSync } from 'node:fs';
import type { GraphStore } from '../../memory/graph/graph-store.js';
import { graphReadsFromCopy } from '../../app/graph.js';
import { daemonPaths } from '../../daemon/daemon-paths.js';
import type { CliContext } from '../context.js';

/**
 * Where ask and history read Kùzu (OUTRO_GRAPH_READS=kuzu; by default they read the graph's copy in
 * the store and never open it): without a daemon, the graph is opened by this process for each call,
 * which costs more than the answer. While an assistant is asking, the server then holds one handle
 * (shared with each call's own, see app/graph.ts) and lets it go after `idleMs` without a call, so a
 * daemon started later can take the graph (and lets it go at once when a call finds the daemon).
 * Reading the copy, it holds nothing: holding Kùzu would only keep an ingest's projector waiting.
 */
export function graphHold(
  ctx: CliContext,
  idleMs = 30_000,
): { touch(): Promise<void>; release(): Promise<void> } {
  let held: Promise<GraphStore | undefined> | undefined;
  let timer: NodeJS.Timeout | undefined;
  const release = async (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const holding = held;
    held = undefined;
    await (await holding)?.close();
  };
  return {
    /** Before a call: hold the graph when the call runs here; let it go when a daemon now runs (it owns the graph). */
    async touch() {
      const local = ctx.env.OUTRO_NO_DAEMON === '1' || !existsSync(daemonPaths(ctx.paths).socket);
      if (!local || graphReadsFromCopy(ctx.env)) return release();
      held ??= import('../../app/graph.js')
        .then(({ openGraph }) => openGraph(ctx.paths.graphDir))
        .catch(() => undefined);
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void release(), idleMs);
      timer.unref();
    },
    release,
  };
}
