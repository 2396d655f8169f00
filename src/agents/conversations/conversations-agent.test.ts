import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../app/store.js';
import type { ConversationExtracted } from '../../domain/annotations.js';
import { messageDeleted, messagePosted, personUpdated } from '../../domain/event-builders.js';
import { EVENT, makeEvent, type EventEnvelope, type StoredEvent } from '../../domain/events.js';
import { stableId } from '../../domain/ids.js';
import type { MessageEdited, MessagePosted } from '../../domain/message.js';
import type { AgentContext } from '../../runtime/agents/agent.js';
import { conversationIdOf } from './conversation-events.js';
import { ConversationsAgent } from './conversations-agent.js';

const T0 = Date.UTC(2025, 2, 3, 9, 0);
const CHANNEL = 'slack:T1:C1';
const person = (name: string): string => `slack:T1:U_${name}`;

/** A Slack-like message in C1, `k` * 30 s after T0 (id = `1.k`). */
function post(
  k: number,
  author: string,
  text: string,
  extra: Partial<MessagePosted> = {},
): EventEnvelope<MessagePosted> {
  return messagePosted({
    source: 'slack',
    workspace: 'T1',
    channel: 'C1',
    id: `1.${k}`,
    thread: null,
    replyTo: null,
    author: person(author),
    text,
    kind: 'message',
    mentions: [],
    editedAt: null,
    ts: new Date(T0 + k * 30_000).toISOString(),
    ...extra,
  });
}

function edit(k: number, text: string): EventEnvelope<MessageEdited> {
  const payload: MessageEdited = {
    source: 'slack',
    workspace: 'T1',
    channel: 'C1',
    id: `1.${k}`,
    text,
    mentions: [],
    editedAt: new Date(T0 + 3_600_000).toISOString(),
  };
  return makeEvent({
    id: stableId(EVENT.messageEdited, k, text),
    type: EVENT.messageEdited,
    stream: CHANNEL,
    occurredAt: payload.editedAt as string,
    payload,
  });
}

function profile(name: string): EventEnvelope {
  return personUpdated(
    {
      key: person(name),
      source: 'slack',
      workspace: 'T1',
      nativeId: `U_${name}`,
      names: [name[0].toUpperCase() + name.slice(1)],
      handles: [name],
      emails: [],
      isBot: false,
    },
    new Date(T0).toISOString(),
  );
}

let dir: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'outro-conversations-'));
  store = openStore(path.join(dir, 'outro.db'), () => new Date(T0 + 86_400_000));
});

afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function context(): AgentContext {
  return {
    db: store.db,
    log: store.log,
    now: () => new Date(T0 + 86_400_000),
    signal: new AbortController().signal,
    step: async (_name, fn) => fn(new AbortController().signal),
  };
}

/** Appends `events`, runs the agent on the newly stored ones as the runtime would, appends what it returns. */
async function deliver(
  agent: ConversationsAgent,
  events: readonly EventEnvelope[],
): Promise<EventEnvelope<ConversationExtracted>[]> {
  const after = store.log.lastSeq();
  store.log.appendAll(events);
  const batch: StoredEvent[] = store.log.read({ afterSeq: after, types: agent.consumes });
  const produced = (await agent.handle(batch, context())) as EventEnvelope<ConversationExtracted>[];
  store.log.appendAll(produced);
  return produced;
}

/** The latest conversation.extracted per conversationId, as readers see them. */
function current(): ConversationExtracted[] {
  const latest = new Map<string, ConversationExtracted>();
  for (const event of store.log.read({ types: [EVENT.conversationExtracted] })) {
    const payload = event.payload as ConversationExtracted;
    latest.set(payload.conversationId, payload);
  }
  return [...latest.values()];
}

const INTERLEAVED = [
  post(0, 'alice', 'anyone know why the staging deploy is failing on the migration step?'),
  post(1, 'bob', '@Carol did the invoice export finish last night?'),
  post(2, 'dave', '@Alice which migration? the one adding the billing index?'),
  post(3, 'carol', '@Bob yes, the export finished, the file is in the shared drive'),
  post(4, 'alice', '@Dave yes that one, it times out after 30s on staging'),
  post(5, 'bob', '@Carol great, thanks!'),
  post(6, 'dave', '@Alice bump the statement timeout for the migration, it locks the table'),
];

