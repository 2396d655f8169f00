import type { IngestProblemRecord } from '../domain/ingest.js';
import type { DeadLetter } from '../memory/bus/bus.js';
import { busHealth, type ConsumerHealth } from '../memory/bus/bus-health.js';
import { SqliteBus } from '../memory/bus/sqlite-bus.js';
import type { IngestRunRow } from '../memory/ingest-store.js';
import { allLinks, latestProfiles } from '../memory/people-queries.js';
import { SqliteSearchIndex, type SearchIndexStats } from '../memory/search/sqlite-search-index.js';
import { partlyAnalysedMessages, storeStats, type StoreStats } from '../memory/store-stats.js';
import { RunStore } from '../memory/workflows/run-store.js';
import { ownerIsGone } from '../runtime/engine/lease.js';
import type { RunStatus } from '../runtime/engine/types.js';
import { groupHumans } from '../pipeline/resolve/people.js';
import { modelStatus, type ModelStatus } from '../llm/model-status.js';
import { observabilitySummary, type ObservabilitySummary } from '../observability/observability-summary.js';
import type { AppContext } from './app-context.js';
import { modelSettings } from './model.js';
import type { OutroPaths } from './paths.js';
import { privacyWarnings, type PrivacyWarning } from './privacy.js';
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
  workflows: WorkflowHealth;
  /** outro's files and folders that other users may read, each with the chmod that fixes it. */
  privacy: PrivacyWarning[];
  /** The search index: documents and bytes on disk (set by `status`). */
  search?: SearchIndexStats;
  /** Messages analysed only partly: their reading ran past annotate's per-message work budget. */
  partlyAnalysed: number;
}

/** The agents' and workflows' health: what waits, what is dead (see `outro runs`, `outro retry`). */
export interface WorkflowHealth {
  runs: Record<RunStatus, number>;
  deadRuns: { id: string; workflow: string; error: string | null }[];
  consumers: ConsumerHealth[];
  deadLetters: DeadLetter[];
}

export function workflowHealth(store: Store): WorkflowHealth {
  const runs = new RunStore(store.db);
  return {
    runs: runs.counts(),
    deadRuns: runs
      .list({ status: 'dead', limit: 20 })
      .map((run) => ({ id: run.id, workflow: run.workflow, error: run.error })),
    consumers: busHealth(store.db),
    deadLetters: new SqliteBus(store.db, store.log).deadLettersSync(),
  };
}

export function buildStatus(store: Store, paths: OutroPaths): StatusReport {
  const lastIngest = withLiveness(store.ingest.lastRun() ?? null);
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
    workflows: workflowHealth(store),
    privacy: privacyWarnings(paths),
    partlyAnalysed: partlyAnalysedMessages(store.db),
  };
}

/** A run still marked running whose process is gone (SIGKILL, a crash) is shown as interrupted. */
function withLiveness(run: IngestRunRow | null): IngestRunRow | null {
  if (run?.status !== 'running' || run.owner === null || !ownerIsGone(run.owner)) return run;
  return { ...run, status: 'interrupted' };
}

/** `outro status`: what is stored, the agents' health, the model, and the last day's pipeline numbers. */
export interface StatusResult extends StatusReport {
  model: ModelStatus;
  lastDay: ObservabilitySummary;
}

export async function status(ctx: AppContext): Promise<StatusResult> {
  const report = buildStatus(ctx.store(), ctx.paths);
  const lastDay = observabilitySummary(ctx.store().db, new Date(ctx.now().getTime() - 24 * 3600 * 1000));
  const search = new SqliteSearchIndex(ctx.store().db).stats();
  return { ...report, search, model: modelStatus(modelSettings(ctx)), lastDay };
}
