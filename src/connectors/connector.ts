import type { EventEnvelope } from '../domain/events.js';
import type { IngestProblemRecord } from '../domain/ingest.js';
import type { Format } from '../domain/source.js';
import type { Tree } from './tree.js';

/**
 * Something wrong with an input: reported, never thrown past the connector. `path` is the file
 * (for a folder or zip: `container/entry`); `recordIndex` the 0-based record in it, where known.
 */
export type IngestProblem = IngestProblemRecord;
export type ProblemSeverity = IngestProblemRecord['severity'];

export type IngestItem =
  /** The events of one source file, in time order; committed to the log in one transaction. */
  { kind: 'batch'; path: string; events: EventEnvelope[] } | { kind: 'problem'; problem: IngestProblem };

/** An input whose format was recognised from its content. */
export type DetectedInput =
  | { format: Format; path: string; container: 'file'; text: string }
  | { format: Format; path: string; container: 'tree'; tree: Tree };

export interface ConnectorOptions {
  /** "Now", for bounded windows such as recurring-event expansion. */
  now: Date;
  /** Recurring calendar events are expanded over [now - pastDays, now + futureDays]. */
  calendarPastDays: number;
  calendarFutureDays: number;
  /** Most occurrences of one recurring series kept in the window (default 5,000); a warning says when more were left out. */
  calendarMaxOccurrences?: number;
  /** IANA zone for floating calendar times (no zone given); UTC when unset. */
  defaultTimezone?: string;
  /** Teams channel names by channel id (config `teams.channels`): Graph message lists carry none. */
  teamsChannelNames?: Readonly<Record<string, string>>;
}

export interface Connector {
  readonly format: Format;
  /** Does this single file's text look like this format? (Called with the first 64 KiB.) */
  sniffFile?(head: string): boolean;
  /** Does this folder or zip listing look like this format? */
  sniffTree?(paths: readonly string[]): boolean;
  /**
   * Yields one batch per source file and a problem for anything it cannot read; never throws for bad
   * content. A single file's text is read whole before the first item: ingest lets it go then.
   */
  read(input: DetectedInput, options: ConnectorOptions): AsyncIterable<IngestItem>;
}
