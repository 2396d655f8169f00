import { backoffDelay } from '../../domain/backoff.js';
import type { EventEnvelope, StoredEvent } from '../../domain/events.js';

/**
 * The bus (docs/ARCHITECTURE.md "The bus"): durable subscriptions over the event log. Small on purpose, so a
 * JetStream, Redis Streams or Kafka adapter can implement it: publish = append to a stream;
 * a consumer group = a durable consumer; ack/nack = the broker's; dead letters = a DLQ stream.
 * Every implementation passes the one contract suite in bus-contract.ts.
 *
 * Delivery is at least once and in log order per consumer group. A batch whose handler fails is
 * redelivered one event at a time, so one poison event cannot hold back its neighbours; an event
 * that keeps failing is retried with backoff and moved to the dead letters after `maxAttempts`.
 */
export interface Bus {
  /** Appends events (idempotent by id); returns how many were new. */
  publish(events: readonly EventEnvelope[]): Promise<number>;
  subscribe(consumer: string, types: readonly string[]): Subscription;
  /** Dead letters not yet resolved (status dead or retrying), oldest first. */
  deadLetters(consumer?: string): Promise<DeadLetter[]>;
  /** Queues one dead letter (by id) or all dead ones for redelivery; returns how many. */
  retry(target: number | 'all'): Promise<number>;
  /** Moves a consumer group's cursor to just after `fromSeq` (0: the whole log) so it sees everything again. */
  replay(consumer: string, fromSeq: number): Promise<void>;
}

export interface Subscription {
  readonly consumer: string;
  readonly types: readonly string[];
  /** The next batch (up to `max` events), or why there is none. */
  fetch(max: number): Promise<FetchResult>;
  /** Marks the batch handled: advances the cursor by compare-and-set (STORE_LOCKED when it moved). */
  ack(batch: BusBatch): Promise<void>;
  /** Marks the batch failed: isolates it, schedules a retry with backoff, or dead-letters its event. */
  nack(batch: BusBatch, error: unknown): Promise<NackOutcome>;
  /** Events waiting for this consumer group (including dead letters queued for retry). */
  pending(): Promise<number>;
}

export interface BusBatch {
  consumer: string;
  events: StoredEvent[];
  /** The cursor position this batch follows (the compare-and-set's expected value). */
  after: number;
  /** The cursor position once acked (the last event's seq; `after` for a dead-letter redelivery). */
  through: number;
  /** The cursor's generation (bumped by replay). */
  generation: number;
  /** 1 on the first delivery of the batch's first event. */
  attempt: number;
  /** Set when the batch redelivers a dead letter; acking resolves it and leaves the cursor. */
  deadLetterId?: number;
}

export type FetchResult =
  { kind: 'batch'; batch: BusBatch } | { kind: 'idle' } | { kind: 'wait'; notBefore: number };

export type NackOutcome =
  | { outcome: 'isolate' }
  | { outcome: 'retry'; notBefore: number; attempts: number }
  | { outcome: 'dead'; deadLetterId: number; attempts: number };

export interface DeadLetter {
  id: number;
  consumer: string;
  eventSeq: number;
  eventId: string;
  eventType: string;
  attempts: number;
  error: string;
  status: 'dead' | 'retrying';
  deadAt: string;
}

export interface BusOptions {
  /** Deliveries of one event before it is dead-lettered (default 5). */
  maxAttempts?: number;
  /** Backoff between deliveries of a failing event: initial × factor^(n-1), capped, jittered. */
  backoff?: { initialMs?: number; factor?: number; maxMs?: number; jitter?: number };
  /** Epoch milliseconds. */
  clock?: () => number;
  random?: () => number;
}

/** The wait before redelivering an event that failed `attempts` times (defaults: 50 ms × 4ⁿ up to 60 s, delay × [0.5, 1]). */
export function retryDelay(attempts: number, options: BusOptions, random: () => number): number {
  const { initialMs = 50, factor = 4, maxMs = 60_000, jitter = 0.5 } = options.backoff ?? {};
  return backoffDelay(attempts, { initialMs, factor, maxMs, jitter }, random);
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error)
    return 'code' in error && typeof error.code === 'string'
      ? `${error.code}: ${error.message}`
      : error.message;
  return String(error);
}
