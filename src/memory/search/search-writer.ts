import type { Statement } from 'better-sqlite3';
import { OutroError } from '../../domain/errors.js';
import type { SqliteDatabase } from '../sqlite.js';
import { normalizeMarkup } from './normalize-markup.js';
import type { SearchOp } from './search-ops.js';
import { messageDocIdOf, messageRefOf, type SearchDocInput } from './search-types.js';

/** A stored document (all null when there is none) and the version of its removal, if any. */
interface Stored {
  id: number | null;
  title: string | null;
  body: string | null;
  version: number | null;
  removed: number | null;
}

type DocRow = { [K in keyof Omit<Stored, 'removed'>]: NonNullable<Stored[K]> };

type KeyOf = 'person' | 'channel' | 'conversation';

interface DocKey {
  docId: string;
  message: { channel: number; nativeId: string } | null;
}

/**
 * Applies SearchOps to the search tables, keeping the FTS index in step with search_docs (an
 * external-content FTS5 table must be told the old text of a row it drops). Not transactional on
 * its own: the caller wraps a batch in one transaction. A rebuild uses SearchBulkWriter instead.
 */
export class SearchWriter {
  private readonly ids: Record<KeyOf, Map<string, number>> = {
    person: new Map(),
    channel: new Map(),
    conversation: new Map(),
  };
  private readonly sql: Record<string, Statement>;

  constructor(db: SqliteDatabase) {
    this.sql = {
      stored: db.prepare(
        `SELECT d.id, d.title, d.body, d.version, r.version AS removed
         FROM (SELECT ? AS doc_id) k LEFT JOIN search_docs d ON d.doc_id = k.doc_id AND d.doc_id IS NOT NULL LEFT JOIN search_removed r ON r.doc_id = k.doc_id`,
      ),
      storedMessage: db.prepare(
        `SELECT d.id, d.title, d.body, d.version, r.version AS removed
         FROM (SELECT ? AS doc_id, ? AS channel, ? AS native_id) k
         LEFT JOIN search_docs d ON d.message_channel = k.channel AND d.native_id = k.native_id AND d.doc_id IS NULL
         LEFT JOIN search_removed r ON r.doc_id = k.doc_id`,
      ),
      insert: db.prepare(
        'INSERT INTO search_docs (doc_id, message_channel, native_id, title, body, original, state, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      update: db.prepare(
        'UPDATE search_docs SET title = ?, body = ?, original = ?, native_id = ?, state = ?, version = ? WHERE id = ?',
      ),
      // Plain INSERT and UPDATE: INSERT OR REPLACE costs several times more (a statement journal per row).
      insertFilters: db.prepare(
        'INSERT INTO search_filters (id, kind, author, channel, at) VALUES (?, ?, ?, ?, ?)',
      ),
      updateFilters: db.prepare(
        'UPDATE search_filters SET kind = ?, author = ?, channel = ?, at = ? WHERE id = ?',
      ),
      ...docEditStatements(db),
      deleteLink: db.prepare('DELETE FROM search_links WHERE id = ?'),
      deleteFilters: db.prepare('DELETE FROM search_filters WHERE id = ?'),
      // A conversation.extracted: the newest split wins. The document's own conversation (its
      // upsert) is version 0 and replaces the conversation without touching the version.
      conversation: db.prepare(
        `INSERT INTO search_links (id, conversation, version) SELECT id, ?, ? FROM search_docs WHERE doc_id = ? AND doc_id IS NOT NULL
         ON CONFLICT (id) DO UPDATE SET conversation = excluded.conversation, version = excluded.version WHERE excluded.version > search_links.version`,
      ),
      messageConversation: db.prepare(
        `INSERT INTO search_links (id, conversation, version) SELECT id, ?, ? FROM search_docs WHERE message_channel = ? AND native_id = ? AND doc_id IS NULL
         ON CONFLICT (id) DO UPDATE SET conversation = excluded.conversation, version = excluded.version WHERE excluded.version > search_links.version`,
      ),
      ownConversation: db.prepare(
        `INSERT INTO search_links (id, conversation, version) VALUES (?, ?, 0)
         ON CONFLICT (id) DO UPDATE SET conversation = excluded.conversation`,
      ),
      state: stateStatement(db),
      personName: nameStatement(db, 'search_people'),
      channelName: nameStatement(db, 'search_channels'),
      personId: db.prepare('SELECT id FROM search_people WHERE key = ?').pluck(),
      channelId: db.prepare('SELECT id FROM search_channels WHERE key = ?').pluck(),
      conversationId: db.prepare('SELECT id FROM search_conversations WHERE key = ?').pluck(),
      personKey: db.prepare('INSERT INTO search_people (key) VALUES (?)'),
      channelKey: db.prepare('INSERT INTO search_channels (key) VALUES (?)'),
      conversationKey: db.prepare('INSERT INTO search_conversations (key) VALUES (?)'),
      ftsInsert: db.prepare('INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)'),
      ftsDelete: db.prepare(
        "INSERT INTO search_fts (search_fts, rowid, title, body) VALUES ('delete', ?, ?, ?)",
      ),
    };
  }

