import { join, sep } from 'node:path';
import type { Connector, ConnectorOptions, DetectedInput, IngestProblem } from '../connectors/connector.js';
import type { BatchResult } from '../memory/ingest-store.js';
import { prepareEvent, type PreparedEvent } from '../memory/prepared-event.js';
import type { PreparedItem } from './ingest-worker-protocol.js';
import { readInWorker } from './read-in-worker.js';
import { discoverInputs, type DiscoverOptions } from '../connectors/detect.js';
import { personLinked } from '../domain/event-builders.js';
import { EVENT, type EventEnvelope } from '../domain/events.js';
import type { PersonAlias } from '../domain/person.js';
import type { Format } from '../domain/source.js';
import { allLinks, introductionCandidates, latestProfiles } from '../memory/people-queries.js';
import { linksFromIntroductions } from '../pipeline/resolve/introductions.js';
import { linkPeople } from '../pipeline/resolve/link-people.js';
import { collectGarbage } from '../runtime/collect-garbage.js';
import { makeOwnerId } from '../runtime/engine/lease.js';
import type { Store } from './store.js';

/**
 * Small files (a Slack day file holds a few dozen messages) are committed in groups of about this
 * many events: each file still commits whole, and a bulk ingest runs several times faster.
 */
const GROUP_EVENTS = 20_000;

export type IngestProgress =
  /** `files`: the files in a folder or zip (1 for a file), for a rate and an ETA. */
  | { type: 'input'; path: string; format: Format; files: number }
  | { type: 'batch'; path: string; events: number; messages: number; appended: number }
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
async function* readPrepared(
  connector: Connector,
  input: DetectedInput,
  options: IngestOptions,
): AsyncGenerator<PreparedItem> {
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
    // Read whole already (Connector.read): the file's text (68 MB at 200k Discord messages) would
    // otherwise stay in memory, held by `input`, until its events are stored.
    if (input.container === 'file') input.text = '';
    if (item.kind === 'problem') {
      yield item;
      continue;
    }
    const events = prepareAll(item.events);
    // The file's parsed events are garbage now, and V8 would keep their pages under the SQLite writes
    // that follow (a 200k-message file: ~130 MB); a small file's are not worth a collection.
    if (events.length >= COLLECT_AFTER_EVENTS) collectGarbage();
    yield { kind: 'batch', path: item.path, events };
  }
}

/** A file with this many events or more is followed by a garbage collection once prepared. */
const COLLECT_AFTER_EVENTS = 50_000;

/**
 * The events prepared for the log, emptying `events` as it goes: a file's events and their
 * prepared forms are never all held at once (a 200k-message channel file: ~130 MB each).
 */
function prepareAll(events: EventEnvelope[]): PreparedEvent[] {
  const prepared: PreparedEvent[] = [];
  for (let event = events.pop(); event !== undefined; event = events.pop())
    prepared.push(prepareEvent(event));
  return prepared.reverse();
}

/** A path to read, and how reports name it when that differs: the path as the user typed it, read at its absolute path. */
export type InputPath = string | { path: string; shown: string };

/**
 * How reports name the paths read. An input given as `{path, shown}` is read at `path` (absolute,
 * resolved by the caller: the daemon has no working directory of the user's) and named `shown`
 * everywhere a report or the store names it, exactly as if `shown` had been read from the user's
 * working directory: folders are walked with join(), export entries appended with "/".
 */
class ShownPaths {
  private readonly roots: ReadonlyArray<{ path: string; shown: string }>;

  constructor(inputs: readonly InputPath[]) {
    this.roots = inputs
      .filter(
        (input): input is { path: string; shown: string } =>
          typeof input !== 'string' && input.path !== input.shown,
      )
      .sort((a, b) => b.path.length - a.path.length);
  }

  /** A path the discovery walk met: a given path, or one inside a given folder. */
  walked(path: string): string {
    for (const root of this.roots) {
      if (path === root.path) return root.shown;
      if (path.startsWith(root.path + sep)) return join(root.shown, path.slice(root.path.length + 1));
    }
    return path;
  }

  /** A path a connector named inside `input` (`<input path>/<entry>`), else a walked path. */
  within(inputPath: string, path: string): string {
    if (path === inputPath) return this.walked(inputPath);
    if (path.startsWith(`${inputPath}/`)) return this.walked(inputPath) + path.slice(inputPath.length);
    return this.walked(path);
  }

  /** The problem with its path, and that path in its reason, as reports name them. */
  problem(problem: IngestProblem, inputPath?: string): IngestProblem {
    if (this.roots.length === 0) return problem;
    const shown = inputPath === undefined ? this.walked(problem.path) : this.within(inputPath, problem.path);
    return shown === problem.path
      ? problem
      : { ...problem, path: shown, reason: problem.reason.split(problem.path).join(shown) };
  }
}

/**
 * Reads every path (any mix of supported exports), appends what is new to the event log one file
 * per transaction, records problems, then links people across sources.
 */
