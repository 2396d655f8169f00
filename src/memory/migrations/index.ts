import type { Migration } from '../sqlite.js';
import { eventLogMigration } from './001-event-log.js';
import { stageCacheMigration } from './002-stage-cache.js';
import { factsMigration } from './003-facts.js';
import { workflowsMigration } from './004-workflows.js';
import { busMigration } from './005-bus.js';
import { briefStateMigration } from './006-brief-state.js';
import { tracesMigration } from './007-traces.js';
import { searchIndexMigration } from './008-search-index.js';
import { searchStemsMigration } from './009-search-stems.js';
import { ingestRunOwnerMigration } from './010-ingest-run-owner.js';
import { graphMirrorMigration } from './011-graph-mirror.js';
import { introductionsMigration } from './012-introductions.js';
import { searchConversationLinksMigration } from './013-search-conversation-links.js';
import { peopleSnapshotMigration } from './014-people-snapshot.js';

/** Every migration of the main store (outro.db), in order. Append; never edit a landed one. */
export const MIGRATIONS: readonly Migration[] = [
  eventLogMigration,
  stageCacheMigration,
  factsMigration,
  workflowsMigration,
  busMigration,
  briefStateMigration,
  tracesMigration,
  searchIndexMigration,
  searchStemsMigration,
  ingestRunOwnerMigration,
  graphMirrorMigration,
  introductionsMigration,
  searchConversationLinksMigration,
  peopleSnapshotMigration,
];
