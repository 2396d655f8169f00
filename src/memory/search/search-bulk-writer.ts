import Database, { type Statement } from 'better-sqlite3';
import { OutroError } from '../../domain/errors.js';
import { EVENT } from '../../domain/events.js';
import type { SqliteDatabase } from '../sqlite.js';
import { normalizeMarkup } from './normalize-markup.js';
import { isFastMessage, isFastSplit } from './search-fast-events.js';
import type { SearchOp } from './search-ops.js';
import { searchOpsOf } from './search-ops-of-event.js';
import { insertBatched } from './insert-batched.js';
import { MessageBatch } from './message-batch.js';
import { MessageRowIds } from './message-row-ids.js';
import type { Pending, Row } from './search-bulk-row.js';
import { SearchRows } from './search-rows.js';
import { messageRefOf, SEARCH_KINDS, type SearchDocInput } from './search-types.js';
import { docEditStatements, nameStatement, stateStatement } from './search-writer.js';

/**
 * FTS5 writes its pending terms out as a segment when they pass this size: 1 MiB by default, so a
 * rebuild of 1M messages wrote ~200 small segments and spent more time merging them than
 * tokenizing. 16 MiB: 'rebuild' alone at 1M 4.8–5.5 CPU s against 6.3–7.0 (README, sixth pass).
 */
const REBUILD_HASH_BYTES = 16 * 1024 * 1024;
const FTS5_HASH_BYTES = 1024 * 1024;

const MESSAGE_KIND = SEARCH_KINDS.indexOf('message') + 1;

/**
 * Applies the log to emptied search tables, for a rebuild, with the same result as SearchWriter
 * applying the same ops one by one (tests compare both). What SearchWriter looks up in SQL (is
 * this document stored, at which row and version, was it removed; a message's conversation link)
 * is kept in memory here, but for a message's row id (message-row-ids.ts); search_docs gets its
 * rows as they come (new messages a batch at a time: message-batch.ts), and the narrow rows
 * (search_filters, search_links, search_conversations) once at the end in row id order. Messages and splits, most of a log, skip zod and the op objects (search-fast-events.ts).
 */
export class SearchBulkWriter {
  /** Live messages' row ids, by channel row id and native id. */
  private readonly messages: MessageRowIds;
  /** Removed messages: channel row id → native id → version of the removal. */
  private readonly removedMessages = new Map<number, Map<string, number>>();
  /** Live documents other than messages: doc_id → row id. */
  private readonly others = new Map<string, number>();
  /** Removed documents other than messages: doc_id → version of the removal. */
  private readonly removedOthers = new Map<string, number>();
  private readonly rows = new SearchRows();
  private readonly people = new Map<string, number>();
  private readonly channels = new Map<string, number>();
  /** A message's native channel id → its channel key and row id (saves making the key per message). */
  private readonly nativeChannels = new Map<string, { source: string; workspace: string; id: number }>();
  /** Conversation keys by row id (id = index + 1): in a rebuild only this writer adds them. */
  private readonly conversationKeys: string[] = [];
  private readonly conversations = new Map<string, number>();
  private readonly sql: Record<string, Statement>;
  /** New messages, written a batch at a time (flushed before anything else reads or writes search_docs). */
  private readonly batch: MessageBatch<Pending>;

  /** Call inside the rebuild's transaction, on emptied tables. */
  constructor(private readonly db: SqliteDatabase) {
    this.messages = new MessageRowIds(db);
    this.batch = new MessageBatch<Pending>(
      db,
      (message, id) => this.stored(message.row, id),
      (message) => this.store(message.row, message.body, message.original, undefined),
    );
    this.sql = {
      insert: db.prepare(
        'INSERT INTO search_docs (doc_id, message_channel, native_id, title, body, original, state, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      update: db.prepare(
        'UPDATE search_docs SET title = ?, body = ?, original = ?, native_id = ?, state = ?, version = ? WHERE id = ?',
      ),
      ...docEditStatements(db),
      state: stateStatement(db),
      personName: nameStatement(db, 'search_people'),
      channelName: nameStatement(db, 'search_channels'),
      personId: db.prepare('SELECT id FROM search_people WHERE key = ?').pluck(),
      channelId: db.prepare('SELECT id FROM search_channels WHERE key = ?').pluck(),
      personKey: db.prepare('INSERT INTO search_people (key) VALUES (?)'),
      channelKey: db.prepare('INSERT INTO search_channels (key) VALUES (?)'),
    };
  }

