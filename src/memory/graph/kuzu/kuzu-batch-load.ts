import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseSlot, type FactVersion } from '../../facts/fact-types.js';
import { keyOf, type GraphRecords, type RecordKind } from '../graph-records.js';
import { CSV_DIALECT, CsvFile, quote } from './csv-file.js';
import type { KuzuParam, KuzuRow } from './kuzu-database.js';
import { FACT_COLUMNS, factProps, type EdgeSpec, type TableSpec } from './kuzu-rows.js';
import {
  FTS_INDEXES,
  keyColumn,
  NODE_TABLES,
  REL_PROPERTIES,
  type NodeTable,
  type RelTable,
} from './kuzu-schema.js';

/**
 * Large incremental batches, written inside the write transaction by `LOAD FROM` a CSV file — one
 * statement per table and per kind of edge instead of one per row (issue 15: row-by-row writes,
 * ~0.4-1 ms a row, were half the agent time of a new day of messages). Unlike COPY, LOAD FROM runs
 * inside the transaction (a crash leaves the batch unwritten, the cursor where it was), upserts by
 * MERGE, and keeps the full-text indexes of entities and conversations current.
 * Measured (Kùzu 0.11.3, 2 cores, 50k rows in the table, 2,000 in the file): nodes by MERGE 30-40 ms,
 * edges by two key lookups 70 ms, updates 21 ms; the same edges from an UNWIND of a list parameter
 * took 5 s, and one MATCH of both ends (a join) ran out of buffer pool.
 */

/** Temp CSV files of one batch, in a folder under the graph dir removed after the batch. */
export class LoadFiles {
  private readonly files: CsvFile[] = [];

  constructor(readonly dir: string) {}

  file(): CsvFile {
    if (this.files.length === 0) {
      rmSync(this.dir, { recursive: true, force: true }); // left by a crash
      mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    }
    const csv = new CsvFile(join(this.dir, `${this.files.length}.csv`));
    this.files.push(csv);
    return csv;
  }

