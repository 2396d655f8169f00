import type { Connector, ConnectorOptions, IngestProblem } from '../connectors/connector.js';
import { discoverInputs, type DiscoverOptions } from '../connectors/detect.js';
import { personLinked } from '../domain/event-builders.js';
import type { PersonAlias } from '../domain/person.js';
import type { Format } from '../domain/source.js';
import { allLinks, latestProfiles } from '../memory/people-queries.js';
import { linkPeople } from '../pipeline/resolve/link-people.js';
import type { Store } from './store.js';

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
      try {
        for await (const item of connector.read(input, options.connectorOptions)) {
          if (item.kind === 'problem') {
            report(item.problem);
            continue;
          }
          const result = store.ingest.writeBatch(item.events);
          summary.files++;
          summary.events += item.events.length;
          summary.appended += result.appended;
          summary.edited += result.edited;
          options.onProgress?.({ type: 'batch', path: item.path, events: item.events.length, appended: result.appended });
        }
      } catch (cause) {
        report({ path: input.path, severity: 'skipped-file', reason: `outro failed while reading it (${(cause as Error).message}); what was read before is kept. Please report this.` });
      } finally {
        if (input.container === 'tree') await input.tree.close();
      }
    }
    summary.linksAppended = linkAcrossSources(store, options.aliases ?? [], options.connectorOptions.now);
    options.onProgress?.({ type: 'linked', links: summary.linksAppended });
  } finally {
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
