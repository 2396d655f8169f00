import { z } from 'zod';
import { Source } from './source.js';

export const MESSAGE_KINDS = ['message', 'bot', 'join', 'leave', 'system', 'huddle', 'tombstone'] as const;
export const MessageKind = z.enum(MESSAGE_KINDS);
export type MessageKind = z.infer<typeof MessageKind>;

/** Identifies one native message: source, workspace, channel, native message id. */
export const MessageRef = z.object({
  source: Source,
  workspace: z.string(),
  /** Native channel id. */
  channel: z.string(),
  /** Native message id (Slack ts, Discord snowflake, Teams id). */
  id: z.string(),
});
export type MessageRef = z.infer<typeof MessageRef>;

export const FileRef = z.object({
  name: z.string(),
  title: z.string().optional(),
  mimetype: z.string().optional(),
});

export const MessagePosted = MessageRef.extend({
  /** Native id of the thread root, for thread roots and replies; null when not threaded. */
  thread: z.string().nullable(),
  /** Native id of the message this one directly replies to (Discord reference, Teams replyToId). */
  replyTo: z.string().nullable(),
  /** Person key of the author. */
  author: z.string(),
  /** Plain text: mentions rendered as `@Display Name`, links as `label (url)`, entities decoded. */
  text: z.string(),
  kind: MessageKind,
  /** Person keys mentioned. */
  mentions: z.array(z.string()),
  /** @here / @channel / @everyone. */
  mentionsAll: z.boolean().optional(),
  /** Channel keys mentioned. */
  channelMentions: z.array(z.string()).optional(),
  links: z.array(z.string()).optional(),
  files: z.array(FileRef).optional(),
  /** A thread reply also sent to the channel. */
  broadcast: z.boolean().optional(),
  editedAt: z.string().nullable(),
  ts: z.string(),
});
export type MessagePosted = z.infer<typeof MessagePosted>;

export const MessageEdited = MessageRef.extend({
  text: z.string(),
  mentions: z.array(z.string()),
  editedAt: z.string().nullable(),
});
export type MessageEdited = z.infer<typeof MessageEdited>;

export const MessageDeleted = MessageRef.extend({ deletedAt: z.string().nullable() });
export type MessageDeleted = z.infer<typeof MessageDeleted>;

export const ReactionAdded = MessageRef.extend({
  emoji: z.string(),
  /** Person key of who reacted. */
  user: z.string(),
});
export type ReactionAdded = z.infer<typeof ReactionAdded>;

export function channelKeyOf(ref: Pick<MessageRef, 'source' | 'workspace' | 'channel'>): string {
  return `${ref.source}:${ref.workspace}:${ref.channel}`;
}

export function messageKeyOf(ref: MessageRef): string {
  return `${ref.source}:${ref.workspace}:${ref.channel}:${ref.id}`;
}