  /** Applies the ops in order; returns how many changed something. */
  apply(ops: Iterable<SearchOp>): number {
    // Row ids are cached for one call only: a rolled-back batch or a rebuild may have changed them since.
    for (const cache of Object.values(this.ids)) cache.clear();
    let changed = 0;
    for (const op of ops) if (this.applyOne(op)) changed++;
    return changed;
  }

  private applyOne(op: SearchOp): boolean {
    switch (op.op) {
      case 'upsert':
        return this.upsert(op.doc);
      case 'edit':
        return this.edit(op.docId, op.text, op.version);
      case 'remove':
        return this.remove(op.docId, op.version);
      case 'conversation': {
        let changed = false;
        const conversation = this.keyId('conversation', op.conversationId);
        for (const docId of op.docIds) {
          const key = this.keyOf(docId);
          const result = key.message
            ? this.sql.messageConversation.run(
                conversation,
                op.version,
                key.message.channel,
                key.message.nativeId,
              )
            : this.sql.conversation.run(conversation, op.version, docId);
          if (result.changes > 0) changed = true;
        }
        return changed;
      }
      case 'state':
        return this.sql.state.run(op.docId, op.state, Date.parse(op.at), op.tie).changes > 0;
      case 'name': {
        const statement = op.of === 'person' ? this.sql.personName : this.sql.channelName;
        return statement.run(op.key, op.name, op.version).changes > 0;
      }
    }
  }

  private upsert(doc: SearchDocInput): boolean {
    const key = this.keyOf(doc.docId);
    if (
      (key.message !== null) !== (doc.kind === 'message') ||
      (key.message && (doc.channel === null || doc.docId !== messageDocIdOf(doc.channel, doc.nativeId ?? '')))
    ) {
      throw new OutroError(
        'INTERNAL',
        `Search document ${doc.docId} (${doc.kind}): a message's doc_id is message:<channel key>:<native id>, and only a message's starts with "message:".`,
      );
    }
    const body = normalizeMarkup(doc.text);
    const original = body === doc.text ? null : doc.text;
    const author = doc.author === null ? null : this.keyId('person', doc.author);
    const channel = doc.channel === null ? null : this.keyId('channel', doc.channel);
    const at = Date.parse(doc.at);
    const { existing, removed } = this.stored(key);
    if (removed !== undefined && removed >= doc.version) return false;
    if (existing && existing.version >= doc.version) return false;
    let id: number;
    if (existing) {
      id = existing.id;
      this.sql.ftsDelete.run(id, existing.title, existing.body);
      this.sql.update.run(doc.title, body, original, doc.nativeId, doc.state, doc.version, id);
      this.sql.updateFilters.run(doc.kind, author, channel, at, id);
    } else {
      id = this.insert(key, doc, body, original);
      this.sql.insertFilters.run(id, doc.kind, author, channel, at);
    }
    this.ownConversation(id, doc);
    this.sql.ftsInsert.run(id, doc.title, body);
    if (removed !== undefined) this.sql.forget.run(doc.docId);
    return true;
  }

  private edit(docId: string, text: string, version: number): boolean {
    const { existing } = this.stored(this.keyOf(docId));
    if (!existing || existing.version >= version) return false;
    const body = normalizeMarkup(text);
    this.sql.ftsDelete.run(existing.id, existing.title, existing.body);
    this.sql.edit.run(body, body === text ? null : text, version, existing.id);
    this.sql.ftsInsert.run(existing.id, existing.title, body);
    return true;
  }

