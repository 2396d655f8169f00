import { OutroError } from '../../domain/errors.js';
import type { EventEnvelope, StoredEvent } from '../../domain/events.js';
import {
  errorMessage,
  retryDelay,
  type Bus,
  type BusBatch,
  type BusOptions,
  type DeadLetter,
  type FetchResult,
  type NackOutcome,
  type Subscription,
} from './bus.js';

interface Cursor {
  position: number;
  generation: number;
  isolateThrough: number;
}

/** The bus in memory: for tests, and the reference the contract suite checks adapters against. */
export class MemoryBus implements Bus {
  private readonly events: StoredEvent[] = [];
  private readonly ids = new Set<string>();
  private readonly cursors = new Map<string, Cursor>();
  private readonly attempts = new Map<string, { attempts: number; notBefore: number }>();
  private readonly letters: (Omit<DeadLetter, 'status'> & { status: DeadLetter['status'] | 'resolved' })[] =
    [];
  private readonly clock: () => number;
  private readonly random: () => number;
  private readonly maxAttempts: number;

  constructor(private readonly options: BusOptions = {}) {
    this.clock = options.clock ?? Date.now;
    this.random = options.random ?? Math.random;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
  }

  async publish(events: readonly EventEnvelope[]): Promise<number> {
    let appended = 0;
    for (const event of events) {
      if (this.ids.has(event.id)) continue;
      this.ids.add(event.id);
      this.events.push({
        ...event,
        seq: this.events.length + 1,
        recordedAt: new Date(this.clock()).toISOString(),
      });
      appended++;
    }
    return appended;
  }

  subscribe(consumer: string, types: readonly string[]): Subscription {
    this.cursor(consumer);
    const matches = (event: StoredEvent): boolean => types.length === 0 || types.includes(event.type);
    return {
      consumer,
      types,
      fetch: async (max) => this.fetch(consumer, matches, max),
      ack: async (batch) => this.ack(batch),
      nack: async (batch, error) => this.nack(batch, error),
      pending: async () => {
        const { position } = this.cursor(consumer);
        return (
          this.events.filter((e) => e.seq > position && matches(e)).length +
          this.letters.filter((l) => l.consumer === consumer && l.status === 'retrying').length
        );
      },
    };
  }

  async deadLetters(consumer?: string): Promise<DeadLetter[]> {
    return this.letters
      .filter((l) => l.status !== 'resolved' && (consumer === undefined || l.consumer === consumer))
      .map((l) => ({ ...l, status: l.status as DeadLetter['status'] }));
  }

  async retry(target: number | 'all'): Promise<number> {
    const chosen = this.letters.filter((l) => l.status === 'dead' && (target === 'all' || l.id === target));
    if (target !== 'all' && chosen.length === 0)
      throw new OutroError('NOT_FOUND', `No dead letter ${target} waiting for a retry.`);
    for (const letter of chosen) {
      letter.status = 'retrying';
      this.attempts.delete(`${letter.consumer}|${-letter.id}`);
    }
    return chosen.length;
  }

  async replay(consumer: string, fromSeq: number): Promise<void> {
    const cursor = this.cursor(consumer);
    cursor.position = Math.max(0, fromSeq);
    cursor.generation++;
    cursor.isolateThrough = 0;
    for (const key of [...this.attempts.keys()])
      if (key.startsWith(`${consumer}|`) && !key.includes('|-')) this.attempts.delete(key);
  }

  private cursor(consumer: string): Cursor {
    let cursor = this.cursors.get(consumer);
    if (!cursor) this.cursors.set(consumer, (cursor = { position: 0, generation: 0, isolateThrough: 0 }));
    return cursor;
  }

  private fetch(consumer: string, matches: (event: StoredEvent) => boolean, max: number): FetchResult {
    const cursor = this.cursor(consumer);
    const queued = this.letters.find((l) => l.consumer === consumer && l.status === 'retrying');
    if (queued) {
      const state = this.attempts.get(`${consumer}|${-queued.id}`);
      if (state && state.notBefore > this.clock()) return { kind: 'wait', notBefore: state.notBefore };
      const event = this.events[queued.eventSeq - 1];
      return {
        kind: 'batch',
        batch: {
          consumer,
          events: [event],
          after: cursor.position,
          through: cursor.position,
          generation: cursor.generation,
          attempt: (state?.attempts ?? 0) + 1,
          deadLetterId: queued.id,
        },
      };
    }
    const limit = cursor.position < cursor.isolateThrough ? 1 : Math.max(1, max);
    const events: StoredEvent[] = [];
    for (let i = cursor.position; i < this.events.length && events.length < limit; i++)
      if (matches(this.events[i])) events.push(this.events[i]);
    if (events.length === 0) return { kind: 'idle' };
    const state = this.attempts.get(`${consumer}|${events[0].seq}`);
    if (state) {
      if (state.notBefore > this.clock()) return { kind: 'wait', notBefore: state.notBefore };
      events.length = 1;
    }
    return {
      kind: 'batch',
      batch: {
        consumer,
        events,
        after: cursor.position,
        through: events[events.length - 1].seq,
        generation: cursor.generation,
        attempt: (state?.attempts ?? 0) + 1,
      },
    };
  }

  private ack(batch: BusBatch): void {
    if (batch.deadLetterId !== undefined) {
      const letter = this.letters.find((l) => l.id === batch.deadLetterId);
      if (letter) letter.status = 'resolved';
      this.attempts.delete(`${batch.consumer}|${-batch.deadLetterId}`);
      return;
    }
    this.advance(batch);
    for (const event of batch.events) this.attempts.delete(`${batch.consumer}|${event.seq}`);
  }

  private nack(batch: BusBatch, error: unknown): NackOutcome {
    const cursor = this.cursor(batch.consumer);
    if (batch.events.length > 1) {
      cursor.isolateThrough = Math.max(cursor.isolateThrough, batch.through);
      return { outcome: 'isolate' };
    }
    const key = `${batch.consumer}|${batch.deadLetterId === undefined ? batch.events[0].seq : -batch.deadLetterId}`;
    const attempts = (this.attempts.get(key)?.attempts ?? 0) + 1;
    if (attempts < this.maxAttempts) {
      const notBefore = this.clock() + retryDelay(attempts, this.options, this.random);
      this.attempts.set(key, { attempts, notBefore });
      return { outcome: 'retry', notBefore, attempts };
    }
    this.attempts.delete(key);
    const message = errorMessage(error);
    if (batch.deadLetterId !== undefined) {
      const letter = this.letters.find((l) => l.id === batch.deadLetterId);
      if (letter)
        Object.assign(letter, { status: 'dead', attempts: letter.attempts + attempts, error: message });
      return { outcome: 'dead', deadLetterId: batch.deadLetterId, attempts };
    }
    this.advance(batch);
    const event = batch.events[0];
    const id = this.letters.length + 1;
    this.letters.push({
      id,
      consumer: batch.consumer,
      eventSeq: event.seq,
      eventId: event.id,
      eventType: event.type,
      attempts,
      error: message,
      status: 'dead',
      deadAt: new Date(this.clock()).toISOString(),
    });
    return { outcome: 'dead', deadLetterId: id, attempts };
  }

  private advance(batch: BusBatch): void {
    const cursor = this.cursor(batch.consumer);
    if (cursor.position !== batch.after || cursor.generation !== batch.generation) {
      throw new OutroError(
        'STORE_LOCKED',
        `The cursor of ${batch.consumer} moved while a batch was handled; this batch's work is discarded.`,
      );
    }
    cursor.position = batch.through;
  }
}
