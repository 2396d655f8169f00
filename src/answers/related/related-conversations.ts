import type { Embedder } from '../../llm/embeddings/embedder.js';
import { topK } from '../../llm/embeddings/vector-search.js';

/** What a conversation is about, as text to embed: its topic and the names of the entities it names (summaries add generic words that blur it). */
export interface ConversationText {
  conversationId: string;
  channel: string;
  text: string;
}

export interface RelatedConversation {
  conversationId: string;
  channel: string;
  /** Cosine similarity of the two conversations' embeddings, 0–1 for the built-in embedder. */
  score: number;
}

export interface RelatedOptions {
  /** At most this many related conversations each (default 3). */
  limit?: number;
  /** Similarity floor (default: 0.6 for the built-in hashed embedder, 0.75 for semantic ones). */
  minScore?: number;
  /** Only conversations in other channels: the same story told in Slack and in Teams (default false). */
  otherChannels?: boolean;
}

/** The floor that kept unrelated fixture conversations apart (see the README, "Related conversations"). */
export function defaultRelatedFloor(embedder: Embedder): number {
  return embedder.id.startsWith('hashed') ? 0.6 : 0.75;
}

/**
 * For each conversation, the most similar other conversations by embedding similarity of what they
 * are about, best first (ties by id, so the result is stable). Conversations with no text relate to
 * nothing. One embedding call for all of them.
 */
export async function relatedConversations(
  conversations: readonly ConversationText[],
  embedder: Embedder,
  options: RelatedOptions = {},
  signal?: AbortSignal,
): Promise<Map<string, RelatedConversation[]>> {
  const limit = options.limit ?? 3;
  const floor = options.minScore ?? defaultRelatedFloor(embedder);
  const withText = conversations.filter((conversation) => conversation.text.trim() !== '');
  const vectors =
    withText.length > 0
      ? await embedder.embed(
          withText.map((conversation) => conversation.text),
          signal,
        )
      : [];
  const items = withText.map((conversation, index) => ({
    id: conversation.conversationId,
    vector: vectors[index],
    channel: conversation.channel,
  }));
  const channelOf = new Map(items.map((item) => [item.id, item.channel]));
  const out = new Map<string, RelatedConversation[]>();
  for (const conversation of conversations) out.set(conversation.conversationId, []);
  for (const item of items) {
    const candidates = items.filter(
      (other) => other.id !== item.id && (!options.otherChannels || other.channel !== item.channel),
    );
    out.set(
      item.id,
      topK(item.vector, candidates, limit, floor).map((hit) => ({
        conversationId: hit.id,
        channel: channelOf.get(hit.id) ?? '',
        score: Math.round(hit.score * 1000) / 1000,
      })),
    );
  }
  return out;
}

/** The text of a conversation row: topic and entity names; empty for noise or unannotated conversations. */
export function conversationText(row: {
  conversationId: string;
  channel: string;
  annotation: { topic: string; noise: boolean; entities: readonly string[] } | null;
}): ConversationText {
  const annotation = row.annotation;
  // Entity ids read as their names: "component:billing-worker" → "billing worker".
  const names = (annotation?.entities ?? []).map((id) => id.replace(/^[a-z]+:/, '').replace(/-/g, ' '));
  const text = !annotation || annotation.noise ? '' : [annotation.topic, ...names].join('. ');
  return { conversationId: row.conversationId, channel: row.channel, text };
}
