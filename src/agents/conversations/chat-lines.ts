/** Chat messages as the disentangler's lines: author names for addressing, native threads and replies, system kinds. */
import type { MessagePosted } from '../../domain/message.js';
import type { PersonUpdated } from '../../domain/person.js';
import type { ChatLine } from '../../pipeline/disentangle/types.js';

/** Kinds that never join a conversation by themselves: each stays a conversation of its own. */
const SYSTEM_KINDS = new Set(['join', 'leave', 'system', 'huddle']);

/** Names each person goes by (display and real names, handles), from their latest profiles. */
export function namesByPerson(profiles: readonly PersonUpdated[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const profile of profiles)
    out.set(profile.key, [
      ...new Set([...profile.names, ...profile.handles].filter((name) => name.trim().length > 0)),
    ]);
  return out;
}

/** The native part of a person key (`slack:T1:U123` → `U123`), a last resort for a name. */
function nativePart(key: string): string {
  const at = key.lastIndexOf(':');
  return at >= 0 ? key.slice(at + 1) : key;
}

/**
 * Converts a channel's live messages (time order) into ChatLines. A thread whose root is missing (not
 * exported, or deleted) is rooted at its earliest present message, so its replies still stay together.
 */
export function toChatLines(
  messages: readonly MessagePosted[],
  names: ReadonlyMap<string, readonly string[]>,
): ChatLine[] {
  const present = new Set(messages.map((message) => message.id));
  const threadRoot = new Map<string, string>();
  for (const message of messages) {
    if (message.thread === null || threadRoot.has(message.thread)) continue;
    threadRoot.set(message.thread, present.has(message.thread) ? message.thread : message.id);
  }
  // One list per author, shared by the author's lines (read only; 200k lines: ~10 MB less).
  const authorNames = new Map<string, string[]>();
  const namesOf = (author: string): string[] => {
    let list = authorNames.get(author);
    if (!list) authorNames.set(author, (list = [...(names.get(author) ?? [nativePart(author)])]));
    return list;
  };
  return messages.map((message) => {
    const thread = message.thread === null ? null : (threadRoot.get(message.thread) ?? null);
    return {
      id: message.id,
      author: message.author,
      authorNames: namesOf(message.author),
      text: message.text,
      ts: Date.parse(message.ts),
      thread,
      replyTo: message.replyTo !== null && present.has(message.replyTo) ? message.replyTo : null,
      mentions: message.mentions,
      system: SYSTEM_KINDS.has(message.kind),
    };
  });
}
