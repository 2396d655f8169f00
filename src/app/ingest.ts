import type { Connector, ConnectorOptions, DetectedInput, IngestProblem } from '../connectors/connector.js';
import type { EventEnvelope } from '../domain/events.js';
import type { BatchResult } from '../memory/ingest-store.js';
import { prepareEvent, type PreparedEvent } from '../memory/prepared-event.js';
import type { PreparedItem } from './ingest-worker-protocol.js';
import { readInWorker } from './read-in-worker.js';
import { discoverInputs, type DiscoverOptions } from '../connectors/detect.js';
import { personLinked } from '../domain/event-builders.js';
import type { PersonAlias } from '../domain/person.js';
import type { Format } from '../domain/source.js';
import { allLinks, latestProfiles } from '../memory/people-queries.js';
import { linkPeople } from '../pipeline/resolve/link-people.js';
import type { Store } from './store.js';

/**
 * Small files (a Slack day file holds a few dozen messages) are committed in groups of about this
 * many events: each file still commits whole, and a bulk ingest runs several times faster.
 */
const GROUP_EVENTS = 20_000;

export type IngestProgress =
  | { type: 'input'; path: string; format: Format }
  | { type: 'batch'; path: string; events: number; appended: number }
  | { type: 'problem'; problem: IngestProblem }
  | { type: 'linked'; links: number };

export interface IngestSummary {
  runId: number;
  paths: string[];
  inputs: Array<{ path: string; format: Format }>;
  /** Source files whose events were committed (one transaction each). */
  files: number;
  /** Events the connectors produced, new or not. */
  events: number;
  appended: number;
  edited: number;
  linksAppended: number;
  problems: IngestProblem[];
  /** ok: everything read; partial: some files or records skipped; failed: nothing could be read. */
  status: 'ok' | 'partial' | 'failed';
}

export interface IngestOptions {
  connectors: readonly Connector[];
  connectorOptions: ConnectorOptions;
  aliases?: readonly PersonAlias[];
  discover?: DiscoverOptions;
  onProgress?: (progress: IngestProgress) => void;
  /**
   * Read exports in a worker thread, overlapping parsing with SQLite writes: 'auto' (the default)
   * does so for folders and zips of at least WORKER_MIN_BYTES; small inputs stay in-process.
   */
  worker?: 'auto' | 'always' | 'never';
}

const WORKER_MIN_BYTES = 16 * 1024 ** 2;

function useWorker(input: DetectedInput, mode: IngestOptions['worker'] = 'auto'): boolean {
  if (input.container !== 'tree' || mode === 'never') return false;
  if (mode === 'always') return true;
  let bytes = 0;
  for (const path of input.tree.list()) bytes += input.tree.size(path);
  return bytes >= WORKER_MIN_BYTES;
}

/** The connector's items with events prepared for the log, read in a worker thread when it pays. */
async function* readPrepared(connector: Connector, input: DetectedInput, options: IngestOptions): AsyncGenerator<PreparedItem> {
  if (input.container === 'tree' && useWorker(input, options.worker)) {
    yield* readInWorker({
      format: input.format,
      path: input.path,
      tree: { kind: input.tree.kind, root: input.tree.root },
      zipLimits: options.discover?.zipLimits,
      options: options.connectorOptions,
    });
    return;
  }
  for await (const item of connector.read(input, options.connectorOptions)) {
    yield item.kind === 'problem' ? item : { kind: 'batch', path: item.path, events: item.events.map(prepareEvent) };
  }
}

/**
 * Reads every path (any mix of supported exports), appends what is new to the event log one file
 * per transaction, records problems, then links people across sources.
 */
