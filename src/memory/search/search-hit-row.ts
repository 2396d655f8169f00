import type { SearchHit, SearchKind } from './search-types.js';

/** A search hit as SQL reads it (HIT_COLUMNS). */
export interface DocRow {
  id: number;
  doc_id: string;
  kind: SearchKind;
  title: string;
  body: string;
  original: string | null;
  at: number;
  conversation_id: string | null;
  native_id: string | null;
  state: string | null;
  author: string | null;
  author_name: string | null;
  channel: string | null;
  channel_name: string | null;
  later_state: string | null;
  later_at: number | null;
}

/** The columns a hit is read from (search_docs d and HIT_JOINS). */
export const HIT_COLUMNS = `d.id, coalesce(d.doc_id, 'message:' || c.key || ':' || d.native_id) AS doc_id, x.kind, d.title, d.body, d.original, x.at, v.key AS conversation_id, d.native_id, d.state,
       p.key AS author, p.name AS author_name, c.key AS channel, c.name AS channel_name, s.state AS later_state, s.at AS later_at`;

/** What a hit reads besides search_docs d: filters x, people p, channels c, states s, its conversation v. */
export const HIT_JOINS = `JOIN search_filters x ON x.id = d.id
       LEFT JOIN search_people p ON p.id = x.author
       LEFT JOIN search_channels c ON c.id = x.channel
       LEFT JOIN search_states s ON s.doc_id = d.doc_id
       LEFT JOIN search_links l ON l.id = d.id
       LEFT JOIN search_conversations v ON v.id = l.conversation`;

export function toHit(row: DocRow, score: number, snippet: string, asOfMs: number | undefined): SearchHit {
  const later =
    row.later_state !== null && row.later_at !== null && (asOfMs === undefined || row.later_at <= asOfMs);
  const channel = row.channel;
  return {
    docId: row.doc_id,
    kind: row.kind,
    title: row.title,
    text: row.original ?? row.body,
    snippet,
    score,
    at: new Date(row.at).toISOString(),
    author: row.author,
    authorName: row.author_name,
    channel,
    channelName: row.channel_name,
    source: channel === null ? null : channel.slice(0, channel.indexOf(':')) || null,
    conversationId: row.conversation_id,
    nativeId: row.native_id,
    state: later ? row.later_state : row.state,
  };
}
