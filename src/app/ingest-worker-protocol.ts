import type { ConnectorOptions, IngestProblem } from '../connectors/connector.js';
import type { ZipLimits } from '../connectors/tree.js';
import type { Format } from '../domain/source.js';
import type { PreparedEvent } from '../memory/prepared-event.js';

/** What the ingest worker is asked to read: an export folder or zip, reopened on its side. */
export interface WorkerJob {
  format: Format;
  path: string;
  tree: { kind: 'dir' | 'zip'; root: string };
  zipLimits?: ZipLimits;
  options: ConnectorOptions;
}

export type PreparedItem =
  { kind: 'batch'; path: string; events: PreparedEvent[] } | { kind: 'problem'; problem: IngestProblem };

export type WorkerMessage =
  { kind: 'items'; items: PreparedItem[] } | { kind: 'failed'; message: string } | { kind: 'done' };

/** Main → worker: the main thread stored this many item messages; the worker may send more. */
export interface WorkerAck {
  kind: 'ack';
}
