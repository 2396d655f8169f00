/**
 * Reads a JSON document whose root is an object without building the whole tree: the root's keys
 * with the text span of each value, and, for one array-valued key, the span of each element. Each
 * value or element is then parsed alone (`JSON.parse(text.slice(start, end))`), so a channel
 * export of 200k messages never holds more than one parsed message besides its text (issue 16:
 * `JSON.parse` of the whole file took 1.8 GB).
 *
 * The document must be valid JSON as a whole: the scanner checks the structure between values
 * (keys, colons, commas, brackets, nothing after the root) and every span is parsed by the caller,
 * which together rejects what `JSON.parse` rejects. Errors are thrown as JsonSpanError.
 */

export class JsonSpanError extends Error {}

export interface Span {
  start: number;
  end: number;
}

export interface RootSpans {
  /** Each key of the root object and its value's span (the last one wins, as JSON.parse does). */
  values: Map<string, Span>;
  /** Spans of the elements of the root key `arrayKey`, when its value is an array; else undefined. */
  elements: Span[] | undefined;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

export function rootSpans(text: string, arrayKey: string): RootSpans {
  const scanner = new Scanner(text);
  scanner.skipSpace();
  if (text.charCodeAt(scanner.at) === 0xfeff) scanner.at++;
  scanner.skipSpace();
  scanner.expect(OPEN_OBJECT, 'the document to start with "{"');
  const values = new Map<string, Span>();
  let elements: Span[] | undefined;
  scanner.skipSpace();
  if (scanner.peek() === CLOSE_OBJECT) scanner.at++;
  else {
    for (;;) {
      scanner.skipSpace();
      const keyStart = scanner.at;
      scanner.expect(QUOTE, 'a key');
      scanner.at--;
      scanner.skipString();
      const key = JSON.parse(text.slice(keyStart, scanner.at)) as string;
      scanner.skipSpace();
      scanner.expect(COLON, '":" after a key');
      scanner.skipSpace();
      if (key === arrayKey && scanner.peek() === OPEN_ARRAY) {
        const start = scanner.at;
        elements = scanner.arrayElements();
        values.set(key, { start, end: scanner.at });
      } else {
        if (key === arrayKey) elements = undefined;
        const start = scanner.at;
        scanner.skipValue();
        values.set(key, { start, end: scanner.at });
      }
      scanner.skipSpace();
      const next = scanner.next('"," or "}"');
      if (next === CLOSE_OBJECT) break;
      if (next !== COMMA) scanner.fail(next, '"," or "}"');
    }
  }
  scanner.skipSpace();
  if (scanner.at < text.length) scanner.fail(text.charCodeAt(scanner.at), 'nothing after the root object');
  return { values, elements };
}

/** The value of a span, parsed; JsonSpanError (with the position in the whole text) when it is not JSON. */
export function parseSpan(text: string, span: Span): unknown {
  try {
    return JSON.parse(text.slice(span.start, span.end));
  } catch (cause) {
    throw new JsonSpanError(`${(cause as Error).message} (in the value at position ${span.start})`);
  }
}

class Scanner {
  at = 0;

  constructor(private readonly text: string) {}

  peek(): number {
    return this.text.charCodeAt(this.at);
  }

  next(wanted: string): number {
    if (this.at >= this.text.length) this.end(wanted);
    return this.text.charCodeAt(this.at++);
  }

  expect(code: number, wanted: string): void {
    const found = this.next(wanted);
    if (found !== code) this.fail(found, wanted);
  }

  skipSpace(): void {
    const text = this.text;
    let at = this.at;
    for (;;) {
      const code = text.charCodeAt(at);
      if (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) at++;
      else break;
    }
    this.at = at;
  }

  /** From an opening quote to just past its closing quote. */
  skipString(): void {
    const text = this.text;
    let at = this.at + 1;
    for (;;) {
      const close = text.indexOf('"', at);
      if (close < 0) {
        this.at = text.length;
        this.end('the end of a string');
      }
      let backslashes = 0;
      for (let back = close - 1; back >= at && text.charCodeAt(back) === BACKSLASH; back--) backslashes++;
      at = close + 1;
      if (backslashes % 2 === 0) break;
    }
    this.at = at;
  }

  /** Past one value: a string, a nested object or array (brackets counted outside strings), or a scalar. */
  skipValue(): void {
    const text = this.text;
    const first = this.peek();
    if (first === QUOTE) return this.skipString();
    if (first === OPEN_OBJECT || first === OPEN_ARRAY) {
      let depth = 0;
      for (;;) {
        if (this.at >= text.length) this.end('the end of an object or array');
        const code = text.charCodeAt(this.at);
        if (code === QUOTE) {
          this.skipString();
          continue;
        }
        this.at++;
        if (code === OPEN_OBJECT || code === OPEN_ARRAY) depth++;
        else if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
          depth--;
          if (depth === 0) return;
        }
      }
    }
    const start = this.at;
    while (this.at < text.length) {
      const code = text.charCodeAt(this.at);
      if (
        code === COMMA ||
        code === CLOSE_OBJECT ||
        code === CLOSE_ARRAY ||
        code === 0x20 ||
        code === 0x0a ||
        code === 0x0d ||
        code === 0x09
      )
        break;
      this.at++;
    }
    if (this.at === start) {
      if (this.at >= text.length) this.end('a value');
      this.fail(this.peek(), 'a value');
    }
  }

  /** From "[" to just past its "]", the span of each element. */
  arrayElements(): Span[] {
    this.at++;
    const spans: Span[] = [];
    this.skipSpace();
    if (this.peek() === CLOSE_ARRAY) {
      this.at++;
      return spans;
    }
    for (;;) {
      this.skipSpace();
      const start = this.at;
      this.skipValue();
      spans.push({ start, end: this.at });
      this.skipSpace();
      const next = this.next('"," or "]"');
      if (next === CLOSE_ARRAY) return spans;
      if (next !== COMMA) this.fail(next, '"," or "]"');
    }
  }

  fail(code: number, wanted: string): never {
    throw new JsonSpanError(
      `unexpected ${JSON.stringify(String.fromCharCode(code))} at position ${this.at - 1}, wanted ${wanted}`,
    );
  }

  end(wanted: string): never {
    throw new JsonSpanError(`unexpected end of the text, wanted ${wanted}`);
  }
}
