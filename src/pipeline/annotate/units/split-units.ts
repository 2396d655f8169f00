import { leadingNameOf, mentionsIn } from './addressing.js';
import { fencedBlocks } from './fenced-blocks.js';
import { inlineList } from './inline-list.js';
import { indentOf, isTraceFrame, isTraceHeader, listMarker, quoteMarker } from './line-kinds.js';
import { sentenceSpans, trimSpan } from './sentences.js';
import { analysedText, skipReason } from './unit-text.js';
import type { SkipReason, SplitOptions, Unit } from './unit.js';

/** Line-kind checks read at most this much of a line. */
const HEAD = 513;
/** A line longer than this is prose, never a one-line numbered list. */
const INLINE_LIST_LINE = 4096;

interface UnitMarks {
  listIndex?: number;
  quoted?: boolean;
  skip?: SkipReason;
}

/** Collects units; past `maxUnits` the rest of the message becomes one `too-long` unit. */
class UnitList {
  readonly units: Unit[] = [];
  /** Set once the list is full: where the overflow unit starts and ends. */
  private overflow: [number, number] | null = null;

  constructor(
    private readonly text: string,
    private readonly maxLength: number,
    private readonly maxToken: number,
    private readonly maxUnits: number,
  ) {}

  get full(): boolean {
    return this.overflow !== null;
  }

  add(start: number, end: number, marks: UnitMarks): void {
    if (this.overflow) {
      this.overflow[1] = end;
      return;
    }
    if (this.units.length === this.maxUnits - 1) {
      this.overflow = [start, end];
      return;
    }
    const text = analysedText(this.text, start, end, this.maxToken);
    const skip = marks.skip ?? skipReason(text, this.maxLength);
    const unit: Unit = { text, start, end, index: this.units.length, mentions: skip ? [] : mentionsIn(text) };
    if (marks.listIndex !== undefined) unit.listIndex = marks.listIndex;
    if (marks.quoted) unit.quoted = true;
    if (skip) unit.skip = skip;
    else {
      const name = leadingNameOf(text);
      if (name !== undefined) unit.leadingName = name;
    }
    this.units.push(unit);
  }

  /** Sentences of `[start, end)`, inline code kept whole. */
  sentences(start: number, end: number, marks: UnitMarks): void {
    if (this.overflow) {
      this.add(start, end, marks);
      return;
    }
    for (const [from, to] of sentenceSpans(this.text, start, end, this.maxUnits - this.units.length))
      this.add(from, to, marks);
  }

  finish(): Unit[] {
    if (this.overflow) {
      const [start, end] = this.overflow;
      this.units.push({
        text: analysedText(this.text, start, end, this.maxToken),
        start,
        end,
        index: this.units.length,
        skip: 'too-long',
        mentions: [],
      });
      this.overflow = null;
    }
    return this.units;
  }
}

/**
 * Splits one message into units: sentences, list items, quoted lines, and code, traces and bare
 * links marked `skip`. Lines are separators (chat rarely wraps a sentence over two lines). Linear
 * in the length of the text; a message of more than `maxUnits` units (default 1000) ends in one
 * `too-long` unit holding the rest.
 */
export function splitUnits(text: string, options: SplitOptions = {}): Unit[] {
  const units = new UnitList(
    text,
    options.maxUnitLength ?? 4096,
    options.maxTokenLength ?? 64,
    Math.max(1, options.maxUnits ?? 1000),
  );
  let at = 0;
  for (const [start, end] of fencedBlocks(text, options.maxUnits ?? 1000)) {
    prose(text, at, start, units);
    units.add(start, end, { skip: 'code' });
    at = end;
    if (units.full) break;
  }
  if (units.full) units.add(at, trimSpan(text, at, text.length)?.[1] ?? at, {});
  else prose(text, at, text.length, units);
  return units.finish();
}

/**
 * One unit for a text that already is one (a labelled training unit, a test case): the same marks
 * as `splitUnits` gives (mentions, leading name, placeholders, skip) without looking for boundaries.
 */
export function singleUnit(text: string, options: SplitOptions = {}): Unit | null {
  const span = trimSpan(text, 0, text.length);
  if (!span) return null;
  const units = new UnitList(text, options.maxUnitLength ?? 4096, options.maxTokenLength ?? 64, 2);
  units.add(span[0], span[1], {});
  return units.finish()[0];
}

function lineEnd(text: string, start: number, end: number): number {
  for (let at = start; at < end; at++) if (text.charCodeAt(at) === 10) return at;
  return end;
}

function prose(text: string, start: number, end: number, units: UnitList): void {
  let list = -1;
  let listIndent = 0;
  let quotedRest = false;
  let trace: [number, number] | null = null;
  const flushTrace = () => {
    if (trace) units.add(trace[0], trace[1], { skip: 'stack-trace' });
    trace = null;
  };
  for (let from = start; from < end;) {
    if (units.full) {
      const rest = trimSpan(text, from, end);
      if (rest) units.add(rest[0], rest[1], {});
      return;
    }
    const to = lineEnd(text, from, end);
    const next = to + 1;
    const content = trimSpan(text, from, to);
    if (!content) {
      from = next;
      continue;
    }
    const head = text.slice(from, Math.min(to, from + HEAD));
    if (quotedRest) {
      units.sentences(content[0], content[1], { quoted: true });
      from = next;
      continue;
    }
    const frame = isTraceFrame(head);
    if (
      frame ||
      (trace === null &&
        isTraceHeader(head) &&
        next < end &&
        isTraceFrame(text.slice(next, Math.min(lineEnd(text, next, end), next + HEAD))))
    ) {
      trace = trace ? [trace[0], content[1]] : [content[0], content[1]];
      from = next;
      continue;
    }
    flushTrace();
    const quote = quoteMarker(head);
    if (quote) {
      quotedRest = quote.rest;
      units.sentences(from + quote.content, to, { quoted: true });
      from = next;
      continue;
    }
    const inline = to - from <= INLINE_LIST_LINE ? inlineList(text, from, to) : null;
    const marker = inline ? null : listMarker(head);
    if (inline) {
      units.sentences(inline.lead[0], inline.lead[1], {});
      inline.items.forEach(([itemStart, itemEnd], k) =>
        units.sentences(itemStart, itemEnd, { listIndex: k }),
      );
      list = -1;
    } else if (marker) {
      list = list < 0 ? 0 : list + 1;
      listIndent = marker.indent;
      units.sentences(from + marker.content, to, { listIndex: list });
    } else if (list >= 0 && indentOf(head) > listIndent) {
      units.sentences(content[0], content[1], { listIndex: list });
    } else {
      list = -1;
      units.sentences(content[0], content[1], {});
    }
    from = next;
  }
  flushTrace();
}
