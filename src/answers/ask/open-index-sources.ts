import type { SqliteDatabase } from '../../memory/sqlite.js';
import { SqliteSearchIndex } from '../../memory/search/sqlite-search-index.js';
import { loadPeopleDirectory } from '../people/directory-snapshot.js';
import type { IndexSources } from './ask-by-retrieval.js';

/**
 * What a retrieval answer reads (the people directory and the search index), without the graph:
 * opening Kùzu and bringing it up to the log is most of a cold `ask` that the index answers alone.
 */
export function openIndexSources(options: {
  db: SqliteDatabase;
  now: Date;
  timeZone?: string;
}): IndexSources {
  return {
    people: loadPeopleDirectory(options.db),
    now: options.now,
    timeZone: options.timeZone,
    search: new SqliteSearchIndex(options.db),
  };
}
