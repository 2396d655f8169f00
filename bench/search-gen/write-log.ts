import type {
  ConversationAnnotated,
  ConversationExtracted,
  DecisionRecorded,
} from '../../src/domain/annotations.js';
import { channelUpdated, messagePosted, personUpdated } from '../../src/domain/event-builders.js';
import { EVENT, makeEvent, type EventEnvelope } from '../../src/domain/events.js';
import { stableId } from '../../src/domain/ids.js';
import type { MessageDeleted, MessageEdited, MessagePosted } from '../../src/domain/message.js';
import type { EventLog } from '../../src/memory/event-log.js';
import { cumulativeWeights, Prng } from '../slack-gen/prng.js';
import { FIRST_NAMES, LAST_NAMES, PUBLIC_CHANNELS } from '../slack-gen/vocabulary.js';
import { messageText, type BenchChannel, type BenchPerson } from './message-text.js';
import { drawWord, zipfVocabulary, type ZipfVocabulary } from './zipf-vocabulary.js';

export interface BenchLogOptions {
  messages: number;
  seed?: number;
  people?: number;
  channels?: number;
  /** First message time (epoch ms); messages spread evenly over `days`. */
  startMs?: number;
  days?: number;
}

export interface BenchLog {
  messages: number;
  people: BenchPerson[];
  channels: BenchChannel[];
  startMs: number;
  endMs: number;
  seconds: number;
}

const PROVENANCE = { stage: 'bench', version: '1', strategy: 'heuristic' } as const;
const WORKSPACE = 'T0BENCH';
/** Messages per conversation (each channel's stream is cut into runs of this many). */
const CONVERSATION_SIZE = 8;
/** Messages per export ingested before the agents' events for it are written (a few weeks of chat). */
const INGEST_SIZE = 100_000;

/**
 * Writes a realistic log for the search bench: people and channels, then messages in time order
 * (1% edited, 0.3% deleted later), and per channel a conversation (extracted and annotated) every
 * eight messages, a tenth of them with a decision — the mix `outro replay` reads, in the order
 * `outro ingest` writes it: each export's messages (100k), then the agents' events about them.
 */
export function writeBenchLog(log: EventLog, options: BenchLogOptions): BenchLog {
  const started = performance.now();
  const { prng, vocabulary, people, channels } = benchWorld(options.seed ?? 7, options);
  const activity = cumulativeWeights(people.map((_, rank) => 1 / (rank + 1) ** 0.8));
  const traffic = cumulativeWeights(channels.map((_, rank) => 1 / (rank + 1) ** 0.7));
  const startMs = options.startMs ?? Date.parse('2024-01-01T00:00:00Z');
  const spanMs = (options.days ?? 730) * 86_400_000;
  const stepMs = spanMs / Math.max(1, options.messages);

  let pending: EventEnvelope[] = [];
  const flush = (): void => {
    log.appendAll(pending);
    pending = [];
  };
  const at = new Date('2026-01-01T00:00:00Z').toISOString();
  for (const person of people) {
    pending.push(
      personUpdated(
        {
          key: person.key,
          source: 'slack',
          workspace: WORKSPACE,
          nativeId: person.nativeId,
          names: [person.name],
          handles: [],
          emails: [],
          isBot: false,
        },
        at,
      ),
    );
  }
  for (const channel of channels) {
    pending.push(
      channelUpdated(
        {
          key: channel.key,
          source: 'slack',
          workspace: WORKSPACE,
          nativeId: channel.nativeId,
          name: channel.name,
          kind: 'channel',
          members: [],
        },
        at,
      ),
    );
  }
  const open = new Map<string, MessagePosted[]>();
  const later: Array<{ atMs: number; event: EventEnvelope }> = [];
  let derived: EventEnvelope[] = [];
  for (let i = 0; i < options.messages; i++) {
    const ms = startMs + Math.floor(i * stepMs);
    const channel = channels[prng.weighted(traffic)];
    const author = people[prng.weighted(activity)];
    const ts = `${Math.floor(ms / 1000)}.${String(i % 1_000_000).padStart(6, '0')}`;
    const message: MessagePosted = {
      source: 'slack',
      workspace: WORKSPACE,
      channel: channel.nativeId,
      id: ts,
      thread: null,
      replyTo: null,
      author: author.key,
      text: messageText(prng, vocabulary, people, channels),
      kind: 'message',
      mentions: [],
      editedAt: null,
      ts: new Date(ms).toISOString(),
    };
    pending.push(messagePosted(message));
    const roll = prng.next();
    if (roll < 0.01)
      later.push({
        atMs: ms + 600_000,
        event: edited(message, `${message.text} (edited: ${drawWord(vocabulary, prng)})`, ms + 600_000),
      });
    else if (roll < 0.013) later.push({ atMs: ms + 900_000, event: deleted(message, ms + 900_000) });
    const run = open.get(channel.key) ?? [];
    run.push(message);
    open.set(channel.key, run);
    if (run.length === CONVERSATION_SIZE) {
      derived.push(...conversationEvents(channel, run, prng, vocabulary));
      open.set(channel.key, []);
    }
    while (later.length > 0 && later[0].atMs <= ms) pending.push(later.shift()!.event);
    if (pending.length >= 20_000) flush();
    // An export is ingested, then the agents run over it: their events follow its messages.
    if ((i + 1) % INGEST_SIZE === 0) {
      flush();
      pending = derived;
      derived = [];
      flush();
    }
  }
  pending.push(...later.map((entry) => entry.event), ...derived);
  flush();
  return {
    messages: options.messages,
    people,
    channels,
    startMs,
    endMs: startMs + spanMs,
    seconds: (performance.now() - started) / 1000,
  };
}

