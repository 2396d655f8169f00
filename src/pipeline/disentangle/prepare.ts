/** One pass over the lines that needs no model: authors, words, shapes, addressees. */
import { NameIndex, nameVariants } from './names.js';
import { contentTokens, textShape, tokenize, type TextShape } from './text.js';
import type { ChatLine } from './types.js';

export interface PreparedLines {
  n: number;
  ids: string[];
  index: Map<string, number>;
  author: Int32Array;
  authorCount: number;
  /** Distinct content words in the stream. */
  vocabulary: number;
  system: Uint8Array;
  /** Minutes since the first line (fractional). */
  minutes: Float64Array;
  /** Content word ids per line. */
  words: Int32Array[];
  /** Inverse document frequency of each of a line's words, as of that line (only earlier lines count). */
  weights: Float32Array[];
  shape: TextShape[];
  addressed: Int32Array[];
  mentioned: Int32Array[];
  /** The same author's previous non-system line (-1 when none). */
  previousByAuthor: Int32Array;
  /** Native thread root and reply target, as line indices (-1 when absent or unknown). */
  threadRoot: Int32Array;
  replyTo: Int32Array;
}

const EMPTY = new Int32Array(0);

/**
 * Hands out short typed arrays as views into shared blocks: a typed array of its own costs ~230 bytes
 * of heap whatever its length, and a line holds two (a 200k-message channel: ~50 MB less, issue 16).
 */
class Slabs<T extends Int32Array | Float32Array> {
  private block: T;
  private used = 0;

  /** `expected`: about how many elements all takes need (a short stream gets a short block). */
  constructor(
    private readonly make: (length: number) => T,
    expected: number,
  ) {
    this.block = make(Math.min(SLAB, expected));
  }

  take(length: number): T {
    if (this.used + length > this.block.length) {
      this.block = this.make(Math.max(SLAB, length));
      this.used = 0;
    }
    const view = this.block.subarray(this.used, this.used + length) as T;
    this.used += length;
    return view;
  }
}
const SLAB = 1 << 16;

export interface PrepareOptions {
  /** Treat lines without text as system lines. Team-chat apps cannot post a blank message, so a blank one in an
   * export is an event (a member added, a call) with nothing to link by; on IRC a blank line is someone typing. */
  blankIsSystem?: boolean;
}

export function prepareLines(lines: readonly ChatLine[], options: PrepareOptions = {}): PreparedLines {
  const n = lines.length;
  const ids = lines.map((line) => line.id);
  const index = new Map<string, number>();
  ids.forEach((id, k) => index.set(id, k));

  const authorIds = new Map<string, number>();
  const author = new Int32Array(n);
  const names = new NameIndex();
  const variants: string[][] = [];
  const known = new Set<string>();
  for (let k = 0; k < n; k++) {
    const line = lines[k];
    let a = authorIds.get(line.author);
    if (a === undefined) {
      a = authorIds.size;
      authorIds.set(line.author, a);
      variants.push([]);
    }
    author[k] = a;
    for (const name of [line.author, ...line.authorNames]) {
      const key = `${a}\u0000${name}`;
      if (known.has(key)) continue;
      known.add(key);
      names.add(line.author, [name]);
      for (const v of nameVariants(name)) if (!variants[a].includes(v)) variants[a].push(v);
    }
  }

  const system = new Uint8Array(n);
  const minutes = new Float64Array(n);
  const t0 = n > 0 ? lines[0].ts : 0;
  const words: Int32Array[] = new Array(n);
  const shape: TextShape[] = new Array(n);
  const addressed: Int32Array[] = new Array(n);
  const mentioned: Int32Array[] = new Array(n);
  const threadRoot = new Int32Array(n).fill(-1);
  const previousByAuthor = new Int32Array(n).fill(-1);
  const lastByAuthor = new Int32Array(authorIds.size).fill(-1);
  const replyTo = new Int32Array(n).fill(-1);
  const vocab = new Map<string, number>();
  const df: number[] = [];
  const weights: Float32Array[] = new Array(n);
  const wordSlabs = new Slabs((length) => new Int32Array(length), n * 8);
  const weightSlabs = new Slabs((length) => new Float32Array(length), n * 8);
  const seenAt = new Float64Array(authorIds.size).fill(-1);
  const lastSeen = (name: string): number => {
    const a = authorIds.get(name);
    return a === undefined ? -1 : seenAt[a];
  };
  const recent: string[] = [];
  const recentNames = (name: string): readonly string[] => variants[authorIds.get(name) ?? 0] ?? [];
  const standIns = new Map<string, number>();
  const standIn = (missing: string, k: number): number => {
    const first = standIns.get(missing);
    if (first !== undefined) return first;
    standIns.set(missing, k);
    return k;
  };

  for (let k = 0; k < n; k++) {
    const line = lines[k];
    system[k] = line.system || (options.blankIsSystem === true && line.text.trim().length === 0) ? 1 : 0;
    minutes[k] = (line.ts - t0) / 60000;
    // A thread or reply target that is not in the stream (outside the window, not exported, deleted) still groups
    // the lines that name it: the first of them stands in as the root.
    if (line.thread != null) threadRoot[k] = index.get(line.thread) ?? standIn(line.thread, k);
    if (line.replyTo != null) {
      const target = index.get(line.replyTo);
      if (target !== undefined) replyTo[k] = target;
      else if (threadRoot[k] < 0) threadRoot[k] = standIn(line.replyTo, k);
    }

    const found = system[k]
      ? { addressed: [], mentioned: [], body: line.text }
      : names.find(line.text, line.author, lastSeen, recent, recentNames);
    const extra = (line.mentions ?? []).filter((m) => m !== line.author && authorIds.has(m));
    const addr = [...new Set([...found.addressed, ...extra])];
    const ment = [...new Set([...found.mentioned, ...extra])];
    addressed[k] = addr.length ? Int32Array.from(addr, (m) => authorIds.get(m) ?? 0) : EMPTY;
    mentioned[k] = ment.length ? Int32Array.from(ment, (m) => authorIds.get(m) ?? 0) : EMPTY;

    const tokens = tokenize(found.body);
    shape[k] = textShape(found.body, tokens);
    const content = system[k] ? [] : contentTokens(tokens);
    const ws = wordSlabs.take(content.length);
    const ww = weightSlabs.take(content.length);
    content.forEach((token, t) => {
      let w = vocab.get(token);
      if (w === undefined) {
        w = vocab.size;
        vocab.set(token, w);
        df.push(0);
      }
      df[w] += 1;
      ws[t] = w;
      ww[t] = Math.log((k + 2) / (df[w] + 0.5));
    });
    words[k] = ws;
    weights[k] = ww;

    seenAt[author[k]] = k;
    if (!system[k]) {
      previousByAuthor[k] = lastByAuthor[author[k]];
      lastByAuthor[author[k]] = k;
      const at = recent.indexOf(line.author);
      if (at >= 0) recent.splice(at, 1);
      recent.unshift(line.author);
      if (recent.length > 30) recent.pop();
    }
  }

  return {
    n,
    ids,
    index,
    author,
    authorCount: authorIds.size,
    vocabulary: vocab.size,
    system,
    minutes,
    words,
    weights,
    shape,
    addressed,
    mentioned,
    previousByAuthor,
    threadRoot,
    replyTo,
  };
}
