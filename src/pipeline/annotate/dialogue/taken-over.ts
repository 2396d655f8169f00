import type { AnnotatedActionItem } from '../annotate-types.js';
import type { AnnotateContext } from '../annotate-context.js';
import { messageById } from '../message-index.js';

/** Someone else takes the work asked of another: "I can take that one", "I'll do it instead". */
const TAKES_OVER =
  /\b(?:i(?:['’]ll| will| can| could)|let me|happy to)\s+(?:take|do|grab|handle|pick up)\s+(?:that|it|this)(?:\s+one)?\b/i;
/** The one who asked, or the one asked, agreeing to it: "ok priya takes it then", "thanks priya", "even better". */
const AGREED =
  /^[\p{Extended_Pictographic}\s]*(?:ok|okay|sure|great|perfect|thanks|thank you|thx|ty|even better|works|deal|👍|🙏)/iu;
/** Messages after the ask in which another may take it over, and after that in which it is agreed. */
const WINDOW = 3;

/**
 * Work asked of one person and taken over by another, with the agreement of the one who asked or
 * the one asked ("sam pls call the customer" → "I know their ops manager, I can take that one" →
 * "ok priya takes it then"): the first ask is no longer the first person's item; the taker's own
 * item (the commitment) stays. Returns the items that remain.
 */
export function withoutTakenOver(
  context: AnnotateContext,
  items: readonly AnnotatedActionItem[],
): AnnotatedActionItem[] {
  return items.filter((item) => {
    const ask = messageById(context.messages, item.evidence[0]);
    if (!ask || !item.assignee || ask.message.author === item.assignee) return true;
    const asker = ask.message.author;
    const taker = context.messages
      .slice(ask.index + 1, ask.index + 1 + WINDOW)
      .find(
        (read) =>
          read.message.author !== item.assignee &&
          read.message.author !== asker &&
          !read.isBot &&
          TAKES_OVER.test(read.text) &&
          items.some(
            (other) => other.assignee === read.message.author && other.evidence[0] === read.message.id,
          ),
      );
    if (!taker) return true;
    const agreed = context.messages
      .slice(taker.index + 1, taker.index + 1 + WINDOW)
      .some(
        (read) =>
          (read.message.author === asker || read.message.author === item.assignee) && AGREED.test(read.text),
      );
    return !agreed;
  });
}
