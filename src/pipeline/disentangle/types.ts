import type { DisentanglerModel } from './model.js';

/** One message of a channel's stream, as the disentangler sees it (any source: Slack, Discord, Teams, IRC). */
export interface ChatLine {
  id: string;
  /** Stable author id (person key, or nick). */
  author: string;
  /** Names others may use to address this author: nick, handle, display name, first name. */
  authorNames: string[];
  text: string;
  /** Epoch milliseconds. */
  ts: number;
  /** Native thread root id (Slack thread_ts, Teams root); the root carries its own id. */
  thread?: string | null;
  /** Explicit reply target id (Discord reference, Teams replyToId). */
  replyTo?: string | null;
  /** Author ids the source says were mentioned explicitly. */
  mentions?: string[];
  /** Joins, quits, renames, bot noise: never glued into a conversation. */
  system?: boolean;
}

export interface DisentangleOptions {
  /** How many earlier messages may be an antecedent (default: the model's window). */
  window?: number;
  /** Added to the "starts a conversation" score before choosing (default: the model's tuned bias). */
  selfBias?: number;
  /** Added to the new-conversation score of lines that address and mention nobody. Below 0 favours joining an
   * existing conversation: in team chat most replies name nobody, where on IRC an unaddressed line is often a new
   * question, so the IRC-trained scorer splits team chat too eagerly. Lines that name someone keep the trained
   * behaviour. Default: -4 for team-chat pace, else 0 (see `pace`). */
  unaddressedShift?: number;
  /** Earlier messages more than this many minutes older are never an antecedent. Native threads and replies still
   * link across any gap. Default: 60 for team-chat pace, no limit for IRC pace (see `pace`). */
  maxGapMinutes?: number;
  /** 'chat' defaults maxGapMinutes to 60, unaddressedShift to -4 and reads blank lines as system lines; 'irc' keeps
   * the trained behaviour (no gap limit, no shift). Default: measured from the stream (stream-pace.ts: a median
   * pause of 30 s or more between lines is 'chat'). */
  pace?: 'chat' | 'irc';
  /** A conversation holds at most this many lines; the next line that would join it starts a new one (default
   * MAX_CONVERSATION_LINES). */
  maxLines?: number;
  /** Weights to use instead of the shipped model (training, tests). */
  model?: DisentanglerModel;
}

/** How each line was attached: a native thread or reply, the learned scorer, or a rule. */
export type LinkSource = 'reply' | 'thread' | 'model' | 'system' | 'first' | 'full';

export interface DisentangleResult {
  /** id -> antecedent id (its own id when it starts a conversation). */
  parent: Map<string, string>;
  /** Conversations as ids in time order; conversations ordered by their first message. */
  conversations: string[][];
  /** Stage version: code version and model version; part of the stage cache key. */
  version: string;
}
