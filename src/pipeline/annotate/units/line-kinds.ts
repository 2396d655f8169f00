/**
 * What a single line of a message is, from its first characters: a quote, a list item, a stack-trace
 * frame. Every pattern is anchored and only ever sees a bounded prefix, so a 10 MB line costs nothing.
 */

/** Lines longer than this are plain prose: no trace frame or list marker is that long. */
const PREFIX = 512;

export interface QuoteMarker {
  /** Offset of the quoted content within the line. */
  content: number;
  /** Slack's `>>>`: everything after it is quoted. */
  rest: boolean;
}

const QUOTE = /^[ \t]*(>>>|&gt;&gt;&gt;|>|&gt;)[ \t]?/;

export function quoteMarker(line: string): QuoteMarker | null {
  const match = QUOTE.exec(line.slice(0, 32));
  if (!match) return null;
  return { content: match[0].length, rest: match[1] === '>>>' || match[1] === '&gt;&gt;&gt;' };
}

export interface ListMarker {
  /** Offset of the item's content within the line. */
  content: number;
  /** Leading whitespace: an indented line after an item continues it. */
  indent: number;
}

const BULLET = /^([ \t]*)(?:\d{1,3}[.)]|\(\d{1,3}\)|[a-z]\)|[-*•·‣◦▪])[ \t]+(?=\S)/;

export function listMarker(line: string): ListMarker | null {
  const match = BULLET.exec(line.slice(0, 32));
  return match ? { content: match[0].length, indent: match[1].length } : null;
}

/** Leading whitespace width (for list continuations). */
export function indentOf(line: string): number {
  const match = /^[ \t]*/.exec(line.slice(0, 64));
  return match ? match[0].length : 0;
}

const FRAMES = [
  /^\s*at\s+\S.*(?::\d+:\d+\)?|\(native\)|\(<anonymous>\)|\(Unknown Source\))\s*$/, // JavaScript
  /^\s*at\s+[\w$.<>]+\([\w$]+\.\w+:\d+\)\s*$/, // Java
  /^\s*File "[^"]+", line \d+/, // Python
  /^\s*Traceback \(most recent call last\):/,
  /^\s*\.\.\. \d+ more\s*$/,
  /^\s*Caused by: \S/,
  /^goroutine \d+ \[[^\]]+\]:\s*$/,
  /^\s+\/\S+\.go:\d+( \+0x[0-9a-f]+)?\s*$/,
  /^\s*#\d+\s+0x[0-9a-f]+ in \S/, // gdb
];

/** A frame or header of a stack trace. */
export function isTraceFrame(line: string): boolean {
  if (line.length > PREFIX) return false;
  return FRAMES.some((pattern) => pattern.test(line));
}

const TRACE_HEADER = /^\s*(?:[\w$]+\.)*[\w$]*(?:Error|Exception|Panic|panic)\b.*$/;

/** The error line a trace opens with ("TypeError: x is undefined"); a trace only when a frame follows. */
export function isTraceHeader(line: string): boolean {
  return line.length <= PREFIX && TRACE_HEADER.test(line);
}
