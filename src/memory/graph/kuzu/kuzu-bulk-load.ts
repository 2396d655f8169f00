import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphLoadSource, LoadStats } from '../graph-store.js';
import { keyOf, RECORD_KINDS, type GraphRecords, type RecordKind } from '../graph-records.js';
import { CSV_DIALECT, CsvFile, quote } from './csv-file.js';
import type { KuzuDatabase, KuzuParam } from './kuzu-database.js';
import { FACT_COLUMNS, factProps, TABLE_SPECS } from './kuzu-rows.js';
import { dropIndexes } from './kuzu-indexes.js';
import { keyColumn, type NodeTable, type RelTable } from './kuzu-schema.js';

const NODE_ORDER: readonly NodeTable[] = [
  'Person',
  'Component',
  'Channel',
  'Conversation',
  'Decision',
  'ActionItem',
  'Question',
  'Meeting',
  'Fact',
];

/**
 * Loads a whole projection into an empty graph with COPY FROM: CSV files written to a fresh temp
 * folder under the graph dir, copied node tables first, then relationship tables. Full-text
 * indexes are dropped (Kùzu will not COPY into an indexed table) and left for the store to build
 * when first needed. Row-at-a-time CREATE would cost ~0.5 ms a row.
 */
export async function bulkLoad(
  db: KuzuDatabase,
  graphDir: string,
  source: GraphLoadSource,
): Promise<LoadStats> {
  const dir = join(graphDir, `bulk-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const files = new Map<string, CsvFile>();
  const file = (name: string): CsvFile => {
    let csv = files.get(name);
    if (!csv) files.set(name, (csv = new CsvFile(join(dir, `${name}.csv`))));
    return csv;
  };
  try {
    const started = performance.now();
    const present: Record<NodeTable, Set<string>> = Object.fromEntries(
      NODE_ORDER.map((table) => [table, new Set<string>()]),
    ) as Record<NodeTable, Set<string>>;
    const referenced: Partial<Record<NodeTable, Set<string>>> = {};
    const reference = (table: NodeTable, key: string): void => {
      (referenced[table] ??= new Set()).add(key);
    };

    const facts = file('Fact');
    const subjectOf = file('SUBJECT_OF.Person.Fact');
    const objectOf = file('OBJECT.Fact.Component');
    for (const fact of source.facts) {
      const props = factProps(fact);
      facts.write(FACT_COLUMNS.map((column) => props[column]));
      subjectOf.write([fact.subject, fact.id]);
      objectOf.write([fact.id, fact.object]);
      reference('Person', fact.subject);
      reference('Component', fact.object);
    }

    for (const kind of RECORD_KINDS) {
      writeRecords(kind, source.records[kind], file, present, reference);
      source.records[kind] = []; // written out: the heap lets the rows go before Kùzu's COPY grows
    }

    // Nodes known only as edge ends are written as version-0 placeholders, as MERGE makes them on the incremental path.
    for (const [table, keys] of Object.entries(referenced) as Array<[NodeTable, Set<string>]>) {
      const csv = file(table);
      const spec = Object.values(TABLE_SPECS).find((candidate) => candidate.table === table);
      if (!spec) continue;
      for (const key of keys) {
        if (present[table].has(key)) continue;
        csv.write(
          spec.columns.map((column) => (column === spec.key ? key : column === 'version' ? 0 : null)),
        );
      }
    }
    for (const csv of files.values()) csv.close();
    source.written?.();
    const writeMs = performance.now() - started;

    const copyStarted = performance.now();
    await dropIndexes(db);
    for (const table of NODE_ORDER) {
      const csv = files.get(table);
      const t0 = performance.now();
      if (csv && csv.rows > 0) await db.command(copyNodes(table, csv));
      if (process.env.KUZU_DEBUG) console.log('copy', table, csv?.rows, (performance.now() - t0).toFixed(0));
    }
    for (const [name, csv] of files) {
      const [rel, from, to] = name.split('.');
      if (to === undefined || csv.rows === 0) continue;
      const t0 = performance.now();
      await db.command(copyEdges(rel, from, to, csv));
      if (process.env.KUZU_DEBUG) console.log('copy', name, csv.rows, (performance.now() - t0).toFixed(0));
    }
    const copyMs = performance.now() - copyStarted;

    return { writeMs, copyMs, indexMs: 0 };
  } finally {
    for (const csv of files.values()) {
      try {
        csv.close();
      } catch {
        // already closed
      }
    }
    if (!process.env.KUZU_KEEP_BULK) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Appends records that are not in the graph yet with COPY FROM, with their edges: one COPY per
 * table instead of a MERGE and a statement per edge for each record (a calendar series of 5,000
 * meetings). Only for tables without a full-text index (Kùzu will not COPY into those). Edge
 * ends that `exists` does not find are written as version-0 placeholders, as MERGE would make
 * them. The caller writes only keys the graph does not hold, so no COPY meets a duplicate key.
 */
export async function copyAppend<K extends RecordKind>(
  db: KuzuDatabase,
  graphDir: string,
  kind: K,
  records: ReadonlyArray<GraphRecords[K]>,
  exists: (table: NodeTable, keys: string[]) => Promise<Set<string>>,
): Promise<void> {
  const dir = join(graphDir, `append-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const files = new Map<string, CsvFile>();
  const file = (name: string): CsvFile => {
    let csv = files.get(name);
    if (!csv) files.set(name, (csv = new CsvFile(join(dir, `${name}.csv`))));
    return csv;
  };
  try {
    const present = Object.fromEntries(NODE_ORDER.map((table) => [table, new Set<string>()])) as Record<
      NodeTable,
      Set<string>
    >;
    const referenced: Partial<Record<NodeTable, Set<string>>> = {};
    writeRecords(kind, records, file, present, (table, key) => (referenced[table] ??= new Set()).add(key));
    // Edge ends the graph lacks: MERGEd as version-0 placeholders (a COPY costs ~0.5 s however few its rows).
    const missing: Array<[NodeTable, string]> = [];
    for (const [table, keys] of Object.entries(referenced) as Array<[NodeTable, Set<string>]>) {
      const wanted = [...keys].filter((key) => !present[table].has(key));
      if (wanted.length === 0) continue;
      const found = await exists(table, wanted);
      for (const key of wanted) if (!found.has(key)) missing.push([table, key]);
    }
    if (missing.length > 0)
      await db.transaction(async (exec) => {
        for (const [table, key] of missing) {
          const column = keyColumn(table);
          await exec(`MERGE (t:${table} {${column}: $k}) ON CREATE SET t.version = 0`, { k: key });
        }
      });
    for (const csv of files.values()) csv.close();
    for (const table of NODE_ORDER) {
      const csv = files.get(table);
      if (csv && csv.rows > 0) await db.command(copyNodes(table, csv));
    }
    for (const [name, csv] of files) {
      const [rel, from, to] = name.split('.');
      if (to === undefined || csv.rows === 0) continue;
      await db.command(copyEdges(rel, from, to, csv));
    }
  } finally {
    for (const csv of files.values()) {
      try {
        csv.close();
      } catch {
        // already closed
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

function writeRecords<K extends RecordKind>(
  kind: K,
  records: ReadonlyArray<GraphRecords[K]>,
  file: (name: string) => CsvFile,
  present: Record<NodeTable, Set<string>>,
  reference: (table: NodeTable, key: string) => void,
): void {
  const spec = TABLE_SPECS[kind];
  const csv = file(spec.table);
  const keys = present[spec.table];
  // One row array and one edge row array, refilled per record: a bulk load writes millions of rows.
  const row: KuzuParam[] = new Array<KuzuParam>(spec.columns.length);
  const edgeRow: KuzuParam[] = [];
  for (const record of records) {
    const props = spec.toProps(record);
    for (let index = 0; index < row.length; index++) row[index] = props[spec.columns[index]];
    csv.write(row);
    const key = keyOf(kind, record);
    keys.add(key);
    for (const edge of spec.edges(record)) {
      if (edge.keys.length === 0) continue;
      const out = edge.direction === 'out';
      const edges = file(
        out ? edgeFile(edge.rel, spec.table, edge.target) : edgeFile(edge.rel, edge.target, spec.table),
      );
      const properties = edge.properties ? Object.values(edge.properties) : [];
      edgeRow.length = 2 + properties.length;
      for (let index = 0; index < properties.length; index++) edgeRow[2 + index] = properties[index];
      for (let index = 0; index < edge.keys.length; index++) {
        const target = edge.keys[index];
        if (edge.keys.indexOf(target) < index) continue; // a key listed twice is one edge
        reference(edge.target, target);
        edgeRow[0] = out ? key : target;
        edgeRow[1] = out ? target : key;
        edges.write(edgeRow);
      }
    }
  }
}

function copyNodes(table: NodeTable, csv: CsvFile): string {
  return `COPY ${table} FROM '${quote(csv.path)}' (${CSV_DIALECT}, PARALLEL=${csv.hasNewlines ? 'false' : 'true'})`;
}

function copyEdges(rel: string, from: string, to: string, csv: CsvFile): string {
  return `COPY ${rel} FROM '${quote(csv.path)}' (from='${from}', to='${to}', ${CSV_DIALECT})`;
}

function edgeFile(rel: RelTable, from: NodeTable, to: NodeTable): string {
  return `${rel}.${from}.${to}`;
}
