import type { TextSource } from './irc-text.js';
import { formatTs, MessageFactory, type GenRecord } from './messages.js';
import { Prng } from './prng.js';
import { folderSink, zipSink, type ExportSink } from './sink.js';
import { buildWorkspace, type GenUser } from './workspace.js';

export interface GenerateOptions {
  messages: number;
  /** A folder, or with `zip` a .zip file. */
  out: string;
  channels: number;
  users: number;
  seed: number;
  zip: boolean;
  /** Days the export spans; default grows with the message count (about 2,000 a day). */
  days?: number;
  /** Days after 2025-01-06 the first message falls on (default 0): a later day of the same workspace. */
  firstDay?: number;
  /** Where plain messages' texts come from (bench/slack-gen/irc-text.ts); default: synthetic work chat. */
  texts?: TextSource;
}

export interface GenerateSummary {
  path: string;
  files: number;
  messages: number;
  replies: number;
  days: number;
  bytes: number;
  seconds: number;
}

interface PendingReply {
  conversation: number;
  seconds: number;
  ts: string;
  rootTs: string;
  rootUser: string;
  user: GenUser;
}

/** 2025-01-06T00:00:00Z, a Monday. */
const START = Date.UTC(2025, 0, 6) / 1000;
const DAY = 86400;
/** Chance that a plain message starts a thread; tuned so ~30% of all messages are replies. */
const ROOT_CHANCE = 0.165;

/**
 * Writes a deterministic Slack workspace export of exactly `messages` messages, day by day: each
 * day's messages are drawn, grouped by conversation, sorted and written before the next day
 * starts. Thread replies are planned with their root (so roots carry reply_count and replies) and
 * held until their own day, which may be later; only those pending replies stay in memory.
 */
export async function generateSlackExport(options: GenerateOptions): Promise<GenerateSummary> {
  const started = performance.now();
  const prng = new Prng(options.seed);
  const workspace = buildWorkspace(prng, { users: options.users, channels: options.channels, start: START });
  const factory = new MessageFactory(prng, workspace, options.texts);
  const days = options.days ?? Math.min(730, Math.max(7, Math.ceil(options.messages / 2000)));
  const sink: ExportSink = options.zip ? zipSink(options.out) : folderSink(options.out);
  let files = 0;
  for (const [name, records] of Object.entries(workspace.metadata)) {
    await sink.write(name, Buffer.from(JSON.stringify(records, null, 4)));
    files++;
  }

  const pending = new Map<number, PendingReply[]>();
  let planned = 0;
  let written = 0;
  let replies = 0;
  let suffix = 0;
  const nextTs = (seconds: number): string => formatTs(seconds, (suffix = (suffix + 1) % 1_000_000));
  const first = options.firstDay ?? 0;
  for (let day = first; day < first + days || pending.size > 0; day++) {
    const dayStart = START + day * DAY;
    const byConversation = new Map<number, Array<{ order: number; record: GenRecord }>>();
    const add = (conversation: number, seconds: number, ts: string, record: GenRecord): void => {
      let list = byConversation.get(conversation);
      if (list === undefined) byConversation.set(conversation, (list = []));
      list.push({ order: seconds * 1e6 + Number(ts.slice(ts.indexOf('.') + 1)), record });
    };
    const addReply = (reply: PendingReply): void => {
      const conversation = workspace.conversations[reply.conversation];
      add(
        reply.conversation,
        reply.seconds,
        reply.ts,
        factory.reply(conversation, reply.user, reply.seconds, reply.ts, reply.rootTs, reply.rootUser),
      );
      replies++;
    };
    for (const reply of pending.get(day) ?? []) addReply(reply);
    pending.delete(day);

    const target = day < first + days ? Math.round((options.messages * (day - first + 1)) / days) : planned;
    while (planned < target) {
      const index = prng.weighted(workspace.cumulative);
      const conversation = workspace.conversations[index];
      const seconds = dayStart + (prng.chance(0.85) ? 8 * 3600 + prng.int(11 * 3600) : prng.int(DAY));
      const ts = nextTs(seconds);
      const record = factory.fresh(conversation, seconds, ts);
      planned++;
      if (record.subtype === undefined && planned < options.messages && prng.chance(ROOT_CHANCE)) {
        const count = Math.min(
          1 + Math.min(40, Math.floor(prng.exponential(2.2))),
          options.messages - planned,
        );
        const thread: PendingReply[] = [];
        let at = seconds;
        for (let i = 0; i < count; i++) {
          at += 1 + Math.round(replyDelay(prng));
          const user = prng.chance(0.3)
            ? (conversation.members.find((member) => member.id === record.user) ??
              prng.pick(conversation.members))
            : prng.pick(conversation.members);
          thread.push({
            conversation: index,
            seconds: at,
            ts: nextTs(at),
            rootTs: ts,
            rootUser: record.user as string,
            user,
          });
        }
        factory.makeRoot(
          record,
          thread.map((reply) => ({ user: reply.user.id, ts: reply.ts })),
        );
        planned += count;
        for (const reply of thread) {
          const replyDay = Math.floor((reply.seconds - START) / DAY);
          if (replyDay === day) addReply(reply);
          else {
            const bucket = pending.get(replyDay);
            if (bucket === undefined) pending.set(replyDay, [reply]);
            else bucket.push(reply);
          }
        }
      }
      add(index, seconds, ts, record);
    }

    const date = new Date(dayStart * 1000).toISOString().slice(0, 10);
    for (const index of [...byConversation.keys()].sort((a, b) => a - b)) {
      const list = byConversation.get(index) ?? [];
      list.sort((a, b) => a.order - b.order);
      await sink.write(
        `${workspace.conversations[index].folder}/${date}.json`,
        Buffer.from(
          JSON.stringify(
            list.map((entry) => entry.record),
            null,
            4,
          ),
        ),
      );
      files++;
      written += list.length;
    }
  }
  const bytes = await sink.close();
  if (written !== options.messages)
    throw new Error(`generator bug: wrote ${written} messages, asked for ${options.messages}`);
  return {
    path: options.out,
    files,
    messages: written,
    replies,
    days,
    bytes,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Most replies come within the hour, some hours later, a few days later. */
function replyDelay(prng: Prng): number {
  const roll = prng.next();
  if (roll < 0.85) return prng.exponential(20 * 60);
  if (roll < 0.97) return prng.exponential(4 * 3600);
  return DAY + prng.int(2 * DAY);
}