  /** Applies one logged event (its payload parsed); false when the payload does not validate. */
  event(seq: number, type: string, payload: unknown): boolean {
    if (type === EVENT.messagePosted) {
      const m = isFastMessage(payload) ? payload : null;
      const at = m === null ? NaN : Date.parse(m.ts);
      if (m !== null && !Number.isNaN(at)) {
        const channel = this.messageChannel(m.source, m.workspace, m.channel);
        this.write(
          {
            docId: null,
            messageChannel: channel,
            key: m.id,
            nativeId: m.id,
            kind: MESSAGE_KIND,
            title: '',
            text: m.text,
            author: this.keyId(this.people, 'person', m.author),
            channel,
            at,
            conversationId: null,
            state: null,
            version: seq,
          },
          true,
        );
        return true;
      }
    } else if (type === EVENT.conversationExtracted) {
      const c = isFastSplit(payload) ? payload : null;
      if (c !== null) {
        this.batch.flush();
        const conversation = this.conversationId(c.conversationId);
        const channel = this.keyId(this.channels, 'channel', c.channel);
        this.messages.forEach(channel, c.messages, (id) => this.rows.split(id, conversation, seq));
        return true;
      }
    }
    this.batch.flush();
    const ops = searchOpsOf({ seq, type, payload });
    if (ops === null) return false;
    this.apply(ops);
    return true;
  }

  /** Applies ops in order. */
  apply(ops: Iterable<SearchOp>): void {
    for (const op of ops) {
      switch (op.op) {
        case 'upsert':
          this.upsert(op.doc);
          break;
        case 'edit':
          this.edit(op.docId, op.text, op.version);
          break;
        case 'remove':
          this.remove(op.docId, op.version);
          break;
        case 'conversation': {
          const conversation = this.conversationId(op.conversationId);
          for (const docId of op.docIds) {
            const id = this.idOf(docId);
            if (id !== undefined) this.rows.split(id, conversation, op.version);
          }
          break;
        }
        case 'state':
          this.sql.state.run(op.docId, op.state, Date.parse(op.at), op.tie);
          break;
        case 'name':
          (op.of === 'person' ? this.sql.personName : this.sql.channelName).run(op.key, op.name, op.version);
          break;
      }
    }
  }

  /** Writes the narrow rows in row id order, then builds search_fts from search_docs in one pass. */
  finish(): void {
    this.batch.flush();
    insertBatched(
      this.db,
      'search_conversations (id, key)',
      2,
      this.conversationKeys.length,
      (index, row) => {
        row.push(index + 1, this.conversationKeys[index]);
      },
    );
    const ids = this.rows.ids();
    insertBatched(this.db, 'search_filters (id, kind, author, channel, at)', 5, ids.length, (index, row) =>
      this.rows.filterRow(ids[index], row),
    );
    const linked = this.rows.linkedIds();
    insertBatched(this.db, 'search_links (id, conversation, version)', 3, linked.length, (index, row) =>
      this.rows.linkRow(linked[index], row),
    );
    // A larger pending-terms hash for the one big pass, back to FTS5's default for incremental writes.
    this.db.exec(`INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', ${REBUILD_HASH_BYTES})`);
    this.db.exec("INSERT INTO search_fts (search_fts) VALUES ('rebuild')");
    this.db.exec(`INSERT INTO search_fts (search_fts, rank) VALUES ('hashsize', ${FTS5_HASH_BYTES})`);
  }