export interface BenchWorld {
  /** The PRNG after the world was drawn. */
  prng: Prng;
  vocabulary: ZipfVocabulary;
  people: BenchPerson[];
  channels: BenchChannel[];
}

/** The vocabulary, people and channels for a seed: the same every time, so a kept store can be described again. */
export function benchWorld(
  seed: number,
  options: Pick<BenchLogOptions, 'people' | 'channels'> = {},
): BenchWorld {
  const prng = new Prng(seed);
  const vocabulary = zipfVocabulary(40_000, prng);
  const people: BenchPerson[] = Array.from({ length: options.people ?? 300 }, (_, i) => {
    const nativeId = `U${String(i).padStart(6, '0')}`;
    return {
      key: `slack:${WORKSPACE}:${nativeId}`,
      nativeId,
      name: `${prng.pick(FIRST_NAMES)} ${prng.pick(LAST_NAMES)}`,
    };
  });
  const channels: BenchChannel[] = Array.from({ length: options.channels ?? 60 }, (_, i) => {
    const nativeId = `C${String(i).padStart(6, '0')}`;
    return {
      key: `slack:${WORKSPACE}:${nativeId}`,
      nativeId,
      name: `${PUBLIC_CHANNELS[i % PUBLIC_CHANNELS.length]}${i < PUBLIC_CHANNELS.length ? '' : `-${i}`}`,
    };
  });
  return { prng, vocabulary, people, channels };
}

function edited(message: MessagePosted, text: string, ms: number): EventEnvelope<MessageEdited> {
  const { source, workspace, channel, id } = message;
  const editedAt = new Date(ms).toISOString();
  return makeEvent({
    id: stableId(EVENT.messageEdited, message.id, message.channel, text),
    type: EVENT.messageEdited,
    stream: `slack:${workspace}:${channel}`,
    occurredAt: editedAt,
    payload: { source, workspace, channel, id, text, mentions: [], editedAt },
  });
}

function deleted(message: MessagePosted, ms: number): EventEnvelope<MessageDeleted> {
  const { source, workspace, channel, id } = message;
  const deletedAt = new Date(ms).toISOString();
  return makeEvent({
    id: stableId(EVENT.messageDeleted, message.channel, message.id),
    type: EVENT.messageDeleted,
    stream: `slack:${workspace}:${channel}`,
    occurredAt: deletedAt,
    payload: { source, workspace, channel, id, deletedAt },
  });
}

function conversationEvents(
  channel: BenchChannel,
  run: readonly MessagePosted[],
  prng: Prng,
  vocabulary: ZipfVocabulary,
): EventEnvelope[] {
  const conversationId = `conv-${channel.nativeId}-${run[0].id}`;
  const participants = [...new Set(run.map((message) => message.author))];
  const start = run[0].ts;
  const end = run[run.length - 1].ts;
  const words = (n: number): string => Array.from({ length: n }, () => drawWord(vocabulary, prng)).join(' ');
  const extracted: ConversationExtracted = {
    conversationId,
    channel: channel.key,
    messages: run.map((message) => message.id),
    participants,
    start,
    end,
    provenance: PROVENANCE,
  };
  const annotated: ConversationAnnotated = {
    conversationId,
    channel: channel.key,
    topic: words(3),
    summary: words(18),
    participants,
    mentioned: [],
    entities: [],
    noise: false,
    start,
    end,
    messageCount: run.length,
    provenance: PROVENANCE,
  };
  const events: EventEnvelope[] = [
    makeEvent({
      id: stableId(EVENT.conversationExtracted, conversationId),
      type: EVENT.conversationExtracted,
      stream: channel.key,
      occurredAt: end,
      payload: extracted,
    }),
    makeEvent({
      id: stableId(EVENT.conversationAnnotated, conversationId),
      type: EVENT.conversationAnnotated,
      stream: channel.key,
      occurredAt: end,
      payload: annotated,
    }),
  ];
  if (prng.chance(0.1)) {
    const speaker = run[run.length - 1];
    const decision: DecisionRecorded = {
      decisionId: `dec-${conversationId}`,
      conversationId,
      channel: channel.key,
      summary: `we decided to ${words(8)}`,
      about: [],
      decidedBy: [speaker.author],
      reverses: null,
      at: end,
      confidence: 0.8,
      evidence: [
        {
          source: 'slack',
          workspace: WORKSPACE,
          channel: channel.nativeId,
          id: speaker.id,
          author: speaker.author,
          ts: speaker.ts,
          snippet: speaker.text.slice(0, 280),
        },
      ],
      provenance: PROVENANCE,
    };
    events.push(
      makeEvent({
        id: stableId(EVENT.decisionRecorded, decision.decisionId),
        type: EVENT.decisionRecorded,
        stream: channel.key,
        occurredAt: end,
        payload: decision,
      }),
    );
  }
  return events;
}
