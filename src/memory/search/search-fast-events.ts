import { SOURCES } from '../../domain/closed-lists.js';

/**
 * Plain checks for the two events that are most of a log, for a rebuild: a payload they accept is
 * one the search mappers' zod schemas accept too (the same fields, types and enums), so the rebuild
 * can skip zod and the op objects for it. Whatever they decline (other kinds, a bad time, a native
 * id holding ':', an invalid payload) goes through searchOpsOf as before.
 */

/** What the index reads of a message.posted that is indexed as is. */
export interface FastMessage {
  source: string;
  workspace: string;
  channel: string;
  id: string;
  author: string;
  text: string;
  ts: string;
}

/** What the index reads of a conversation.extracted that points messages at their conversation. */
export interface FastSplit {
  conversationId: string;
  channel: string;
  messages: string[];
}

const SOURCE_SET: ReadonlySet<unknown> = new Set(SOURCES);

/** A message of an indexed kind (see INDEXED_MESSAGE_KINDS) with a native id doc ids can hold; null otherwise. */
export function fastMessage(payload: unknown): FastMessage | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const m = payload as Record<keyof FastMessage | 'kind', unknown>;
  const { kind } = m;
  return typeof m.text === 'string' &&
    typeof m.author === 'string' &&
    typeof m.ts === 'string' &&
    typeof m.id === 'string' &&
    typeof m.channel === 'string' &&
    typeof m.workspace === 'string' &&
    SOURCE_SET.has(m.source) &&
    (kind === 'message' || kind === 'bot' || kind === 'huddle' || kind === 'system') &&
    !m.id.includes(':')
    ? (payload as FastMessage)
    : null;
}

/** A split of a named channel that names at least one message, none of whose native ids holds ':'; null otherwise. */
export function fastSplit(payload: unknown): FastSplit | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const c = payload as Record<keyof FastSplit, unknown>;
  const { messages } = c;
  if (typeof c.conversationId !== 'string' || typeof c.channel !== 'string' || !Array.isArray(messages))
    return null;
  // An empty split removes the conversation; an empty channel key makes doc ids SearchWriter does not read as messages.
  if (messages.length === 0 || c.channel === '') return null;
  for (const id of messages) if (typeof id !== 'string' || id.includes(':')) return null;
  return payload as FastSplit;
}
