import type { EventEnvelope } from '../../domain/events.js';
import { slackTimeToIso } from './slack-time.js';
import type { IngestProblem } from '../connector.js';
import { describeJson, isRecord, type JsonRecord } from '../json-values.js';
import { mapSlackMessage, type SlackMessageContext } from './slack-message.js';

export interface DayFileResult {
  /** In time order; null when the whole file was skipped. */
  events: EventEnvelope[] | null;
  problems: IngestProblem[];
}

/** Fields whose wrong type makes a record unreadable, and the JSON types they may have. */
const STRING_FIELDS = ['text', 'user', 'subtype'] as const;
const ARRAY_FIELDS = ['reactions', 'files', 'attachments'] as const;

/**
 * One day file (`<conversation>/YYYY-MM-DD.json`, an array of messages) to its events, sorted by
 * ts. A file that is not a JSON array is skipped whole; a record that cannot be read is skipped
 * with a problem, and the rest of the file still counts.
 */
export function mapDayFile(text: string, path: string, context: SlackMessageContext): DayFileResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    return skipped(
      path,
      `${path} is not valid JSON (${(cause as Error).message}); the file may be truncated. Export the workspace again, or delete the file to ingest the rest.`,
    );
  }
  if (!Array.isArray(parsed)) {
    return skipped(
      path,
      `${path} holds ${describeJson(parsed)}, but a Slack day file is a JSON array of messages. Export the workspace again, or delete the file.`,
    );
  }
  const problems: IngestProblem[] = [];
  const records: JsonRecord[] = [];
  const ids: string[] = [];
  const isos: string[] = [];
  const seconds: number[] = [];
  const order: number[] = [];
  let sorted = true;
  let previous = -Infinity;
  for (let index = 0; index < parsed.length; index++) {
    const record = unwrapChanged(parsed[index]);
    const id = isRecord(record) ? tsOf(record.ts) : undefined;
    const iso = id === undefined ? undefined : slackTimeToIso(id);
    const reason = !isRecord(record)
      ? `is ${describeJson(record)}, not a Slack message object`
      : iso === undefined
        ? `has no usable "ts" (the message timestamp Slack writes, such as "1452837318.000002")`
        : wrongType(record);
    if (reason !== undefined) {
      problems.push({
        path,
        severity: 'skipped-record',
        recordIndex: index,
        reason: `record ${index} ${reason}; it was skipped and the rest of the file was read. Fix or remove it to ingest it.`,
      });
      continue;
    }
    const at = Number(id);
    if (at < previous) sorted = false;
    previous = at;
    seconds.push(at);
    order.push(records.length);
    records.push(record as JsonRecord);
    ids.push(id as string);
    isos.push(iso as string);
  }
  if (!sorted) order.sort((a, b) => seconds[a] - seconds[b] || a - b);
  const events: EventEnvelope[] = [];
  for (const at of order) mapSlackMessage(records[at], ids[at], isos[at], context, events);
  return { events, problems };
}

function tsOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** Why a record's fields cannot be read, or undefined when they can. */
function wrongType(record: JsonRecord): string | undefined {
  for (const field of STRING_FIELDS) {
    const value = record[field];
    if (value !== undefined && value !== null && typeof value !== 'string')
      return `(ts ${String(record.ts)}) has a "${field}" that is ${describeJson(value)}, not a string`;
  }
  for (const field of ARRAY_FIELDS) {
    const value = record[field];
    if (value !== undefined && value !== null && !Array.isArray(value))
      return `(ts ${String(record.ts)}) has a "${field}" that is ${describeJson(value)}, not an array`;
  }
  const threadTs = record.thread_ts;
  if (
    threadTs !== undefined &&
    threadTs !== null &&
    typeof threadTs !== 'string' &&
    typeof threadTs !== 'number'
  ) {
    return `(ts ${String(record.ts)}) has a "thread_ts" that is ${describeJson(threadTs)}, not a timestamp`;
  }
  return undefined;
}

/** A `message_changed` record carries the message as it is now: read that instead. */
function unwrapChanged(record: unknown): unknown {
  if (!isRecord(record) || record.subtype !== 'message_changed' || !isRecord(record.message)) return record;
  const message = record.message;
  return isRecord(message.edited) || record.ts === undefined
    ? message
    : { ...message, edited: { ts: record.ts } };
}

function skipped(path: string, reason: string): DayFileResult {
  return { events: null, problems: [{ path, severity: 'skipped-file', reason }] };
}
