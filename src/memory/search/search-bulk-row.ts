/** A document to write, its keys resolved to row ids (0: none). */
export interface Row {
  /** null for a message (keyed by channel row id and native id; its doc_id is made when needed). */
  docId: string | null;
  messageChannel: number;
  /** A message's native id as its doc_id holds it (what SearchWriter keys it by); '' for other kinds. */
  key: string;
  nativeId: string | null;
  kind: number;
  title: string;
  text: string;
  author: number;
  channel: number;
  at: number;
  conversationId: string | null;
  state: string | null;
  version: number;
}

/** A new message waiting in the batch. */
export interface Pending {
  row: Row;
  body: string;
  original: string | null;
}
