import type { ConversationRow } from '../memory/conversation-queries.js';

/** Where a conversation happened, for people: "slack #eng", "discord dana" (a DM). */
export function whereOf(row: Pick<ConversationRow, 'channel' | 'channelName' | 'channelKind'>): string {
  const source = row.channel.split(':')[0];
  const direct = row.channelKind === 'dm' || row.channelKind === 'group_dm';
  return row.channelName
    ? `${source} ${direct ? row.channelName : `#${row.channelName.replace(/^#/, '')}`}`
    : row.channel;
}
