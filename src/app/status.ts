import type { IngestProblemRecord } from '../domain/ingest.js';
import type { IngestRunRow } from '../memory/ingest-store.js';
import { allLinks, latestProfiles } from '../memory/people-queries.js';
import { storeStats, type StoreStats } from '../memory/store-stats.js';
import { groupHumans } from '../pipeline/resolve/people.js';
import type { OutroPaths } from './paths.js';
import type { Store } from './store.js';

export interface StatusReport {
  home: string;
  database: string;
  stats: StoreStats;
  /** Native identities grouped into humans across sources. */
  humans: number;
  crossSourceLinks: number;
  lastIngest: IngestRunRow | null;
  /** Problems of the last ingest run. */
  problems: IngestProblemRecord[];
}

export function buildStatus(store: Store, paths: OutroPaths): StatusReport {
  const lastIngest = store.ingest.lastRun() ?? null;
  const profiles = latestProfiles(store.db);
  const links = allLinks(store.db);
  return {
    home: paths.dataDir,
    database: paths.database,
    stats: storeStats(store.db),
    humans: groupHumans(profiles, links).length,
    crossSourceLinks: links.length,
    lastIngest,
    problems: lastIngest ? store.ingest.problems(lastIngest.id) : [],
  };
}
