import { existsSync } from 'node:fs';
import type { GraphStore } from '../../memory/graph/graph-store.js';
import { daemonPaths } from '../../daemon/daemon-paths.js';
import type { CliContext } from '../context.js';

/**
 * Without a daemon, the graph (Kùzu) is opened by this process for each ask or history call, which
 * costs more than the answer. While an assistant is asking, the server holds one handle (shared
 * with each call's own, see app/graph.ts) and lets it go after `idleMs` without a call, so a
 * daemon started later can take the graph (and lets it go at once when a call finds the daemon).
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
      if (!local) return release();
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
