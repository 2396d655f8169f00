import { closeSync, openSync, writeSync } from 'node:fs';
import type { KuzuParam } from './kuzu-database.js';

/** Bytes buffered per file before a write (a bulk load has a file per table and per kind of edge open). */
const FLUSH_AT = 1 << 16;
/** Delimiters, quotes, line breaks, backslashes, and edge whitespace a reader might trim. */
const NEEDS_QUOTES = /[,"\n\r\\]|^\s|\s$/;

/**
 * A headerless CSV file for Kùzu's COPY FROM: NULL as an empty field; a string quoted (quotes
 * doubled) only when it must be — Kùzu parses unquoted fields several times faster. Remembers
 * whether any value held a line break: the parallel CSV reader rejects quoted newlines, so such
 * files must be copied with PARALLEL=FALSE. Fields are encoded straight into a byte buffer: a
 * string buffer built by concatenation kept every piece of the last megabyte alive through the
 * young-generation collections of a bulk load (issue 16: GC was a fifth of a calendar series' projection).
 */
export class CsvFile {
  private readonly fd: number;
  private readonly bytes = Buffer.allocUnsafe(FLUSH_AT);
  private used = 0;
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
    this.put(`${line}\n`);
    this.rowCount++;
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

  private put(text: string): void {
    if (text.length === 0) return;
    // UTF-8 takes at most 3 bytes per UTF-16 unit: with that much room the text fits whole.
    if (this.used + text.length * 3 > FLUSH_AT) {
      this.flush();
      if (text.length * 3 > FLUSH_AT) {
        writeSync(this.fd, text);
        return;
      }
    }
    this.used += this.bytes.write(text, this.used);
  }

  private flush(): void {
    if (this.used === 0) return;
    for (let at = 0; at < this.used;) at += writeSync(this.fd, this.bytes, at, this.used - at);
    this.used = 0;
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