export async function ingestPaths(store: Store, paths: readonly string[], options: IngestOptions): Promise<IngestSummary> {
  const runId = store.ingest.startRun(paths);
  const summary: IngestSummary = { runId, paths: [...paths], inputs: [], files: 0, events: 0, appended: 0, edited: 0, linksAppended: 0, problems: [], status: 'ok' };
  const report = (problem: IngestProblem): void => {
    summary.problems.push(problem);
    store.ingest.recordProblem(runId, problem);
    options.onProgress?.({ type: 'problem', problem });
  };
  const restoreCheckpointing = deferCheckpoints(store);
  try {
    for await (const found of discoverInputs(paths, options.connectors, options.discover)) {
      if (found.kind === 'problem') {
        report(found.problem);
        continue;
      }
      const { input } = found;
      const connector = options.connectors.find((candidate) => candidate.format === input.format);
      if (!connector) continue;
      summary.inputs.push({ path: input.path, format: input.format });
      options.onProgress?.({ type: 'input', path: input.path, format: input.format });
      const pending: Array<{ path: string; events: PreparedEvent[] }> = [];
      let pendingEvents = 0;
      const flush = (): void => {
        for (const { path, result, events } of writeGroup(store, pending, report)) {
          summary.files++;
          summary.events += events;
          summary.appended += result.appended;
          summary.edited += result.edited;
          options.onProgress?.({ type: 'batch', path, events, appended: result.appended });
        }
        pending.length = 0;
        pendingEvents = 0;
      };
      try {
        for await (const item of readPrepared(connector, input, options)) {
          if (item.kind === 'problem') {
            report(item.problem);
            continue;
          }
          pending.push({ path: item.path, events: item.events });
          pendingEvents += item.events.length;
          if (pendingEvents >= GROUP_EVENTS) flush();
        }
        flush();
      } catch (cause) {
        flush();
        report({ path: input.path, severity: 'skipped-file', reason: `outro failed while reading it (${(cause as Error).message}); what was read before is kept. Please report this.` });
      } finally {
        if (input.container === 'tree') await input.tree.close();
      }
    }
    summary.linksAppended = linkAcrossSources(store, options.aliases ?? [], options.connectorOptions.now);
    options.onProgress?.({ type: 'linked', links: summary.linksAppended });
  } finally {
    restoreCheckpointing();
    const skipped = summary.problems.filter((problem) => problem.severity !== 'warning').length;
    summary.status = skipped === 0 ? 'ok' : summary.inputs.length === 0 ? 'failed' : 'partial';
    store.ingest.finishRun(runId, { files: summary.files, appended: summary.appended + summary.linksAppended, skipped, status: summary.status });
  }
  return summary;
}

/** Appends person.linked events for links not yet in the log; returns how many were new. */
export function linkAcrossSources(store: Store, aliases: readonly PersonAlias[], now: Date): number {
  const known = new Set(allLinks(store.db).map((link) => `${link.a}|${link.b}|${link.method}|${link.basis}`));
  const fresh = linkPeople(latestProfiles(store.db), aliases).filter((link) => !known.has(`${link.a}|${link.b}|${link.method}|${link.basis}`));
  return store.log.appendAll(fresh.map((link) => personLinked(link, now.toISOString())));
}

/**
 * Writes a group of files in one transaction. Should the group fail as a whole (a bug, a full
 * disk), each file is retried alone so that one bad file is reported and the others are kept.
 */
function writeGroup(
  store: Store,
  group: ReadonlyArray<{ path: string; events: PreparedEvent[] }>,
  report: (problem: IngestProblem) => void,
): Array<{ path: string; events: number; result: BatchResult }> {
  if (group.length === 0) return [];
  try {
    const results = store.ingest.writePreparedBatches(group.map((file) => file.events));
    return group.map((file, index) => ({ path: file.path, events: file.events.length, result: results[index] }));
  } catch {
    const written: Array<{ path: string; events: number; result: BatchResult }> = [];
    for (const file of group) {
      try {
        written.push({ path: file.path, events: file.events.length, result: store.ingest.writePreparedBatches([file.events])[0] });
      } catch (cause) {
        report({ path: file.path, severity: 'skipped-file', reason: `could not be stored: ${(cause as Error).message}` });
      }
    }
    return written;
  }
}

/**
 * A bulk ingest appends hundreds of MB; SQLite's default checkpoint every 1,000 pages spends most
 * of that time in fsync. Checkpoint rarely while ingesting, once at the end.
 */
function deferCheckpoints(store: Store): () => void {
  const previous = store.db.pragma('wal_autocheckpoint', { simple: true }) as number;
  store.db.pragma('wal_autocheckpoint = 100000');
  return () => {
    store.db.pragma(`wal_autocheckpoint = ${previous}`);
    store.db.pragma('wal_checkpoint(PASSIVE)');
  };
}