  remove(): void {
    if (this.files.length === 0) return;
    for (const csv of this.files) csv.close();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Runs one statement without parameters inside the transaction (not cached: its file changes). */
export type Once = (cypher: string) => Promise<KuzuRow[]>;

/** Tables whose nodes no edge reaches but the ones they own (never edge ends, so never placeholders). */
const OWNERS = new Set<NodeTable>(['Decision', 'ActionItem', 'Question', 'Meeting']);

/** Column types of each node table, from its schema. */
const COLUMN_TYPES = Object.fromEntries(
  Object.entries(NODE_TABLES).map(([table, columns]) => [
    table,
    Object.fromEntries(
      columns.split(', ').map((column) => {
        const [name, type] = column.split(' ');
        return [name, type];
      }),
    ),
  ]),
) as Record<NodeTable, Record<string, string>>;

/** `LOAD WITH HEADERS (c0 T0, c1 T1, …) FROM 'file' (dialect)`: columns named by position, typed as declared. */
function loadFrom(csv: CsvFile, types: readonly string[]): string {
  csv.close();
  const headers = types.map((type, index) => `c${index} ${type}`).join(', ');
  return `LOAD WITH HEADERS (${headers}) FROM '${quote(csv.path)}' (${CSV_DIALECT}, PARALLEL=false)`;
}

/** Edges of one relationship between two tables, gathered for one LOAD. */
interface EdgeFile {
  csv: CsvFile;
  rel: RelTable;
  from: NodeTable;
  to: NodeTable;
}

/** What a batch's records and facts point at: edge files, and the keys each edge end must exist for. */
class EdgeBatch {
  private readonly files = new Map<string, EdgeFile>();
  private readonly ends = new Map<NodeTable, Set<string>>();

  constructor(private readonly load: LoadFiles) {}

  add(rel: RelTable, from: NodeTable, to: NodeTable, row: readonly KuzuParam[], end: [NodeTable, string]) {
    const name = `${rel} ${from} ${to}`;
    let file = this.files.get(name);
    if (!file) this.files.set(name, (file = { csv: this.load.file(), rel, from, to }));
    file.csv.write(row);
    let keys = this.ends.get(end[0]);
    if (!keys) this.ends.set(end[0], (keys = new Set()));
    keys.add(end[1]);
  }

  /** Edge ends not in the graph become version-0 placeholders (as the row-by-row MERGE makes them), then the edges go in. */
  async write(once: Once): Promise<void> {
    for (const [table, keys] of this.ends) {
      const csv = this.load.file();
      for (const key of keys) csv.write([key]);
      await once(
        `${loadFrom(csv, ['STRING'])} MERGE (t:${table} {${keyColumn(table)}: c0}) ON CREATE SET t.version = 0`,
      );
    }
    for (const { csv, rel, from, to } of this.files.values()) {
      const props = (REL_PROPERTIES[rel] ?? '').split(', ').filter((column) => column !== '');
      const set = props.map((column, index) => `${column.split(' ')[0]}: c${index + 2}`).join(', ');
      await once(
        `${loadFrom(csv, ['STRING', 'STRING', ...props.map((column) => column.split(' ')[1])])} ` +
          `MATCH (a:${from} {${keyColumn(from)}: c0}) MATCH (b:${to} {${keyColumn(to)}: c1}) ` +
          `CREATE (a)-[:${rel}${set === '' ? '' : ` {${set}}`}]->(b)`,
      );
    }
  }
}

/**
 * Upserts records of one kind and replaces the edges they own, as `upsert` in kuzu-writes.ts does
 * row by row: keys the graph lacks are CREATEd (MERGE costs ~5x more per row), keys it holds get
 * every column SET and their owned edges deleted (all keys of a table with a full-text index are
 * MERGEd); then the edges of all of them go in.
 */
export async function loadRecords<K extends RecordKind>(
  once: Once,
  load: LoadFiles,
  kind: K,
  spec: TableSpec<K>,
  records: ReadonlyArray<GraphRecords[K]>,
): Promise<void> {
  const unique = new Map<string, GraphRecords[K]>();
  for (const record of records) unique.set(keyOf(kind, record), record);
  // A CREATE of several rows into a table with a full-text index files one row's words under
  // another (Kùzu 0.11.3: 'hello six' found by 'kubernetes'); MERGE indexes each row right.
  const indexed = FTS_INDEXES.some((index) => index.table === spec.table);
  let present: Set<string>;
  if (indexed) present = new Set(unique.keys());
  else if (OWNERS.has(spec.table)) {
    // Nothing reaches these nodes but their own edges: delete them whole (an absent key costs an
    // index miss) and create every row, cheaper than SET plus a delete per kind of edge.
    const ids = load.file();
    for (const key of unique.keys()) ids.write([key]);
    await once(`${loadFrom(ids, ['STRING'])} MATCH (n:${spec.table} {${spec.key}: c0}) DETACH DELETE n`);
    present = new Set();
  } else present = await existing(once, load, spec.table, unique.keys());
  const created = load.file();
  const updated = load.file();
  const edges = new EdgeBatch(load);
  const owned = new Map<string, EdgeSpec>();
  for (const [key, record] of unique) {
    const props = spec.toProps(record);
    (present.has(key) ? updated : created).write(spec.columns.map((column) => props[column]));
    for (const edge of spec.edges(record)) {
      owned.set(`${edge.rel} ${edge.target} ${edge.direction}`, edge);
      const [from, to] = edge.direction === 'out' ? [spec.table, edge.target] : [edge.target, spec.table];
      for (const target of new Set(edge.keys)) {
        const ends = edge.direction === 'out' ? [key, target] : [target, key];
        edges.add(
          edge.rel,
          from,
          to,
          [...ends, ...Object.values(edge.properties ?? {})],
          [edge.target, target],
        );
      }
    }
  }
  const types = spec.columns.map((column) => COLUMN_TYPES[spec.table][column]);
  const keyIndex = spec.columns.indexOf(spec.key);
  const node = `(n:${spec.table} {${spec.key}: c${keyIndex}})`;
  if (present.size > 0) {
    for (const edge of owned.values()) {
      const ids = load.file();
      for (const key of present) ids.write([key]);
      const pattern =
        edge.direction === 'out'
          ? `-[r:${edge.rel}]->(:${edge.target})`
          : `<-[r:${edge.rel}]-(:${edge.target})`;
      await once(`${loadFrom(ids, ['STRING'])} MATCH (n:${spec.table} {${spec.key}: c0})${pattern} DELETE r`);
    }
    const set = spec.columns
      .map((column, index) => (column === spec.key ? '' : `n.${column} = c${index}`))
      .filter((assignment) => assignment !== '')
      .join(', ');
    await once(`${loadFrom(updated, types)} ${indexed ? 'MERGE' : 'MATCH'} ${node} SET ${set}`);
  }
  if (created.rows > 0) {
    const values = spec.columns.map((column, index) => `${column}: c${index}`).join(', ');
    await once(`${loadFrom(created, types)} CREATE (n:${spec.table} {${values}})`);
  }
  await edges.write(once);
}

/** The keys of `table` the graph holds among `keys`. */
async function existing(
  once: Once,
  load: LoadFiles,
  table: NodeTable,
  keys: Iterable<string>,
): Promise<Set<string>> {
  const ids = load.file();
  for (const key of keys) ids.write([key]);
  const column = keyColumn(table);
  const rows = await once(
    `${loadFrom(ids, ['STRING'])} MATCH (n:${table} {${column}: c0}) RETURN n.${column} AS k`,
  );
  return new Set(rows.map((row) => String(row.k)));
}

/** Replaces whole slots of fact versions, as `replaceSlot` in kuzu-writes.ts does slot by slot. */
export async function loadSlots(
  once: Once,
  load: LoadFiles,
  slots: ReadonlyArray<{ slot: string; facts: readonly FactVersion[] }>,
): Promise<void> {
  const unique = new Map<string, readonly FactVersion[]>();
  for (const { slot, facts } of slots) unique.set(slot, facts);
  const byObject = load.file();
  const bySubject = load.file();
  for (const slot of unique.keys()) {
    const { object, subject } = parseSlot(slot);
    if (object !== '*') byObject.write([slot, object]);
    else bySubject.write([slot, subject]);
  }
  if (byObject.rows > 0)
    await once(
      `${loadFrom(byObject, ['STRING', 'STRING'])} MATCH (f:Fact)-[:OBJECT]->(:Component {id: c1}) WHERE f.slot = c0 DETACH DELETE f`,
    );
  else byObject.close();
  if (bySubject.rows > 0)
    await once(
      `${loadFrom(bySubject, ['STRING', 'STRING'])} MATCH (:Person {key: c1})-[:SUBJECT_OF]->(f:Fact) WHERE f.slot = c0 DETACH DELETE f`,
    );
  else bySubject.close();

  const nodes = load.file();
  const edges = new EdgeBatch(load);
  for (const facts of unique.values()) {
    for (const fact of facts) {
      const props = factProps(fact);
      nodes.write(FACT_COLUMNS.map((column) => props[column]));
      edges.add('SUBJECT_OF', 'Person', 'Fact', [fact.subject, fact.id], ['Person', fact.subject]);
      edges.add('OBJECT', 'Fact', 'Component', [fact.id, fact.object], ['Component', fact.object]);
    }
  }
  if (nodes.rows === 0) {
    nodes.close();
    return;
  }
  const types = COLUMN_TYPES.Fact;
  await once(
    `${loadFrom(
      nodes,
      FACT_COLUMNS.map((column) => types[column]),
    )} CREATE (:Fact {${FACT_COLUMNS.map((column, index) => `${column}: c${index}`).join(', ')}})`,
  );
  await edges.write(once);
}
