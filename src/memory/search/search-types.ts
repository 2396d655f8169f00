import type { ParsedSearchQuery, SearchMode } from './parse-search-query.js';

export const SEARCH_KINDS = [
  'message',
  'conversation',
  'decision',
  'action_item',
  'question',
  'fact',
] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** What marks a matched word in a snippet. */
export const HIGHLIGHT = { open: '«', close: '»', ellipsis: '…' } as const;

/** One searchable thing, as written to the index. */
export interface SearchDocInput {
  /** `kind:native key`, stable across rebuilds (see docIdOf). */
  docId: string;
  kind: SearchKind;
  /** A heading, weighted over the text: a conversation's topic, a fact's relation and object; '' when none. */
  title: string;
  /** The text as written; chat markup is normalised for indexing and snippets. */
  text: string;
  /** Person key of who said it (for a fact: the person it is about). */
  author: string | null;
  /** Channel key. */
  channel: string | null;
  /** ISO time; what since/until/asOf filter on. */
  at: string;
  conversationId: string | null;
  /** Native message id to cite: the message itself, or an item's first evidence. */
  nativeId: string | null;
  /** The state it starts in: open (action items, questions), made (decisions), asserted (facts), noise (conversations); null for messages. */
  state: string | null;
  /** The log seq the content comes from: an older version never replaces a newer one. */
  version: number;
}

export interface SearchRequest {
  query: string;
  /** all (default): every word must match; any: at least one (ranked by BM25). */
  mode?: SearchMode;
  kinds?: readonly SearchKind[];
  /** Person keys of authors. */
  from?: readonly string[];
  /** Channel keys. */
  channels?: readonly string[];
  /** ISO times, inclusive. */
  since?: string;
  until?: string;
  /** Read the index as of this time: nothing dated later is returned, and later state changes are ignored. */
  asOf?: string;
  /** Hits per page (default 20, at most 1000). */
  limit?: number;
  offset?: number;
  /** Also count every match (costs time for common words). */
  countTotal?: boolean;
  /** false: no highlighted snippets (each hit's snippet is its text); a reader of whole texts saves FTS5 a pass per hit. */
  snippets?: boolean;
}

export interface SearchHit {
  docId: string;
  kind: SearchKind;
  title: string;
  /** The text as written. */
  text: string;
  /** The best passage with matched words between HIGHLIGHT.open and HIGHLIGHT.close. */
  snippet: string;
  /** BM25, higher is better. */
  score: number;
  at: string;
  author: string | null;
  authorName: string | null;
  channel: string | null;
  channelName: string | null;
  source: string | null;
  conversationId: string | null;
  nativeId: string | null;
  /** open/done, open/answered, made/reversed, asserted/retracted, noise; null for messages. */
  state: string | null;
}

export interface SearchResult {
  hits: SearchHit[];
  /** Every match under the filters; present when countTotal was asked. */
  total?: number;
  query: ParsedSearchQuery;
}

/** The search index: documents by doc_id, and ranked full-text search over them. */
export interface SearchIndex {
  /** Adds or replaces documents (one transaction); returns how many changed. */
  upsert(docs: readonly SearchDocInput[]): number;
  /** Removes documents by doc_id (one transaction); `version` as for upsert. Returns how many were removed. */
  remove(docs: ReadonlyArray<{ docId: string; version: number }>): number;
  search(request: SearchRequest): SearchResult;
  /** The documents of conversations, oldest first, none dated after `asOf` (snippet: the whole text, score 0). */
  conversations(conversationIds: readonly string[], options?: { asOf?: string; limit?: number }): SearchHit[];
  /** Messages by these people (person keys), newest first, dated from `since` to `asOf`. */
  latestBy(
    authors: readonly string[],
    options?: { since?: string; asOf?: string; limit?: number },
  ): SearchHit[];
  /** Documents holding each index term (as `indexTerms` makes them), and the documents in all. */
  termStats(terms: readonly string[]): { docs: number; df: Map<string, number> };
  /** Index terms one typo from `term` with their document counts, most first (see SearchReader.nearTerms). */
  nearTerms(term: string): Array<{ term: string; docs: number }>;
}

export function docIdOf(kind: SearchKind, key: string): string {
  return `${kind}:${key}`;
}

/** A message's doc_id: its channel key and native message id. */
export function messageDocIdOf(channel: string, nativeId: string): string {
  return docIdOf('message', `${channel}:${nativeId}`);
}

/**
 * The channel key and native id of a message's doc_id; null for other kinds. Native message ids
 * (Slack ts, Discord snowflakes, Teams ids) hold no ':', so the last one ends the channel key.
 */
export function messageRefOf(docId: string): { channel: string; nativeId: string } | null {
  if (!docId.startsWith('message:')) return null;
  const at = docId.lastIndexOf(':');
  return at <= 'message:'.length
    ? null
    : { channel: docId.slice('message:'.length, at), nativeId: docId.slice(at + 1) };
}
