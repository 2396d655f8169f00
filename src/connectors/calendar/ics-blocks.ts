/**
 * Splits ICS text into its top-level components by their BEGIN/END lines, without parsing values,
 * so one malformed VEVENT can be reported and skipped while the rest of the calendar is read.
 */

export interface IcsBlock {
  /** Upper-cased component name: VEVENT, VTIMEZONE, VTODO … */
  name: string;
  /** The component's lines, BEGIN and END included, CRLF-joined. */
  text: string;
  /** 1-based line of its BEGIN line. */
  line: number;
  /** False when the file ended before the component's END line. */
  complete: boolean;
}

export interface IcsLayout {
  /** Whether any BEGIN:VCALENDAR line was seen. */
  hasCalendar: boolean;
  /** Calendar-level properties (unfolded, name upper-cased → first raw value). */
  properties: Map<string, string>;
  blocks: IcsBlock[];
}

const BEGIN = /^BEGIN:([A-Za-z0-9-]+)\s*$/i;
const END = /^END:([A-Za-z0-9-]+)\s*$/i;

export function splitIcs(text: string): IcsLayout {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const properties = new Map<string, string>();
  const blocks: IcsBlock[] = [];
  let hasCalendar = false;
  let inCalendar = false;
  let current: { name: string; lines: string[]; line: number; depth: number } | undefined;
  let property: string | undefined;

  const flushProperty = (): void => {
    if (property === undefined) return;
    const colon = property.indexOf(':');
    if (colon > 0) {
      const name = property.slice(0, colon).split(';')[0].trim().toUpperCase();
      if (!properties.has(name)) properties.set(name, property.slice(colon + 1));
    }
    property = undefined;
  };

  lines.forEach((raw, index) => {
    if (current) {
      current.lines.push(raw);
      const begin = BEGIN.exec(raw);
      const end = END.exec(raw);
      if (begin) current.depth += 1;
      else if (end) {
        current.depth -= 1;
        if (current.depth === 0) {
          blocks.push({
            name: current.name,
            text: current.lines.join('\r\n'),
            line: current.line,
            complete: true,
          });
          current = undefined;
        }
      }
      return;
    }
    const isContinuation = raw.startsWith(' ') || raw.startsWith('\t');
    if (isContinuation) {
      if (property !== undefined) property += raw.slice(1);
      return;
    }
    flushProperty();
    const begin = BEGIN.exec(raw);
    if (begin) {
      const name = begin[1].toUpperCase();
      if (name === 'VCALENDAR') {
        hasCalendar = true;
        inCalendar = true;
        return;
      }
      current = { name, lines: [raw], line: index + 1, depth: 1 };
      return;
    }
    if (END.exec(raw)?.[1].toUpperCase() === 'VCALENDAR') {
      inCalendar = false;
      return;
    }
    if (inCalendar && raw.trim() !== '') property = raw;
  });
  flushProperty();
  if (current)
    blocks.push({
      name: current.name,
      text: current.lines.join('\r\n'),
      line: current.line,
      complete: false,
    });
  return { hasCalendar, properties, blocks };
}

/** Undoes TEXT escaping (RFC 5545 3.3.11): `\n`, `\,`, `\;`, `\\`. */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;\\])/g, (_match, char: string) =>
    char === 'n' || char === 'N' ? '\n' : char,
  );
}