  /** A document from an op: keys resolved in SearchWriter's order (a message's channel first), so rows get the same ids. */
  private upsert(doc: SearchDocInput): void {
    const ref = doc.kind === 'message' ? this.checkedMessageRef(doc) : null;
    if (!ref && messageRefOf(doc.docId)) throw docIdError(doc);
    this.write({
      docId: ref ? null : doc.docId,
      messageChannel: ref ? ref.channel : 0,
      key: ref ? ref.nativeId : '',
      nativeId: doc.nativeId,
      kind: SEARCH_KINDS.indexOf(doc.kind) + 1,
      title: doc.title,
      text: doc.text,
      author: doc.author === null ? 0 : this.keyId(this.people, 'person', doc.author),
      channel: doc.channel === null ? 0 : this.keyId(this.channels, 'channel', doc.channel),
      at: Date.parse(doc.at),
      conversationId: doc.conversationId,
      state: doc.state,
      version: doc.version,
    });
  }

  /** SearchWriter.upsert on the in-memory state: an older version than the stored one or its removal changes nothing. */
  private write(row: Row, batch = false): void {
    const nativeId = row.key;
    const removed =
      row.docId === null
        ? this.removedMessages.get(row.messageChannel)?.get(nativeId)
        : this.removedOthers.get(row.docId);
    if (removed !== undefined && removed >= row.version) return;
    const body = normalizeMarkup(row.text);
    const original = body === row.text ? null : row.text;
    if (batch && removed === undefined) {
      this.batch.add(
        { row, body, original },
        row.messageChannel,
        row.nativeId,
        row.title,
        body,
        original,
        row.version,
      );
      return;
    }
    this.batch.flush();
    this.store(row, body, original, removed);
  }

  /** Writes a document (inserted, or updated when stored with an older version), then its removal is forgotten. */
  private store(row: Row, body: string, original: string | null, removed: number | undefined): void {
    const nativeId = row.key;
    // A message is most likely new: its insert finds out (search_docs_by_message).
    let id = row.docId === null ? undefined : this.others.get(row.docId);
    const inserted = id === undefined ? this.tryInsert(row, body, original) : undefined;
    if (inserted !== undefined) {
      id = inserted;
      if (row.docId !== null) this.others.set(row.docId, id);
    } else {
      id ??= this.messages.get(row.messageChannel, nativeId);
      if (id === undefined)
        throw new OutroError(
          'INTERNAL',
          `Search document ${row.nativeId ?? ''}: stored, but not found by its doc_id.`,
        );
      if (this.rows.version(id) >= row.version) return;
      this.sql.update.run(row.title, body, original, row.nativeId, row.state, row.version, id);
    }
    this.stored(row, id);
    if (removed !== undefined) {
      if (row.docId === null) this.removedMessages.get(row.messageChannel)?.delete(nativeId);
      else this.removedOthers.delete(row.docId);
      this.sql.forget.run(row.docId ?? this.messageDocId(row.messageChannel, nativeId));
    }
  }

  /** A document written at row `id`: its filters, version and own conversation. */
  private stored(row: Row, id: number): void {
    this.rows.set(id, row.kind, row.author, row.channel, row.at, row.version);
    if (row.conversationId !== null) this.rows.own(id, this.conversationId(row.conversationId));
  }

  /** Inserts a document; undefined when a message with its channel and native id is stored already. */
  private tryInsert(row: Row, body: string, original: string | null): number | undefined {
    try {
      return Number(
        this.sql.insert.run(
          row.docId,
          row.docId === null ? row.messageChannel : null,
          row.nativeId,
          row.title,
          body,
          original,
          row.state,
          row.version,
        ).lastInsertRowid,
      );
    } catch (error) {
      if (
        row.docId === null &&
        error instanceof Database.SqliteError &&
        error.code === 'SQLITE_CONSTRAINT_UNIQUE'
      )
        return undefined;
      throw error;
    }
  }

