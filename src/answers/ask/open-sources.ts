import { LogEvidenceSource } from '../../memory/facts/evidence.js';
import { catchUpGraph } from '../../memory/graph/catch-up.js';
import type { GraphStore } from '../../memory/graph/graph-store.js';
import { allLinks, latestProfiles } from '../../memory/people-queries.js';
import type { SqliteDatabase } from '../../memory/sqlite.js';
import { SqliteSearchIndex } from '../../memory/search/sqlite-search-index.js';
import type { AskSources } from './answer-support.js';
import { PeopleDirectory } from '../people/people-directory.js';

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
  let people: PeopleDirectory;
  try {
    // Read while Kùzu opens the database on its own thread.
    people = new PeopleDirectory(latestProfiles(options.db), allLinks(options.db));
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
      graph,
      evidence: new LogEvidenceSource(options.db),
      people,
      me: options.me,
      now: options.now,
      timeZone: options.timeZone,
      search: new SqliteSearchIndex(options.db),
    };
    return { sources, close: () => graph.close() };
  } catch (error) {
    await graph.close();
    throw error;
  }
}
