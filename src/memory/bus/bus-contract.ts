import { describe, expect, it } from 'vitest';
import { isOutroError } from '../../domain/errors.js';
import { makeEvent } from '../../domain/events.js';
import type { Bus, BusBatch, BusOptions, Subscription } from './bus.js';

/** Builds a fresh, empty bus for one test, plus its cleanup. */
export type BusFactory = (options: BusOptions) => { bus: Bus; close(): void };

const event = (id: string, type = 'message.posted') =>
  makeEvent({ id, type, stream: 'c1', occurredAt: '2026-11-25T09:00:00.000Z', payload: { id } });

async function next(subscription: Subscription, max = 100): Promise<BusBatch> {
  const result = await subscription.fetch(max);
  if (result.kind !== 'batch') throw new Error(`expected a batch, got ${result.kind}`);
  return result.batch;
}

/** The one contract every Bus implementation passes (in-memory, SQLite, and any broker adapter). */
export function busContract(name: string, factory: BusFactory): void {
  describe(`Bus contract: ${name}`, () => {
    const withBus = async (
      options: BusOptions,
      body: (bus: Bus, clock: { now: number }) => Promise<void>,
    ) => {
      const clock = { now: 1_000 };
      const { bus, close } = factory({
        clock: () => clock.now,
        random: () => 0,
        maxAttempts: 3,
        backoff: { initialMs: 100, factor: 2 },
        ...options,
      });
      try {
        await body(bus, clock);
      } finally {
        close();
      }
    };

    it('publishes idempotently by event id', () =>
      withBus({}, async (bus) => {
        expect(await bus.publish([event('a'), event('b')])).toBe(2);
        expect(await bus.publish([event('a'), event('c')])).toBe(1);
      }));

    it('delivers the consumed types in log order, in batches, and advances on ack', () =>
      withBus({}, async (bus) => {
        await bus.publish([event('a'), event('x', 'other.type'), event('b'), event('c')]);
        const sub = bus.subscribe('g', ['message.posted']);
        expect(await sub.pending()).toBe(3);
        const first = await next(sub, 2);
        expect(first.events.map((e) => e.id)).toEqual(['a', 'b']);
        expect(first.attempt).toBe(1);
        await sub.ack(first);
        const second = await next(sub, 2);
        expect(second.events.map((e) => e.id)).toEqual(['c']);
        await sub.ack(second);
        expect(await sub.fetch(2)).toEqual({ kind: 'idle' });
        expect(await sub.pending()).toBe(0);
      }));

    it('redelivers an unacked batch (at least once)', () =>
      withBus({}, async (bus) => {
        await bus.publish([event('a')]);
        const sub = bus.subscribe('g', ['message.posted']);
        const first = await next(sub);
        const again = await next(bus.subscribe('g', ['message.posted']));
        expect(again.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
      }));

    it('keeps one cursor per consumer group', () =>
      withBus({}, async (bus) => {
        await bus.publish([event('a')]);
        const one = bus.subscribe('one', ['message.posted']);
        await one.ack(await next(one));
        expect((await next(bus.subscribe('two', ['message.posted']))).events[0].id).toBe('a');
      }));

    it('rejects an ack whose cursor moved meanwhile (compare-and-set)', () =>
      withBus({}, async (bus) => {
        await bus.publish([event('a')]);
        const sub = bus.subscribe('g', ['message.posted']);
        const batch = await next(sub);
        const twin = await next(sub);
        await sub.ack(batch);
        await expect(sub.ack(twin)).rejects.toSatisfy((error: unknown) =>
          isOutroError(error, 'STORE_LOCKED'),
        );
      }));

    it('splits a failed batch into single events, retries with backoff, then dead-letters', () =>
      withBus({}, async (bus, clock) => {
        await bus.publish([event('ok'), event('poison'), event('later')]);
        const sub = bus.subscribe('g', ['message.posted']);
        expect(await sub.nack(await next(sub), new Error('boom'))).toEqual({ outcome: 'isolate' });
        const ok = await next(sub);
        expect(ok.events.map((e) => e.id)).toEqual(['ok']);
        await sub.ack(ok);
        const poison = await next(sub);
        expect(poison.events.map((e) => e.id)).toEqual(['poison']);
        expect(await sub.nack(poison, new Error('boom 1'))).toEqual({
          outcome: 'retry',
          attempts: 1,
          notBefore: 1_100,
        });
        expect(await sub.fetch(10)).toEqual({ kind: 'wait', notBefore: 1_100 });
        clock.now = 1_100;
        const second = await next(sub);
        expect(second.attempt).toBe(2);
        expect(await sub.nack(second, new Error('boom 2'))).toEqual({
          outcome: 'retry',
          attempts: 2,
          notBefore: 1_300,
        });
        clock.now = 1_300;
        expect(await sub.nack(await next(sub), new Error('boom 3'))).toMatchObject({
          outcome: 'dead',
          attempts: 3,
        });
        const letters = await bus.deadLetters();
        expect(letters).toHaveLength(1);
        expect(letters[0]).toMatchObject({ consumer: 'g', eventId: 'poison', attempts: 3, status: 'dead' });
        expect(letters[0].error).toContain('boom 3');
        expect((await next(sub)).events.map((e) => e.id)).toEqual(['later']);
      }));

    it('redelivers a retried dead letter without moving the cursor, and resolves it on ack', () =>
      withBus({ maxAttempts: 1 }, async (bus) => {
        await bus.publish([event('poison'), event('next')]);
        const sub = bus.subscribe('g', ['message.posted']);
        const poison = await next(sub, 1);
        const outcome = await sub.nack(poison, new Error('bad'));
        expect(outcome.outcome).toBe('dead');
        const id = outcome.outcome === 'dead' ? outcome.deadLetterId : -1;
        await sub.ack(await next(sub));
        expect(await bus.retry(id)).toBe(1);
        expect(await sub.pending()).toBe(1);
        const redelivery = await next(sub);
        expect(redelivery).toMatchObject({ deadLetterId: id });
        expect(redelivery.events[0].id).toBe('poison');
        await sub.ack(redelivery);
        expect(await bus.deadLetters()).toEqual([]);
        expect(await sub.fetch(10)).toEqual({ kind: 'idle' });
        await expect(bus.retry(id)).rejects.toSatisfy((error: unknown) => isOutroError(error, 'NOT_FOUND'));
      }));

    it('retries all dead letters at once', () =>
      withBus({ maxAttempts: 1 }, async (bus) => {
        await bus.publish([event('a'), event('b')]);
        const sub = bus.subscribe('g', ['message.posted']);
        await sub.nack(await next(sub, 1), new Error('x'));
        await sub.nack(await next(sub, 1), new Error('y'));
        expect(await bus.retry('all')).toBe(2);
        expect((await bus.deadLetters()).map((l) => l.status)).toEqual(['retrying', 'retrying']);
      }));

    it('replays from a position', () =>
      withBus({}, async (bus) => {
        await bus.publish([event('a'), event('b'), event('c')]);
        const sub = bus.subscribe('g', ['message.posted']);
        const all = await next(sub);
        await sub.ack(all);
        await bus.replay('g', all.events[0].seq);
        const again = await next(sub);
        expect(again.events.map((e) => e.id)).toEqual(['b', 'c']);
        expect(again.generation).toBeGreaterThan(all.generation);
        await expect(sub.ack({ ...all, after: again.after })).rejects.toSatisfy((error: unknown) =>
          isOutroError(error, 'STORE_LOCKED'),
        );
        await sub.ack(again);
        await bus.replay('g', 0);
        expect((await next(sub)).events).toHaveLength(3);
      }));
  });
}