export async function ingestPaths(
  store: Store,
  inputs: readonly InputPath[],
  options: IngestOptions,
): Promise<IngestSummary> {
  const names = new ShownPaths(inputs);
  const paths = inputs.map((input) => (typeof input === 'string' ? input : input.path));
  const shownPaths = inputs.map((input) => (typeof input === 'string' ? input : input.shown));
  const runId = store.ingest.startRun(shownPaths, makeOwnerId());
  const summary: IngestSummary = {
    runId,
    paths: shownPaths,
    inputs: [],
    files: 0,
    events: 0,
    appended: 0,
    edited: 0,
    linksAppended: 0,
    problems: [],
    status: 'ok',
  };
  const report = (found: IngestProblem, inputPath?: string): void => {
    const problem = names.problem(found, inputPath);
    summary.problems.push(problem);
    store.ingest.recordProblem(runId, problem);
    options.onProgress?.({ type: 'problem', problem });
  };
  const restoreCheckpointing = store.ingest.deferCheckpoints();
  try {
    for await (const found of discoverInputs(paths, options.connectors, options.discover)) {
      if (found.kind === 'problem') {
        report(found.problem);
        continue;
      }
      const { input } = found;
      const connector = options.connectors.find((candidate) => candidate.format === input.format);
      if (!connector) continue;
      const shownInput = names.walked(input.path);
      summary.inputs.push({ path: shownInput, format: input.format });
      options.onProgress?.({
        type: 'input',
        path: shownInput,
        format: input.format,
        files: input.container === 'tree' ? input.tree.list().length : 1,
      });
      const pending: Array<{ path: string; events: PreparedEvent[] }> = [];
      let pendingEvents = 0;
      const flush = (): void => {
        const messages = new Map(
          pending.map((file) => [
            file.path,
            file.events.filter((event) => event.type === EVENT.messagePosted).length,
          ]),
        );
        for (const { path, result, events } of writeGroup(store, pending, (problem) =>
          report(problem, input.path),
        )) {
          summary.files++;
          summary.events += events;
          summary.appended += result.appended;
          summary.edited += result.edited;
          options.onProgress?.({
            type: 'batch',
            path: names.within(input.path, path),
            events,
            messages: messages.get(path) ?? 0,
            appended: result.appended,
          });
        }
        pending.length = 0;
        pendingEvents = 0;
      };
      try {
        for await (const item of readPrepared(connector, input, options)) {
          if (item.kind === 'problem') {
            report(item.problem, input.path);
            continue;
          }
          pending.push({ path: item.path, events: item.events });
          pendingEvents += item.events.length;
          if (pendingEvents >= GROUP_EVENTS) flush();
        }
        flush();
      } catch (cause) {
        flush();
        report(
          {
            path: input.path,
            severity: 'skipped-file',
            reason: `outro failed while reading it (${(cause as Error).message}); what was read before is kept. Please report this.`,
          },
          input.path,
        );
      } finally {
        if (input.container === 'tree') await input.tree.close();
      }
    }
    summary.linksAppended = linkAcrossSources(store, options.aliases ?? [], options.connectorOptions.now);
    options.onProgress?.({ type: 'linked', links: summary.linksAppended });
  } finally {
    restoreCheckpointing();
    const skipped = summary.problems.filter((problem) => problem.severity !== 'warning').length;
    // Failed when nothing could be read: no input recognised, or none of them gave a file of events
    // (a truncated export alone is recognised by its head, then cannot be read).
    summary.status = skipped === 0 ? 'ok' : summary.files === 0 ? 'failed' : 'partial';
    store.ingest.finishRun(runId, {
      files: summary.files,
      appended: summary.appended + summary.linksAppended,
      skipped,
      status: summary.status,
    });
  }
  return summary;
}

/**
 * Appends person.linked events for links not yet in the log; returns how many were new. The links
 * are those of the profiles and the config's aliases (linkPeople), then those of self-introductions
 * in any stored message ("Tess here — I've taken over invoicing"), matched against the humans the
 * first make (linksFromIntroductions), so that every command's grouping sees both.
 */
export function linkAcrossSources(store: Store, aliases: readonly PersonAlias[], now: Date): number {
  const known = new Set(allLinks(store.db).map((link) => `${link.a}|${link.b}|${link.method}|${link.basis}`));
  const profiles = latestProfiles(store.db);
  const byProfiles = linkPeople(profiles, aliases);
  const byIntroductions = linksFromIntroductions(introductionCandidates(store.db), profiles, byProfiles);
  const fresh = [...byProfiles, ...byIntroductions].filter(
    (link) => !known.has(`${link.a}|${link.b}|${link.method}|${link.basis}`),
  );
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
    return group.map((file, index) => ({
      path: file.path,
      events: file.events.length,
      result: results[index],
    }));
  } catch {
    const written: Array<{ path: string; events: number; result: BatchResult }> = [];
    for (const file of group) {
      try {
        written.push({
          path: file.path,
          events: file.events.length,
          result: store.ingest.writePreparedBatches([file.events])[0],
        });
      } catch (cause) {
        report({
          path: file.path,
          severity: 'skipped-file',
          reason: `could not be stored: ${(cause as Error).message}`,
        });
      }
    }
    return written;
  }
}
