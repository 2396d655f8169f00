import type { ReadMessage } from '../annotate-context.js';

/** How many earlier messages, and how long before, an unthreaded reply may answer. */
export const RESPONSE_WINDOW = { messages: 6, ms: 6 * 3_600_000 };

/**
 * The earlier messages `later` may be answering, nearest first: the message it replies to (a
 * Discord/Teams reply), else the earlier messages of its thread, else the few messages before it
 * in the conversation within the response window. Bots and notices are never answered.
 */
export function answerable(messages: readonly ReadMessage[], later: ReadMessage): ReadMessage[] {
  const { message } = later;
  const before = messages.slice(0, later.index).filter((read) => !read.isBot);
  if (message.replyTo) {
    // A reply chain (Teams replies all point at the root post; Discord replies at one message):
    // the target and the other replies to it, nearest first.
    const chain = before.filter(
      (read) => read.message.id === message.replyTo || read.message.replyTo === message.replyTo,
    );
    if (chain.length > 0) return chain.reverse();
  }
  const thread = message.thread && message.thread !== message.id ? message.thread : undefined;
  if (thread) {
    const inThread = before.filter((read) => read.message.id === thread || read.message.thread === thread);
    if (inThread.length > 0) return inThread.reverse();
  }
  const at = Date.parse(message.ts);
  // Unthreaded: the channel's recent messages, but not other threads' replies.
  return before
    .filter((read) => !(read.message.thread && read.message.thread !== read.message.id))
    .slice(-RESPONSE_WINDOW.messages)
    .filter((read) => at - Date.parse(read.message.ts) <= RESPONSE_WINDOW.ms)
    .reverse();
}

/** Reactions that say yes (👍, ✅, +1, 👌, 🙌) — on a proposal an acceptance, on a request by its assignee a done or an ack. */
export const POSITIVE_REACTIONS =
  /^(\+1|thumbsup|thumbs_up|👍|white_check_mark|heavy_check_mark|check|✅|✔️|ok_hand|👌|raised_hands|🙌|ok|100|💯|rocket|🚀|tada|🎉)(::skin-tone-\d)?$/u;
export const DONE_REACTIONS = /^(white_check_mark|heavy_check_mark|ballot_box_with_check|✅|✔️|☑️)$/u;
