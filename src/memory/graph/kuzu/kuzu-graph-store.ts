import { OutroError } from '../../../domain/errors.js';
import type { FactVersion } from '../../facts/fact-types.js';
import {
  meetingMatches,
  type FactQuery,
  type GraphCounts,
  type GraphLoadSource,
  type GraphStore,
  type ItemQuery,
  type LoadStats,
  type MeetingQuery,
  type SearchHits,
} from '../graph-store.js';
import {
  emptyRecordLists,
  keyOf,
  RECORD_KINDS,
  type ActionItemNode,
  type ConversationNode,
  type DecisionNode,
  type GraphBatch,
  type GraphRecords,
  type GraphSnapshot,
  type MeetingNode,
  type QuestionNode,
  type RecordKind,
} from '../graph-records.js';
import { searchWords } from '../search-text.js';
import { byAt, compareFacts, compareText, distinctById, sortSnapshot } from '../snapshot-order.js';
import { bulkLoad } from './kuzu-bulk-load.js';
import { LOAD_MIN, writeBatch } from './kuzu-batch-write.js';
import { byKeys } from './kuzu-writes.js';

import { startOpeningGraph, type KuzuDatabase, type KuzuRow, type OpeningGraph } from './kuzu-database.js';
import { factFromNode, TABLE_SPECS, type TableSpec } from './kuzu-rows.js';
import { createIndexes, dropIndexes, indexOrReset } from './kuzu-indexes.js';
import { createStatements, dropStatements, GRAPH_SCHEMA_VERSION } from './kuzu-schema.js';

/** Kinds whose version-0 nodes are mere edge ends (not records) and stay out of dumps. */
const EDGE_END_KINDS = new Set<RecordKind>(['person', 'component', 'channel', 'conversation']);

/**
 * The graph projection in Kùzu (one process per database: the daemon, or the CLI when no daemon
 * runs). All writes go through one queue as explicit transactions; reads use their own connection.
 */
export class KuzuGraphStore implements GraphStore {
  readonly engine = 'kuzu' as const;

  /** Created by this open and not written since (see reset). */
  private pristine = false;
  /**
   * Whether the full-text indexes exist. A reset and a bulk load leave them out until a write with
   * records or a search needs them (queries read the graph's copy in the main store, so in most
   * processes none does): Kùzu keeps ~90 MiB resident once it has built them, even over empty
   * tables. A first ingest built them at open, under the load's rows in the JS heap, then dropped
   * them for the COPY and built them again on top of the COPY's memory (issue 16).
   */
  private indexed = true;
  private indexing: Promise<void> | undefined;

  private constructor(
    private readonly db: KuzuDatabase,
    readonly graphDir: string,
    private readonly loadMin: number,
  ) {}

  /**
   * Opens (creating when needed) the graph in `graphDir`. A graph of another schema version is
   * dropped: replay rebuilds it. `loadMin`: how many records of a kind a batch needs to be written
   * by LOAD FROM rather than row by row (tests set 1 or Infinity to compare both ways).
   */
  static open(graphDir: string, options: { loadMin?: number } = {}): Promise<KuzuGraphStore> {
    return KuzuGraphStore.over(graphDir, startOpeningGraph(graphDir), options);
  }

