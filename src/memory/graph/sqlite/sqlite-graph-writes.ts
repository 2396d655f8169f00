/** Writes of the SQLite graph projection (migration 011): records with their links and search text, slots, cursor. */
import type { SqliteDatabase } from '../../sqlite.js';
import type { FactVersion } from '../../facts/fact-types.js';
import { componentSearchText } from '../search-text.js';
import {
  keyOf,
  RECORD_KINDS,
  type GraphRecords,
  type RecordKind,
  type RecordLists,
} from '../graph-records.js';

/** What graph_links holds per record: the values a query filters on, by role. */
function linksOf<K extends RecordKind>(
  kind: K,
  record: GraphRecords[K],
): Array<[role: string, value: string]> {
  switch (kind) {
    case 'conversation':
      return (record as GraphRecords['conversation']).entities.map((entity) => ['about', entity]);
    case 'decision':
      return (record as GraphRecords['decision']).about.map((entity) => ['about', entity]);
    case 'actionItem': {
      const item = record as GraphRecords['actionItem'];
      return [
        ['conversation', item.conversationId],
        ...(item.assignee === null ? [] : [['assignee', item.assignee] as [string, string]]),
      ];
    }
    case 'question': {
      const question = record as GraphRecords['question'];
      return [
        ['conversation', question.conversationId],
        ['asker', question.asker],
        ...question.addressees.map((key): [string, string] => ['addressee', key]),
      ];
    }
    case 'meeting': {
      const meeting = record as GraphRecords['meeting'];
      return [
        ...(meeting.organizer === null ? [] : [['organizer', meeting.organizer] as [string, string]]),
        ...meeting.attendees.map((key): [string, string] => ['attendee', key]),
      ];
    }
    default:
      return [];
  }
}

/** The text a lookup ranks a record by (as the Kùzu full-text indexes hold it); null: not searchable. */
export function searchTextOf(
  kind: 'component' | 'conversation',
  record: GraphRecords['component' | 'conversation'],
): string | null {
  if (record.version <= 0) return null;
  if (kind === 'component') return componentSearchText(record as GraphRecords['component']);
  if (kind === 'conversation') return (record as GraphRecords['conversation']).topic;
  return null;
}

export const SEARCH_TABLES = {
  component: 'graph_component_search',
  conversation: 'graph_conversation_search',
} as const;

export class SqliteGraphWrites {
  private readonly upsert;
  private readonly insert;
  private readonly dropLinks;
  private readonly addLink;
  private readonly dropSearch;
  private readonly addSearch;
  private readonly dropSlot;
  private readonly addFact;
  private readonly setMeta;
  private readonly maxOrd;

  constructor(private readonly db: SqliteDatabase) {
    this.upsert = db.prepare(
      `INSERT INTO graph_records (kind, id, version, json) VALUES (?, ?, ?, ?)
       ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version, json = excluded.json RETURNING rowid`,
    );
    this.insert = db.prepare('INSERT INTO graph_records (kind, id, version, json) VALUES (?, ?, ?, ?)');
    this.dropLinks = db.prepare('DELETE FROM graph_links WHERE kind = ? AND id = ?');
    this.addLink = db.prepare(
      'INSERT OR IGNORE INTO graph_links (kind, role, value, id) VALUES (?, ?, ?, ?)',
    );
    this.dropSearch = {
      component: db.prepare(`DELETE FROM ${SEARCH_TABLES.component} WHERE rowid = ?`),
      conversation: db.prepare(`DELETE FROM ${SEARCH_TABLES.conversation} WHERE rowid = ?`),
    };
    this.addSearch = {
      component: db.prepare(`INSERT INTO ${SEARCH_TABLES.component} (rowid, text) VALUES (?, ?)`),
      conversation: db.prepare(`INSERT INTO ${SEARCH_TABLES.conversation} (rowid, text) VALUES (?, ?)`),
    };
    this.dropSlot = db.prepare('DELETE FROM graph_facts WHERE slot = ?');
    this.addFact = db.prepare(
      'INSERT INTO graph_facts (slot, ord, subject, object, current, json) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.maxOrd = db.prepare('SELECT max(ord) AS ord FROM graph_facts WHERE slot = ?');
    this.setMeta = db.prepare(
      'INSERT INTO graph_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  /**
   * Upserts records (replacing their links and search text); call inside a transaction. `fresh`: a bulk
   * load into an emptied store, so nothing is replaced, and rows go in key order (the indexes append).
   */
  records(lists: Partial<RecordLists>, fresh = false): void {
    for (const kind of RECORD_KINDS) {
      const list = (lists[kind] ?? []) as Array<GraphRecords[typeof kind]>;
      const rows = list.map((record) => ({ id: keyOf(kind, record), record }));
      if (fresh) rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      for (const { id, record } of rows) {
        const json = JSON.stringify(record);
        const rowid = fresh
          ? Number(this.insert.run(kind, id, record.version, json).lastInsertRowid)
          : (this.upsert.get(kind, id, record.version, json) as { rowid: number }).rowid;
        if (!fresh) this.dropLinks.run(kind, id);
        for (const [role, value] of linksOf(kind, record)) this.addLink.run(kind, role, value, id);
        if (kind === 'component' || kind === 'conversation') {
          if (!fresh) this.dropSearch[kind].run(rowid);
          const text = searchTextOf(kind, record as GraphRecords['component' | 'conversation']);
          if (text !== null && text.trim() !== '') this.addSearch[kind].run(rowid, text);
        }
      }
    }
  }

  /** Replaces one slot's versions (none: the slot is gone); call inside a transaction. */
  slot(slot: string, facts: readonly FactVersion[], fresh = false): void {
    if (!fresh) this.dropSlot.run(slot);
    facts.forEach((fact, ord) => this.addRow(fact, ord));
  }

  /** Appends versions of slots not written yet (a bulk load streams them slot by slot). */
  facts(facts: readonly FactVersion[]): void {
    let ord = 0;
    let slot: string | undefined;
    for (const fact of facts) {
      ord = fact.slot === slot ? ord + 1 : this.nextOrd(fact.slot);
      slot = fact.slot;
      this.addRow(fact, ord);
    }
  }

  private addRow(fact: FactVersion, ord: number): void {
    this.addFact.run(
      fact.slot,
      ord,
      fact.subject,
      fact.object,
      fact.status === 'current' ? 1 : 0,
      JSON.stringify(fact),
    );
  }

  cursor(value: number): void {
    this.setMeta.run('cursor', value);
  }

  reset(): void {
    this.db
      .exec(`DELETE FROM graph_records; DELETE FROM graph_links; DELETE FROM graph_facts; DELETE FROM graph_meta;
      DELETE FROM ${SEARCH_TABLES.component}; DELETE FROM ${SEARCH_TABLES.conversation};`);
  }

  private nextOrd(slot: string): number {
    const row = this.maxOrd.get(slot) as { ord: number | null };
    return row.ord === null ? 0 : row.ord + 1;
  }
}