describe('the conversations agent', () => {
  it('splits interleaved chatter into conversations with stable ids, participants and times', async () => {
    const agent = new ConversationsAgent();
    const produced = await deliver(agent, [
      ...['alice', 'bob', 'carol', 'dave'].map(profile),
      ...INTERLEAVED,
    ]);
    const conversations = produced.map((event) => event.payload);
    expect(conversations.map((c) => c.messages)).toEqual([
      ['1.0', '1.2', '1.4', '1.6'],
      ['1.1', '1.3', '1.5'],
    ]);
    const [deploy] = conversations;
    expect(deploy.conversationId).toBe(conversationIdOf(CHANNEL, '1.0'));
    expect(deploy.channel).toBe(CHANNEL);
    expect(deploy.participants).toEqual([person('alice'), person('dave')]);
    expect(deploy.start).toBe(new Date(T0).toISOString());
    expect(deploy.end).toBe(new Date(T0 + 6 * 30_000).toISOString());
    expect(deploy.provenance).toMatchObject({ stage: 'disentangle', strategy: 'heuristic' });
    expect(deploy.provenance.version).toMatch(/^disentangle-\d+\+/);
    expect(
      produced.every((event) => event.type === EVENT.conversationExtracted && event.stream === CHANNEL),
    ).toBe(true);
  });

  it('appends nothing for a redelivered batch and a new event only for the conversation that grew', async () => {
    const agent = new ConversationsAgent();
    await deliver(agent, [...['alice', 'bob', 'carol', 'dave'].map(profile), ...INTERLEAVED]);
    const again = await agent.handle(store.log.read({ types: agent.consumes }), context());
    expect(again).toEqual([]);

    const grown = await deliver(agent, [post(7, 'alice', '@Dave that fixed it, deploy is green now')]);
    expect(grown.map((event) => event.payload.messages)).toEqual([['1.0', '1.2', '1.4', '1.6', '1.7']]);
    expect(grown[0].payload.conversationId).toBe(conversationIdOf(CHANNEL, '1.0'));
    expect(current()).toHaveLength(2);
  });

  it('keeps every message of a native thread in one conversation, and channel lines out of a running thread', async () => {
    const agent = new ConversationsAgent();
    const produced = await deliver(agent, [
      post(0, 'ana', 'release checklist for 2.4 is up', { thread: '1.0' }),
      post(1, 'cy', 'done', { thread: '1.0' }),
      post(2, 'ben', 'lunch anyone? thinking tacos'),
      post(3, 'dee', 'me!', { replyTo: '1.2' }),
      post(4, 'ben', 'ok', { thread: '1.0' }),
      post(40, 'ben', 'one more thing: the changelog still says 2.3', { thread: '1.0' }),
    ]);
    const messages = produced.map((event) => event.payload.messages);
    expect(messages).toContainEqual(['1.0', '1.1', '1.4', '1.40']);
    expect(messages).toContainEqual(['1.2', '1.3']);
  });

  it('drops deleted messages and re-publishes the conversations they were in', async () => {
    const agent = new ConversationsAgent();
    await deliver(agent, [...['alice', 'bob', 'carol', 'dave'].map(profile), ...INTERLEAVED]);
    const produced = await deliver(agent, [
      messageDeleted(
        { source: 'slack', workspace: 'T1', channel: 'C1', id: '1.5', deletedAt: null },
        new Date(T0 + 3_600_000).toISOString(),
      ),
    ]);
    expect(produced.map((event) => event.payload.messages)).toEqual([['1.1', '1.3']]);
    expect(current().find((c) => c.conversationId === conversationIdOf(CHANNEL, '1.1'))?.messages).toEqual([
      '1.1',
      '1.3',
    ]);
  });

  it('reads the latest text of an edited message, retires the conversation it left, and keeps system lines apart', async () => {
    const agent = new ConversationsAgent();
    const before = await deliver(agent, [
      profile('erin'),
      profile('gus'),
      post(0, 'erin', 'how do I rotate the api keys?'),
      post(1, 'fred', 'fred has joined the channel', { kind: 'join' }),
      post(20, 'gus', 'hello everyone, who is up for lunch at noon today?'),
    ]);
    expect(before.map((event) => event.payload.messages)).toEqual([['1.0'], ['1.1'], ['1.20']]);
    const produced = await deliver(agent, [
      edit(20, '@Erin run the rotate-keys job in the admin console, it rotates the api keys'),
    ]);
    expect(produced.map((event) => event.payload.messages)).toEqual([['1.0', '1.20'], []]);
    expect(
      current()
        .filter((c) => c.messages.length > 0)
        .map((c) => c.messages),
    ).toEqual([['1.0', '1.20'], ['1.1']]);
  });

  it('splits a channel once, at the batch holding its last logged event, when earlier batches are behind the log', async () => {
    const agent = new ConversationsAgent();
    store.log.appendAll([...['alice', 'bob', 'carol', 'dave'].map(profile), ...INTERLEAVED]);
    const events = store.log.read({ types: agent.consumes });
    expect(await agent.handle(events.slice(0, 4), context())).toEqual([]);
    const produced = (await agent.handle(
      events.slice(4),
      context(),
    )) as EventEnvelope<ConversationExtracted>[];
    expect(produced.map((event) => event.payload.messages)).toEqual([
      ['1.0', '1.2', '1.4', '1.6'],
      ['1.1', '1.3', '1.5'],
    ]);
  });

  it('handles each channel of a batch on its own and ignores other event types', async () => {
    const agent = new ConversationsAgent();
    const other = messagePosted({ ...post(0, 'zed', 'hello from another channel').payload, channel: 'C2' });
    const produced = await deliver(agent, [post(0, 'alice', 'is the build green?'), other]);
    expect(produced.map((event) => event.payload.channel).sort()).toEqual([CHANNEL, 'slack:T1:C2']);
    expect(await agent.handle([], context())).toEqual([]);
  });
});
