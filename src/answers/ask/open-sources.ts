import { LogEvidenceSource } from '../../memory/facts/evidence.js';
import { catchUpGraph } from '../../memory/graph/catch-up.js';
import { openGraphStore } from '../../memory/graph/open-graph.js';
import { allLinks, latestProfiles } from '../../memory/people-queries.js';
import type { SqliteDatabase } from '../../memory/sqlite.js';
import type { AskSources } from './answer-support.js';
import { PeopleDirectory } from '../people/people-directory.js';

export interface OpenAskSourcesOptions {
  db: SqliteDatabase;
  /** paths.graphDir. */
  graphDir: string;
  /** The config `me` entries (meList(config)). */
  me: readonly string[];
  now: Date;
  timeZone?: string;
}

/**
 * What ask, history and the brief read, over the main store and the Kùzu graph: the graph handle
 * is shared within the process (the daemon's projector holds the same one) and brought up to the
 * end of the log first. Call `close()` when done: Kùzu allows one process per database.
 */
export async function openAskSources(options: OpenAskSourcesOptions): Promise<{ sources: AskSources; close: () => Promise<void> }> {
  const opening = openGraphStore(options.graphDir);
  let people: PeopleDirectory;
  try {
    // Read while Kùzu opens the database on its own thread.
    people = new PeopleDirectory(latestProfiles(options.db), allLinks(options.db));
  } catch (error) {
    await opening.then((graph) => graph.close(), () => undefined);
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
    };
    return { sources, close: () => graph.close() };
  } catch (error) {
    await graph.close();
    throw error;
  }
}
