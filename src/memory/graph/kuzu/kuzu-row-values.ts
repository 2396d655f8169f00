import type { Evidence } from '../../../domain/annotations.js';
import type { GraphRecords, RecordKind } from '../graph-records.js';
import type { KuzuParam, KuzuRow } from './kuzu-database.js';
import type { NodeTable, RelTable } from './kuzu-schema.js';

/** How a graph record becomes a Kùzu row and back: the shapes of a table spec and the value conversions they share. */
/** A property value as stored: strings ('' is stored as NULL, as COPY does), numbers, booleans, times as ISO strings. */
export type Props = Record<string, KuzuParam>;

export interface EdgeSpec {
  rel: RelTable;
  /** 'out': (record)-[rel]->(target); 'in': (target)-[rel]->(record). */
  direction: 'out' | 'in';
  target: NodeTable;
  keys: readonly string[];
  /** Edge properties (the same for every key), in REL_PROPERTIES order. */
  properties?: Props;
}

export interface TableSpec<K extends RecordKind> {
  table: NodeTable;
  key: 'key' | 'id';
  /** Properties bound through timestamp($p). */
  times: readonly string[];
  columns: readonly string[];
  toProps(record: GraphRecords[K]): Props;
  fromNode(node: KuzuRow): GraphRecords[K];
  /** The edges the record owns (replaced whenever it is written). */
  edges(record: GraphRecords[K]): EdgeSpec[];
}

export const json = (value: unknown): string => JSON.stringify(value);
export const text = (value: string | null | undefined): string | null =>
  value === undefined || value === null || value === '' ? null : value;
export const str = (value: unknown): string => (value === null || value === undefined ? '' : String(value));
export const strOrNull = (value: unknown): string | null =>
  value === null || value === undefined || value === '' ? null : String(value);
export const time = (value: unknown): string =>
  value instanceof Date ? value.toISOString() : value === null || value === undefined ? '' : String(value);
export const timeOrNull = (value: unknown): string | null =>
  value === null || value === undefined ? null : time(value);
export const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
export const list = (value: unknown): string[] =>
  typeof value === 'string' && value !== '' ? (JSON.parse(value) as string[]) : [];
export const evidenceList = (value: unknown): Evidence[] =>
  typeof value === 'string' && value !== '' ? (JSON.parse(value) as Evidence[]) : [];