  private edit(docId: string, text: string, version: number): void {
    const id = this.idOf(docId);
    if (id === undefined || this.rows.version(id) >= version) return;
    const body = normalizeMarkup(text);
    this.sql.edit.run(body, body === text ? null : text, version, id);
    this.rows.setVersion(id, version);
  }

  private remove(docId: string, version: number): void {
    const message = messageRefOf(docId);
    const channel = message ? this.keyId(this.channels, 'channel', message.channel) : 0;
    const removals = message ? inner(this.removedMessages, channel) : this.removedOthers;
    const key = message ? message.nativeId : docId;
    const removed = removals.get(key);
    if (removed !== undefined && removed >= version) return;
    const id = message ? this.messages.get(channel, key) : this.others.get(key);
    if (id !== undefined) {
      if (this.rows.version(id) >= version) return;
      this.sql.delete.run(id);
      this.rows.clear(id);
      if (!message) this.others.delete(key);
    }
    this.sql.remember.run(docId, version);
    removals.set(key, version);
  }

  /** The row id of a live document. */
  private idOf(docId: string): number | undefined {
    const message = messageRefOf(docId);
    if (!message) return this.others.get(docId);
    return this.messages.get(this.keyId(this.channels, 'channel', message.channel), message.nativeId);
  }

  private messageDocId(channel: number, nativeId: string): string {
    const key = this.db
      .prepare('SELECT key FROM search_channels WHERE id = ?')
      .pluck()
      .get(channel) as string;
    return `message:${key}:${nativeId}`;
  }

  /** A message's channel row id from its native ref, through a cache keyed by the native channel id. */
  private messageChannel(source: string, workspace: string, channel: string): number {
    const cached = this.nativeChannels.get(channel);
    if (cached !== undefined && cached.source === source && cached.workspace === workspace) return cached.id;
    const id = this.keyId(this.channels, 'channel', `${source}:${workspace}:${channel}`);
    this.nativeChannels.set(channel, { source, workspace, id });
    return id;
  }

  /** A message op's channel row id and key, once its doc_id is checked to be message:<channel>:<native id> (as SearchWriter checks). */
  private checkedMessageRef(doc: SearchDocInput): { channel: number; nativeId: string } {
    const { channel, nativeId, docId } = doc;
    const ref = messageRefOf(docId);
    if (channel === null || nativeId === null || ref === null || docId !== `message:${channel}:${nativeId}`)
      throw docIdError(doc);
    // SearchWriter keys it by what its doc_id parses to (the same unless the native id holds ':').
    return { channel: this.keyId(this.channels, 'channel', ref.channel), nativeId: ref.nativeId };
  }

  /** A conversation's row id, given the next one when it is new (its row is written at the end). */
  private conversationId(key: string): number {
    let id = this.conversations.get(key);
    if (id === undefined) {
      this.conversationKeys.push(key);
      this.conversations.set(key, (id = this.conversationKeys.length));
    }
    return id;
  }

  /** The row id of a person or channel key, adding the key (without a name) when new. */
  private keyId(cache: Map<string, number>, of: 'person' | 'channel', key: string): number {
    let id = cache.get(key);
    if (id === undefined) {
      id =
        (this.sql[`${of}Id`].get(key) as number | undefined) ??
        Number(this.sql[`${of}Key`].run(key).lastInsertRowid);
      cache.set(key, id);
    }
    return id;
  }
}

function docIdError(doc: SearchDocInput): OutroError {
  return new OutroError(
    'INTERNAL',
    `Search document ${doc.docId} (${doc.kind}): a message's doc_id is message:<channel key>:<native id>, and only a message's starts with "message:".`,
  );
}

function inner<K, V>(outer: Map<number, Map<K, V>>, key: number): Map<K, V> {
  let map = outer.get(key);
  if (!map) outer.set(key, (map = new Map()));
  return map;
}
