import { describe, expect, it } from 'vitest';
import { HashedEmbedder } from '../../llm/embeddings/hashed-embedder.js';
import type { Embedder } from '../../llm/embeddings/embedder.js';
import { conversationText, relatedConversations } from './related-conversations.js';

const row = (conversationId: string, channel: string, topic: string, entities: string[], noise = false) => ({
  conversationId,
  channel,
  annotation: { topic, noise, entities },
});

const ROWS = [
  row('c-slack-outage', 'slack:C1', 'billing outage', ['component:billing', 'component:retry-worker']),
  row('c-teams-charges', 'teams:T1', 'double charges', ['component:billing', 'component:retry-worker']),
  row('c-lunch', 'slack:C2', 'ramen place', []),
  row('c-sso', 'slack:C1', 'sso for brightwave', ['component:auth']),
  row('c-join', 'slack:C1', 'joins', [], true),
];

describe('relatedConversations', () => {
  it('relates the same story told in two channels, and nothing unrelated', async () => {
    const related = await relatedConversations(ROWS.map(conversationText), new HashedEmbedder());
    expect(related.get('c-slack-outage')?.map((hit) => hit.conversationId)).toEqual(['c-teams-charges']);
    expect(related.get('c-teams-charges')?.[0]).toEqual(
      expect.objectContaining({ conversationId: 'c-slack-outage', channel: 'slack:C1' }),
    );
    expect(related.get('c-teams-charges')?.[0].score).toBeGreaterThanOrEqual(0.6);
    expect(related.get('c-lunch')).toEqual([]);
    expect(related.get('c-join')).toEqual([]);
  });

  it('can keep to other channels, honours the floor and the limit, and is stable', async () => {
    const rows = [
      ...ROWS,
      row('c-slack-outage-2', 'slack:C1', 'billing outage follow-up', ['component:billing']),
    ];
    const texts = rows.map(conversationText);
    const all = await relatedConversations(texts, new HashedEmbedder(), { limit: 5 });
    expect(all.get('c-slack-outage')?.map((hit) => hit.conversationId)).toContain('c-slack-outage-2');
    const other = await relatedConversations(texts, new HashedEmbedder(), { otherChannels: true, limit: 5 });
    expect(other.get('c-slack-outage')?.map((hit) => hit.conversationId)).toEqual(['c-teams-charges']);
    const one = await relatedConversations(texts, new HashedEmbedder(), { limit: 1, minScore: 0 });
    expect(one.get('c-lunch')).toHaveLength(1);
    expect(await relatedConversations(texts, new HashedEmbedder(), { limit: 5 })).toEqual(all);
  });

  it('embeds every conversation in one call, and nothing when there is no text', async () => {
    const calls: number[] = [];
    const counting: Embedder = {
      id: 'hashed-counting',
      dimension: 512,
      embed: async (texts) => (calls.push(texts.length), new HashedEmbedder().embed(texts)),
    };
    await relatedConversations(ROWS.map(conversationText), counting);
    expect(calls).toEqual([4]);
    await relatedConversations([conversationText(ROWS[4])], counting);
    expect(calls).toEqual([4]);
  });
});