  private remove(docId: string, version: number): boolean {
    const { existing, removed } = this.stored(this.keyOf(docId));
    if (removed !== undefined && removed >= version) return false;
    if (existing && existing.version >= version) return false;
    if (existing) {
      this.sql.ftsDelete.run(existing.id, existing.title, existing.body);
      this.sql.delete.run(existing.id);
      this.sql.deleteFilters.run(existing.id);
      this.sql.deleteLink.run(existing.id);
    }
    this.sql.remember.run(docId, version);
    return existing !== undefined;
  }

  private insert(key: DocKey, doc: SearchDocInput, body: string, original: string | null): number {
    const [docId, channel] = key.message ? [null, key.message.channel] : [key.docId, null];
    return Number(
      this.sql.insert.run(docId, channel, doc.nativeId, doc.title, body, original, doc.state, doc.version)
        .lastInsertRowid,
    );
  }

  /** The stored document and its removal, in one lookup. */
  private stored(key: DocKey): { existing: DocRow | undefined; removed: number | undefined } {
    const row = (
      key.message
        ? this.sql.storedMessage.get(key.docId, key.message.channel, key.message.nativeId)
        : this.sql.stored.get(key.docId)
    ) as Stored;
    return { existing: row.id === null ? undefined : (row as DocRow), removed: row.removed ?? undefined };
  }

  /** How a document is keyed: a message by its channel row and native id, anything else by doc_id. */
  private keyOf(docId: string): DocKey {
    const message = messageRefOf(docId);
    return {
      docId,
      message: message
        ? { channel: this.keyId('channel', message.channel), nativeId: message.nativeId }
        : null,
    };
  }

  /** A document that names its conversation points at it (an upsert without one keeps the link it had). */
  private ownConversation(id: number, doc: SearchDocInput): void {
    if (doc.conversationId !== null)
      this.sql.ownConversation.run(id, this.keyId('conversation', doc.conversationId));
  }

  /** The row id of a person, channel or conversation key, adding the key (without a name) when new. */
  private keyId(of: KeyOf, key: string): number {
    const cache = this.ids[of];
    let id = cache.get(key);
    if (id === undefined) {
      id = this.sql[`${of}Id`].get(key) as number | undefined;
      id ??= Number(this.sql[`${of}Key`].run(key).lastInsertRowid);
      cache.set(key, id);
    }
    return id;
  }
}

/**
 * Editing a document's text, deleting it, and the removal tombstone (the highest version removed
 * wins; an upsert forgets it): the same for the incremental writer and the rebuild's bulk writer.
 */
export function docEditStatements(
  db: SqliteDatabase,
): Record<'edit' | 'delete' | 'remember' | 'forget', Statement> {
  return {
    edit: db.prepare('UPDATE search_docs SET body = ?, original = ?, version = ? WHERE id = ?'),
    delete: db.prepare('DELETE FROM search_docs WHERE id = ?'),
    remember: db.prepare(
      `INSERT INTO search_removed (doc_id, version) VALUES (?, ?)
       ON CONFLICT (doc_id) DO UPDATE SET version = max(version, excluded.version)`,
    ),
    forget: db.prepare('DELETE FROM search_removed WHERE doc_id = ?'),
  };
}

/** A later state of an item: the earliest (at, tie) wins. */
export function stateStatement(db: SqliteDatabase): Statement {
  return db.prepare(
    `INSERT INTO search_states (doc_id, state, at, tie) VALUES (?, ?, ?, ?)
     ON CONFLICT (doc_id) DO UPDATE SET state = excluded.state, at = excluded.at, tie = excluded.tie
     WHERE (excluded.at, excluded.tie) < (search_states.at, search_states.tie)`,
  );
}

/** A display name: the highest version wins. */
export function nameStatement(db: SqliteDatabase, table: 'search_people' | 'search_channels'): Statement {
  return db.prepare(
    `INSERT INTO ${table} (key, name, version) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET name = excluded.name, version = excluded.version WHERE excluded.version > ${table}.version`,
  );
}
