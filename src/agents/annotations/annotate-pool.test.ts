import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../app/store.js';
import { EVENT, type StoredEvent } from '../../domain/events.js';
import { ConversationsAgent } from '../conversations/conversations-agent.js';
import { AnnotatePool } from './annotate-pool.js';
import { AnnotationsAgent, type AnnotationsAgentOptions } from './annotations-agent.js';
import { ingestFixtureChats } from './testing/ingest-fixture-chats.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const workspace = path.join(root, 'fixtures/workspace');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'outro-annotate-pool-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The fixture workspace ingested and disentangled into a fresh store: what the annotations agent reads. */
async function disentangled(name: string): Promise<{ store: Store; now: Date; timezone?: string }> {
  const now = new Date('2026-11-24T00:00:00.000Z');
  const store = openStore(path.join(tmp, name, 'outro.db'), () => now);
  const { timezone } = await ingestFixtureChats(store, workspace, now);
  const conversations = new ConversationsAgent();
  const messages = store.log.read({ types: conversations.consumes });
  store.log.appendAll(await conversations.handle(messages, contextOf(store, now)));
  return { store, now, timezone };
}

function contextOf(store: Store, now: Date) {
  return {
    db: store.db,
    log: store.log,
    now: () => now,
    signal: new AbortController().signal,
    step: async <T>(_: string, fn: (s: AbortSignal) => Promise<T> | T) => fn(new AbortController().signal),
  };
}

/** Every event the annotations agent appends, in order, as [id, type, payload] lines, and how the pool's answers went. */
async function annotate(name: string, options: AnnotationsAgentOptions) {
  const { store, now, timezone } = await disentangled(name);
  const agent = new AnnotationsAgent({ timezone, ...options });
  try {
    const extracted: StoredEvent[] = store.log.read({ types: agent.consumes });
    for (let at = 0; at < extracted.length; at += 60)
      store.log.appendAll(await agent.handle(extracted.slice(at, at + 60), contextOf(store, now)));
    const lines = store.log
      .read({ types: agent.produces })
      .map((event) => JSON.stringify([event.id, event.type, event.causationId, event.payload]));
    return { lines, stats: { ...(agent.poolStats() ?? { taken: 0, redone: 0, local: 0 }) } };
  } finally {
    await agent.close();
    store.close();
  }
}

describe.skipIf(!existsSync(workspace))('annotating on a worker pool', () => {
  let one: Awaited<ReturnType<typeof annotate>>;
  beforeAll(async () => {
    one = await annotate('one', { threads: 1 });
  }, 120_000);

  it('appends the same events, ids and payloads, with 1 and 2 threads', async () => {
    const two = await annotate('two', { threads: 2, poolFrom: 1, awaitWorkers: true });
    expect(one.lines.length).toBeGreaterThan(300);
    expect(one.lines.some((line) => line.includes(EVENT.entityNamed))).toBe(true);
    // The worker answered for many conversations (how many depends on scheduling), and its answers were taken.
    expect(two.stats.taken).toBeGreaterThan(10);
    expect(two.lines).toEqual(one.lines);
  }, 120_000);

  it('annotates again each conversation whose input differs from what the worker read', async () => {
    // Workers never see what the main thread produced: their knowledge is the batch start's, so
    // every conversation that reads an entity, item or fact of its own batch comes back stale.
    const stale = await annotate('stale', {
      threads: 2,
      poolFrom: 1,
      awaitWorkers: true,
      withholdPending: true,
    });
    expect(stale.stats.redone).toBeGreaterThan(5);
    expect(stale.stats.taken).toBeGreaterThan(5);
    expect(stale.lines).toEqual(one.lines);
  }, 120_000);
});

describe('a worker that cannot start', () => {
  it('answers nothing: the main thread annotates every conversation, and closing does not hang', async () => {
    const pool = new AnnotatePool({
      file: path.join(tmp, 'missing', 'outro.db'),
      timezone: 'UTC',
      workers: 1,
    });
    const conversation = {
      conversationId: 'c1',
      channel: 'slack:T1:C1',
      messages: ['m1'],
      start: '2026-11-01T10:00:00.000Z',
      end: '2026-11-01T10:05:00.000Z',
    };
    const batch = pool.batch([conversation, { ...conversation, conversationId: 'c2' }] as never);
    await pool.started();
    expect(await batch.take(0)).toBeUndefined();
    expect(await batch.take(1)).toBeUndefined();
    await pool.close();
  }, 60_000);
});
