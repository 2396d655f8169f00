/**
 * Look-ups over a conversation's read messages that every extractor repeats (by id, replies to a
 * message, replies in a thread), built once per conversation so a long conversation costs time in
 * proportion to its messages, not their square (issue 16: bounded work; a busy channel read as one
 * conversation of 20,000 messages took minutes).
 */
import type { ReadMessage } from './annotate-context.js';

interface MessageIndex {
  byId: Map<string, ReadMessage>;
  /** Messages that reply to each id (Discord/Teams replies), in conversation order. */
  repliesTo: Map<string, ReadMessage[]>;
  /** Messages posted in each native thread (root excluded), in conversation order. */
  inThread: Map<string, ReadMessage[]>;
}

const indexes = new WeakMap<readonly ReadMessage[], MessageIndex>();

function indexOf(messages: readonly ReadMessage[]): MessageIndex {
  let index = indexes.get(messages);
  if (index) return index;
  index = { byId: new Map(), repliesTo: new Map(), inThread: new Map() };
  for (const read of messages) {
    const { id, replyTo, thread } = read.message;
    if (!index.byId.has(id)) index.byId.set(id, read);
    if (replyTo) push(index.repliesTo, replyTo, read);
    if (thread && thread !== id) push(index.inThread, thread, read);
  }
  indexes.set(messages, index);
  return index;
}

function push(map: Map<string, ReadMessage[]>, key: string, read: ReadMessage): void {
  const list = map.get(key);
  if (list) list.push(read);
  else map.set(key, [read]);
}

/** The first message of the conversation with this id. */
export function messageById(messages: readonly ReadMessage[], id: string): ReadMessage | undefined {
  return indexOf(messages).byId.get(id);
}

/** The messages that reply to `id`, in conversation order. */
export function repliesTo(messages: readonly ReadMessage[], id: string): readonly ReadMessage[] {
  return indexOf(messages).repliesTo.get(id) ?? [];
}

/** The messages posted in the native thread rooted at `id` (the root itself excluded), in conversation order. */
export function threadReplies(messages: readonly ReadMessage[], id: string): readonly ReadMessage[] {
  return indexOf(messages).inThread.get(id) ?? [];
}

/** The message `read` answers: the one it replies to or threads under (when earlier), else the last earlier message by someone else who is not a bot. */
export function answeredMessage(
  messages: readonly ReadMessage[],
  read: ReadMessage,
): ReadMessage | undefined {
  const target = read.message.replyTo ?? read.message.thread;
  const parent = target ? messageById(messages, target) : undefined;
  if (parent && parent.index < read.index) return parent;
  for (let k = read.index - 1; k >= 0; k--) {
    const earlier = messages[k];
    if (!earlier.isBot && earlier.message.author !== read.message.author) return earlier;
  }
  return undefined;
}
