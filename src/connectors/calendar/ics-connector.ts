import type { Connector, ConnectorOptions, DetectedInput, IngestItem } from '../connector.js';
import { mapIcsCalendar } from './ics-calendar.js';

/**
 * An iCalendar file: its first non-blank line is BEGIN:VCALENDAR (any case, after a BOM, with
 * CRLF or LF line ends). Judged by content, never by the `.ics` name.
 */
export function sniffIcs(head: string): boolean {
  return /^BEGIN:VCALENDAR[ \t]*(\r\n|\n|\r|$)/i.test(head.replace(/^\uFEFF/, '').replace(/^\s+/, ''));
}

async function* readIcs(input: DetectedInput, options: ConnectorOptions): AsyncGenerator<IngestItem> {
  if (input.container !== 'file') {
    yield {
      kind: 'problem',
      problem: {
        path: input.path,
        severity: 'skipped-file',
        reason: `${input.path} is a folder; calendars are read from .ics files.`,
      },
    };
    return;
  }
  let mapped;
  try {
    mapped = mapIcsCalendar(input.text, input.path, options);
  } catch (cause) {
    yield {
      kind: 'problem',
      problem: {
        path: input.path,
        severity: 'skipped-file',
        reason: `${input.path} could not be read as a calendar (${(cause as Error).message}). Export it again.`,
      },
    };
    return;
  }
  for (const problem of mapped.problems) yield { kind: 'problem', problem };
  if (mapped.events !== null) yield { kind: 'batch', path: input.path, events: mapped.events };
}

/** ICS calendars (Google, Outlook, Apple, Fastmail …): meetings, cancellations, attendees. */
export const icsConnector: Connector = {
  format: 'ics',
  sniffFile: sniffIcs,
  read: (input, options) => readIcs(input, options),
};
