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
const STRING_FIELDS = ['text', 'author', 'ts', 'channel', 'workspace'] as const;

/** A message of an indexed kind (see INDEXED_MESSAGE_KINDS) with a native id doc ids can hold. */
export function isFastMessage(value: unknown): value is FastMessage {
  if (typeof value !== 'object' || value === null) return false;
  const kind: unknown = Reflect.get(value, 'kind');
  const id: unknown = Reflect.get(value, 'id');
  return (
    typeof id === 'string' &&
    !id.includes(':') &&
    (kind === 'message' || kind === 'bot' || kind === 'huddle' || kind === 'system') &&
    SOURCE_SET.has(Reflect.get(value, 'source')) &&
    STRING_FIELDS.every((key) => typeof Reflect.get(value, key) === 'string')
  );
}

/** A split of a named channel that names at least one message, none of whose native ids holds ':'. */
export function isFastSplit(value: unknown): value is FastSplit {
  if (typeof value !== 'object' || value === null) return false;
  const messages: unknown = Reflect.get(value, 'messages');
  const channel: unknown = Reflect.get(value, 'channel');
  return (
    typeof Reflect.get(value, 'conversationId') === 'string' &&
    // An empty split removes the conversation; an empty channel key makes doc ids SearchWriter does not read as messages.
    typeof channel === 'string' &&
    channel !== '' &&
    Array.isArray(messages) &&
    messages.length > 0 &&
    messages.every((id) => typeof id === 'string' && !id.includes(':'))
  );
}
