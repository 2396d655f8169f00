import type { ReadMessage } from '../annotate-context.js';
import { messageById, repliesTo, threadReplies } from '../message-index.js';

/** How many earlier messages, and how long before, an unthreaded reply may answer. */
export const RESPONSE_WINDOW = { messages: 6, ms: 6 * 3_600_000 };

/**
 * The earlier messages `later` may be answering, nearest first: the message it replies to (a
 * Discord/Teams reply), else the earlier messages of its thread, else the few messages before it
 * in the conversation within the response window. Bots and notices are never answered.
 */
export function answerable(messages: readonly ReadMessage[], later: ReadMessage): ReadMessage[] {
  const { message } = later;
  const earlier = (read: ReadMessage | undefined): read is ReadMessage =>
    read !== undefined && read.index < later.index && !read.isBot;
  const nearestFirst = (reads: Array<ReadMessage | undefined>): ReadMessage[] =>
    reads.filter(earlier).sort((a, b) => b.index - a.index);
  if (message.replyTo) {
    // A reply chain (Teams replies all point at the root post; Discord replies at one message):
    // the target and the other replies to it, nearest first.
    const chain = nearestFirst([
      messageById(messages, message.replyTo),
      ...repliesTo(messages, message.replyTo),
    ]);
    if (chain.length > 0) return chain;
  }
  const thread = message.thread && message.thread !== message.id ? message.thread : undefined;
  if (thread) {
    const inThread = nearestFirst([messageById(messages, thread), ...threadReplies(messages, thread)]);
    if (inThread.length > 0) return inThread;
  }
  const at = Date.parse(message.ts);
  // Unthreaded: the channel's recent messages, but not other threads' replies.
  const recent: ReadMessage[] = [];
  for (let k = later.index - 1; k >= 0 && recent.length < RESPONSE_WINDOW.messages; k--) {
    const read = messages[k];
    if (read.isBot || (read.message.thread && read.message.thread !== read.message.id)) continue;
    recent.push(read);
  }
  return recent.filter((read) => at - Date.parse(read.message.ts) <= RESPONSE_WINDOW.ms);
}

/** Reactions that say yes (👍, ✅, +1, 👌, 🙌) — on a proposal an acceptance, on a request by its assignee a done or an ack. */
export const POSITIVE_REACTIONS =
  /^(\+1|thumbsup|thumbs_up|👍|white_check_mark|heavy_check_mark|check|✅|✔️|ok_hand|👌|raised_hands|🙌|ok|100|💯|rocket|🚀|tada|🎉)(::skin-tone-\d)?$/u;
export const DONE_REACTIONS = /^(white_check_mark|heavy_check_mark|ballot_box_with_check|✅|✔️|☑️)$/u;
