import type { ConversationExtracted } from '../../domain/annotations.js';
import type { AnnotateOutput } from '../../pipeline/annotate/annotate-types.js';
import type { AnnotateReads } from './annotate-reads.js';
import type { KnowledgeEvent } from './knowledge-as-of.js';

/** What an annotate worker opens: the store (read-only, its own connection) and the zone for dates. */
export interface AnnotateWorkerData {
  file: string;
  timezone: string;
}

/** Main → worker. */
export type AnnotateWorkerRequest =
  /** A batch starts: read what the log gained (messages, people, channels, knowledge). */
  | { kind: 'batch' }
  /**
   * Annotate one conversation ahead, after adding the knowledge events the main thread produced
   * (in its order) since the last job: the worker's knowledge then trails the real one only by the
   * conversations still in flight.
   */
  | { kind: 'job'; job: number; pending: KnowledgeEvent[]; conversation: ConversationExtracted };

/** Worker → main. */
export type AnnotateWorkerReply =
  | { kind: 'ready' }
  | { kind: 'done'; job: number; output: AnnotateOutput; reads: AnnotateReads }
  /** No input (none of its messages is left): the main thread skips it too, or finds out itself. */
  | { kind: 'skipped'; job: number }
  | { kind: 'failed'; job: number; message: string };
