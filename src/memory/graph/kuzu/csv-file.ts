import { closeSync, openSync, writeSync } from 'node:fs';
import type { KuzuParam } from './kuzu-database.js';

const FLUSH_AT = 1 << 20;
/** Delimiters, quotes, line breaks, backslashes, and edge whitespace a reader might trim. */
const NEEDS_QUOTES = /[,"\n\r\\]|^\s|\s$/;

/**
 * A headerless CSV file for Kùzu's COPY FROM: NULL as an empty field; a string quoted (quotes
 * doubled) only when it must be — Kùzu parses unquoted fields several times faster. Remembers
 * whether any value held a line break: the parallel CSV reader rejects quoted newlines, so such
 * files must be copied with PARALLEL=FALSE.
 */
export class CsvFile {
  private readonly fd: number;
  private buffer = '';
  private rowCount = 0;
  private newlines = false;
  private closed = false;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w', 0o600);
  }

  get rows(): number {
    return this.rowCount;
  }

  get hasNewlines(): boolean {
    return this.newlines;
  }

  write(values: readonly KuzuParam[]): void {
    let line = '';
    for (let index = 0; index < values.length; index++) {
      if (index > 0) line += ',';
      line += this.field(values[index]);
    }
    this.buffer += `${line}\n`;
    this.rowCount++;
    if (this.buffer.length >= FLUSH_AT) this.flush();
  }

  /** Flushes and closes the file; again, does nothing. */
  close(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    closeSync(this.fd);
  }

  private field(value: KuzuParam): string {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) return '';
      return String(value);
    }
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    if (typeof value !== 'string') return `"${JSON.stringify(value).replace(/"/g, '""')}"`;
    if (value === '') return '';
    if (!NEEDS_QUOTES.test(value)) return value;
    if (!this.newlines && (value.includes('\n') || value.includes('\r'))) this.newlines = true;
    return `"${value.replace(/"/g, '""')}"`;
  }

  private flush(): void {
    if (this.buffer === '') return;
    writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
}

/**
 * The CSV dialect CsvFile writes, spelled out: left to guess from a file's first rows, Kùzu split
 * ATTENDS rows (person,meeting id with '|',role) on '|', and, when no early row was quoted, split a
 * later quoted value at its commas (the 758th fact of a 200k-message ingest: the replay failed).
 */
export const CSV_DIALECT = `HEADER=false, DELIM=',', QUOTE='"', ESCAPE='"'`;

/** A file path inside a single-quoted Cypher string. */
export function quote(path: string): string {
  return path.replace(/\\/g, '\\\\').replace(/'/g, "\\'");
}