  /** As `open`, over a database whose opening started already (see shared-graph.ts). */
  static async over(
    graphDir: string,
    opening: OpeningGraph,
    options: { loadMin?: number } = {},
  ): Promise<KuzuGraphStore> {
    const db = await opening.db;
    const store = new KuzuGraphStore(db, graphDir, options.loadMin ?? LOAD_MIN);
    try {
      const tables = await store.tableNames();
      if (!tables.has('Meta')) {
        await store.reset();
        store.pristine = true;
      } else {
        const schema = await db.read(`MATCH (m:Meta {key: 'schema'}) RETURN m.value AS value`);
        if (schema[0]?.value !== String(GRAPH_SCHEMA_VERSION)) await store.reset();
        else store.indexed = await indexOrReset(db, opening.unclean, () => store.reset());
      }
      return store;
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  async cursor(): Promise<number> {
    const rows = await this.db.read(`MATCH (m:Meta {key: 'cursor'}) RETURN m.value AS value`);
    return rows.length === 0 ? 0 : Number(rows[0].value);
  }

  async get<K extends RecordKind>(kind: K, ids: readonly string[]): Promise<Map<string, GraphRecords[K]>> {
    const found = new Map<string, GraphRecords[K]>();
    const unique = [...new Set(ids)];
    if (unique.length === 0) return found; // an empty list parameter crashes Kùzu 0.11.3
    const spec = TABLE_SPECS[kind] as TableSpec<K>;
    const rows = await this.db.read(byKeys(spec.table, spec.key, 'RETURN n'), { ids: unique });
    for (const row of rows) {
      const record = spec.fromNode(row.n as KuzuRow);
      found.set(keyOf(kind, record), record);
    }
    return found;
  }

  /** See writeBatch (kuzu-batch-write.ts): one transaction, large kinds by LOAD FROM, large meeting batches by COPY. */
  async write(batch: GraphBatch): Promise<void> {
    this.pristine = false;
    // A write of the cursor alone touches no indexed table.
    if (Object.values(batch.records).some((records) => records.length > 0) || batch.slots.length > 0)
      await this.ensureIndexes();
    await writeBatch(this.db, this.graphDir, batch, this.loadMin);
  }

  /** Builds the full-text indexes if they are missing; concurrent callers share one build. */
  private async ensureIndexes(): Promise<void> {
    if (this.indexed) return;
    this.indexing ??= createIndexes(this.db).then(
      () => {
        this.indexed = true;
        this.indexing = undefined;
      },
      (error: unknown) => {
        this.indexing = undefined;
        throw error;
      },
    );
    await this.indexing;
  }

  async reset(): Promise<void> {
    // Just created and not written since: already what a reset makes. Dropping and creating every
    // table and full-text index again costs no time to speak of but ~55-80 MiB of resident memory
    // that Kùzu's allocator keeps (issue 16: the first ingest replays into the graph it just created).
    if (this.pristine) return;
    const tables = await this.tableNames();
    await dropIndexes(this.db);
    for (const statement of dropStatements(tables)) await this.db.command(statement);
    for (const statement of createStatements()) await this.db.command(statement);
    this.indexed = false;
    await this.db.transaction(async (exec) => {
      await exec(`MERGE (m:Meta {key: 'schema'}) SET m.value = $value`, {
        value: String(GRAPH_SCHEMA_VERSION),
      });
    });
  }

  async load(source: GraphLoadSource): Promise<LoadStats> {
    const counts = await this.counts();
    if (counts.facts + counts.people + counts.components + counts.conversations > 0) {
      throw new OutroError('INTERNAL', 'Bulk load needs an empty graph: reset it first.');
    }
    this.pristine = false;
    this.indexed = false;
    const stats = await bulkLoad(this.db, this.graphDir, source);
    if (source.cursor !== undefined) await this.write({ records: {}, slots: [], cursor: source.cursor });
    return stats;
  }

  async search(text: string, limit = 20): Promise<SearchHits> {
    // Kùzu stems and drops stopwords itself; hand it plain lowercase words.
    const query = text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word !== '')
      .join(' ');
    if (query === '' || searchWords(text).length === 0) return { components: [], conversations: [] };
    await this.ensureIndexes();
    const [components, conversations] = [
      await this.db.read(
        `CALL QUERY_FTS_INDEX('Component', 'component_fts', $q, top := $k) WITH node, score WHERE node.version > 0 RETURN node, score`,
        { q: query, k: limit },
      ),
      await this.db.read(
        `CALL QUERY_FTS_INDEX('Conversation', 'conversation_fts', $q, top := $k) WITH node, score WHERE node.version > 0 RETURN node, score`,
        {
          q: query,
          k: limit,
        },
      ),
    ];
    return {
      components: components
        .map((row) => ({
          component: TABLE_SPECS.component.fromNode(row.node as KuzuRow),
          score: Number(row.score),
        }))
        .sort((a, b) => b.score - a.score || compareText(a.component.id, b.component.id)),
      conversations: conversations
        .map((row) => ({
          conversation: TABLE_SPECS.conversation.fromNode(row.node as KuzuRow),
          score: Number(row.score),
        }))
        .sort((a, b) => b.score - a.score || compareText(a.conversation.id, b.conversation.id)),
    };
  }

  async facts(query: FactQuery): Promise<FactVersion[]> {
    let rows: KuzuRow[];
    if (query.object !== undefined) {
      rows = query.relation
        ? await this.db.read(
            `MATCH (f:Fact)-[:OBJECT]->(:Component {id: $object}) WHERE f.relation = $relation RETURN f`,
            { object: query.object, relation: query.relation },
          )
        : await this.db.read(`MATCH (f:Fact)-[:OBJECT]->(:Component {id: $object}) RETURN f`, {
            object: query.object,
          });
    } else if (query.subjects !== undefined) {
      if (query.subjects.length === 0) return [];
      // `WHERE … IN` uses the key index; `UNWIND … MATCH {key: k}` scanned (10x slower at 100k facts).
      rows = await this.db.read(
        `MATCH (p:Person)-[:SUBJECT_OF]->(f:Fact) WHERE p.key IN $subjects RETURN f`,
        { subjects: [...new Set(query.subjects)] },
      );
    } else {
      throw new OutroError('INTERNAL', 'A fact query needs an object or subjects.');
    }
    const subjects = query.subjects ? new Set(query.subjects) : undefined;
    return rows
      .map((row) => factFromNode(row.f as KuzuRow))
      .filter(
        (fact) =>
          (!subjects || subjects.has(fact.subject)) && (!query.relation || fact.relation === query.relation),
      )
      .sort(compareFacts);
  }

  async decisions(query: { about?: string }): Promise<DecisionNode[]> {
    const rows =
      query.about === undefined
        ? await this.db.read(`MATCH (d:Decision) WHERE d.version > 0 RETURN d AS n`)
        : await this.db.read(
            `MATCH (d:Decision)-[:ABOUT]->(:Component {id: $about}) WHERE d.version > 0 RETURN d AS n`,
            { about: query.about },
          );
    return distinctById(rows.map((row) => TABLE_SPECS.decision.fromNode(row.n as KuzuRow))).sort(byAt);
  }

  async actionItems(query: ItemQuery): Promise<ActionItemNode[]> {
    if (query.people?.length === 0) return [];
    let rows: KuzuRow[];
    if (query.about !== undefined) {
      rows = await this.db.read(
        `MATCH (n:ActionItem)-[:IN_CONVERSATION]->(v:Conversation)-[:ABOUT]->(:Component {id: $about}) WHERE n.version > 0 AND v.version > 0 RETURN n`,
        { about: query.about },
      );
    } else if (query.people !== undefined) {
      rows = await this.db.read(
        `UNWIND $people AS k MATCH (n:ActionItem)-[:ASSIGNED_TO]->(:Person {key: k}) WHERE n.version > 0 RETURN n`,
        { people: [...new Set(query.people)] },
      );
    } else {
      rows = await this.db.read(`MATCH (n:ActionItem) WHERE n.version > 0 RETURN n`);
    }
    const people = query.people ? new Set(query.people) : undefined;
    return distinctById(rows.map((row) => TABLE_SPECS.actionItem.fromNode(row.n as KuzuRow)))
      .filter(
        (item) =>
          (!people || (item.assignee !== null && people.has(item.assignee))) &&
          (!query.open || item.completedAt === null),
      )
      .sort(byAt);
  }

  async questions(query: ItemQuery): Promise<QuestionNode[]> {
    if (query.people?.length === 0 || query.askers?.length === 0) return [];
    let rows: KuzuRow[];
    if (query.about !== undefined) {
      rows = await this.db.read(
        `MATCH (n:Question)-[:IN_CONVERSATION]->(v:Conversation)-[:ABOUT]->(:Component {id: $about}) WHERE n.version > 0 AND v.version > 0 RETURN n`,
        { about: query.about },
      );
    } else if (query.people !== undefined) {
      rows = await this.db.read(
        `UNWIND $people AS k MATCH (n:Question)-[:ASKED_TO]->(:Person {key: k}) WHERE n.version > 0 RETURN n`,
        { people: [...new Set(query.people)] },
      );
    } else if (query.askers !== undefined) {
      rows = await this.db.read(
        `UNWIND $askers AS k MATCH (:Person {key: k})-[:ASKED]->(n:Question) WHERE n.version > 0 RETURN n`,
        { askers: [...new Set(query.askers)] },
      );
    } else {
      rows = await this.db.read(`MATCH (n:Question) WHERE n.version > 0 RETURN n`);
    }
    const people = query.people ? new Set(query.people) : undefined;
    const askers = query.askers ? new Set(query.askers) : undefined;
    return distinctById(rows.map((row) => TABLE_SPECS.question.fromNode(row.n as KuzuRow)))
      .filter(
        (question) =>
          (!people || question.addressees.some((addressee) => people.has(addressee))) &&
          (!askers || askers.has(question.asker)) &&
          (!query.open || question.answeredAt === null),
      )
      .sort(byAt);
  }

  async conversations(query: { about: string }): Promise<ConversationNode[]> {
    const rows = await this.db.read(
      `MATCH (n:Conversation)-[:ABOUT]->(:Component {id: $about}) WHERE n.version > 0 RETURN n`,
      { about: query.about },
    );
    return distinctById(rows.map((row) => TABLE_SPECS.conversation.fromNode(row.n as KuzuRow))).sort(
      (a, b) => compareText(a.start, b.start) || compareText(a.id, b.id),
    );
  }

  async meetings(query: MeetingQuery): Promise<MeetingNode[]> {
    if (query.people?.length === 0) return []; // an empty list parameter crashes Kùzu 0.11.3
    const rows = query.people
      ? query.role
        ? await this.db.read(
            `UNWIND $people AS k MATCH (:Person {key: k})-[a:ATTENDS]->(n:Meeting) WHERE n.version > 0 AND a.role = $role RETURN n`,
            {
              people: [...new Set<string>(query.people)],
              role: query.role,
            },
          )
        : await this.db.read(
            `UNWIND $people AS k MATCH (:Person {key: k})-[:ATTENDS]->(n:Meeting) WHERE n.version > 0 RETURN n`,
            { people: [...new Set<string>(query.people)] },
          )
      : await this.db.read(`MATCH (n:Meeting) WHERE n.version > 0 RETURN n`);
    return distinctById(rows.map((row) => TABLE_SPECS.meeting.fromNode(row.n as KuzuRow)))
      .filter((meeting) => meetingMatches(meeting, query))
      .sort((a, b) => compareText(a.start, b.start) || compareText(a.id, b.id));
  }

  async counts(): Promise<GraphCounts> {
    const count = async (cypher: string): Promise<number> => Number((await this.db.read(cypher))[0]?.n ?? 0);
    const live = (table: string): Promise<number> =>
      count(`MATCH (n:${table}) WHERE n.version > 0 RETURN count(*) AS n`);
    return {
      people: await live('Person'),
      components: await live('Component'),
      channels: await live('Channel'),
      conversations: await live('Conversation'),
      decisions: await live('Decision'),
      actionItems: await live('ActionItem'),
      questions: await live('Question'),
      meetings: await live('Meeting'),
      facts: await count(`MATCH (f:Fact) RETURN count(*) AS n`),
      currentFacts: await count(`MATCH (f:Fact) WHERE f.status = 'current' RETURN count(*) AS n`),
    };
  }

  async dump(): Promise<GraphSnapshot> {
    const records = emptyRecordLists();
    for (const kind of RECORD_KINDS) {
      const spec = TABLE_SPECS[kind] as TableSpec<typeof kind>;
      const where = EDGE_END_KINDS.has(kind) ? ' WHERE n.version > 0' : '';
      const rows = await this.db.read(`MATCH (n:${spec.table})${where} RETURN n`);
      (records[kind] as Array<GraphRecords[typeof kind]>) = rows.map((row) =>
        spec.fromNode(row.n as KuzuRow),
      );
    }
    const facts = (await this.db.read(`MATCH (f:Fact) RETURN f`)).map((row) =>
      factFromNode(row.f as KuzuRow),
    );
    return sortSnapshot({ records, facts });
  }

  async close(): Promise<void> {
    await this.db.close();
  }

  private async tableNames(): Promise<Set<string>> {
    const rows = await this.db.read(`CALL SHOW_TABLES() RETURN name`);
    return new Set(rows.map((row) => String(row.name)));
  }
}
