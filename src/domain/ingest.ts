/** A problem met while reading an input, as stored and shown by `outro status`. */
export interface IngestProblemRecord {
  path: string;
  severity: 'skipped-file' | 'skipped-record' | 'warning';
  reason: string;
  recordIndex?: number;
}
