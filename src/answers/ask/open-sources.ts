import { LogEvidenceSource } from '../../memory/facts/evidence.js';
import { catchUpGraph } from '../../memory/graph/catch-up.js';
import type { GraphStore } from '../../memory/graph/graph-store.js';
import type { SqliteDatabase } from '../../memory/sqlite.js';
import type { AskSources } from './answer-support.js';
import type { IndexSources } from './ask-by-retrieval.js';
import { openIndexSources } from './open-index-sources.js';

export interface OpenAskSourcesOptions {
  db: SqliteDatabase;
  /** Opens the graph (the app's openGraph: one handle per process, shared with the daemon's projector). */
  openGraph: () => Promise<GraphStore>;
  /** The config `me` entries (meList(config)). */
  me: readonly string[];
  now: Date;
  timeZone?: string;
}

/**
 * What ask, history and the brief read, over the main store and the Kùzu graph: the graph (opened
 * by `openGraph`) is brought up to the end of the log first. Call `close()` when done: Kùzu allows one process per database.
 */
export async function openAskSources(
  options: OpenAskSourcesOptions,
): Promise<{ sources: AskSources; close: () => Promise<void> }> {
  const opening = options.openGraph();
  let index: IndexSources;
  try {
    // Read while Kùzu opens the database on its own thread.
    index = openIndexSources(options);
  } catch (error) {
    await opening.then(
      (graph) => graph.close(),
      () => undefined,
    );
    throw error;
  }
  const graph = await opening;
  try {
    await catchUpGraph(options.db, graph);
    const sources: AskSources = {
      ...index,
      graph,
      evidence: new LogEvidenceSource(options.db),
      me: options.me,
    };
    return { sources, close: () => graph.close() };
  } catch (error) {
    await graph.close();
    throw error;
  }
}
