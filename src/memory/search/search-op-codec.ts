import type { PreparedSearchDoc, PreparedSearchOp } from './prepared-search-op.js';
import type { SearchKind } from './search-types.js';

/**
 * A page of prepared ops in a few flat buffers, for a worker thread to hand to the writer: the
 * strings as two texts (decoded once each, then sliced), their lengths, the numbers and an op tag
 * each. Structured clone of the same ops as objects cost the writer more than reading them.
 * Strings whose every character fits in a byte (most chat text) go in a Latin-1 text, which decodes
 * at memory speed; the others in a UTF-16 one (so a lone surrogate comes back as it went).
 */
export interface EncodedSearchOps {
  narrow: ArrayBuffer;
  wide: ArrayBuffer;
  /** Per string: its length if narrow, -2 - its length if wide, -1 for null. */
  lengths: Int32Array;
  numbers: Float64Array;
  tags: Uint8Array;
}

const TAG = { upsert: 0, edit: 1, remove: 2, conversation: 3, state: 4, name: 5 } as const;

/**
 * Builds a page. Strings are written straight into growing buffers, and lengths and numbers into
 * typed arrays: joining the strings and pushing to plain arrays cost twice as much.
 */
export class SearchOpEncoder {
  private narrow: Buffer = Buffer.allocUnsafeSlow(1 << 20);
  private narrowBytes = 0;
  private wide: Buffer = Buffer.allocUnsafeSlow(1 << 16);
  private wideBytes = 0;
  private lengths = new Int32Array(1 << 14);
  private lengthCount = 0;
  private numbers = new Float64Array(1 << 13);
  private numberCount = 0;
  private tags = new Uint8Array(1 << 12);
  private tagCount = 0;

  add(op: PreparedSearchOp): void {
    if (this.tagCount === this.tags.length) this.tags = grown(this.tags);
    this.tags[this.tagCount++] = TAG[op.op];
    switch (op.op) {
      case 'upsert': {
        const d = op.doc;
        this.put(d.docId);
        this.put(d.kind);
        this.put(d.title);
        this.put(d.body);
        this.put(d.original);
        this.put(d.author);
        this.put(d.channel);
        this.put(d.conversationId);
        this.put(d.nativeId);
        this.put(d.state);
        this.num(d.at);
        this.num(d.version);
        return;
      }
      case 'edit':
        this.put(op.docId);
        this.put(op.body);
        this.put(op.original);
        this.num(op.version);
        return;
      case 'remove':
        this.put(op.docId);
        this.num(op.version);
        return;
      case 'conversation':
        this.put(op.conversationId);
        for (const docId of op.docIds) this.put(docId);
        this.num(op.version);
        this.num(op.docIds.length);
        return;
      case 'state':
        this.put(op.docId);
        this.put(op.state);
        this.put(op.tie);
        this.num(op.at);
        return;
      case 'name':
        this.put(op.of);
        this.put(op.key);
        this.put(op.name);
        this.num(op.version);
        return;
    }
  }

  private put(value: string | null): void {
    if (this.lengthCount === this.lengths.length) this.lengths = grown(this.lengths);
    if (value === null) {
      this.lengths[this.lengthCount++] = -1;
    } else if (WIDE.test(value)) {
      if (this.wideBytes + 2 * value.length > this.wide.length)
        this.wide = grownBuffer(this.wide, this.wideBytes + 2 * value.length);
      this.wideBytes += this.wide.write(value, this.wideBytes, 'utf16le');
      this.lengths[this.lengthCount++] = -2 - value.length;
    } else {
      if (this.narrowBytes + value.length > this.narrow.length)
        this.narrow = grownBuffer(this.narrow, this.narrowBytes + value.length);
      this.narrowBytes += this.narrow.write(value, this.narrowBytes, 'latin1');
      this.lengths[this.lengthCount++] = value.length;
    }
  }

  private num(value: number): void {
    if (this.numberCount === this.numbers.length) this.numbers = grown(this.numbers);
    this.numbers[this.numberCount++] = value;
  }

  /** The page (copies of the used parts: buffers of their own, which can be transferred). */
  finish(): EncodedSearchOps {
    return {
      narrow: this.narrow.buffer.slice(0, this.narrowBytes) as ArrayBuffer,
      wide: this.wide.buffer.slice(0, this.wideBytes) as ArrayBuffer,
      lengths: this.lengths.slice(0, this.lengthCount),
      numbers: this.numbers.slice(0, this.numberCount),
      tags: this.tags.slice(0, this.tagCount),
    };
  }
}

function grown<T extends Int32Array | Float64Array | Uint8Array>(array: T): T {
  const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
  bigger.set(array);
  return bigger;
}

function grownBuffer(buffer: Buffer, atLeast: number): Buffer {
  const bigger = Buffer.allocUnsafeSlow(Math.max(buffer.length * 2, atLeast));
  buffer.copy(bigger);
  return bigger;
}

const WIDE = /[^\x00-\xff]/;

export function decodeSearchOps(page: EncodedSearchOps): PreparedSearchOp[] {
  const narrow = Buffer.from(page.narrow).toString('latin1');
  const wide = Buffer.from(page.wide).toString('utf16le');
  const { lengths, numbers, tags } = page;
  let atNarrow = 0;
  let atWide = 0;
  let s = 0;
  let n = 0;
  const nullable = (): string | null => {
    const length = lengths[s++];
    if (length >= 0) return narrow.slice(atNarrow, (atNarrow += length));
    if (length === -1) return null;
    return wide.slice(atWide, (atWide -= length + 2));
  };
  const str = (): string => nullable() ?? '';
  const ops: PreparedSearchOp[] = new Array<PreparedSearchOp>(tags.length);
  for (let i = 0; i < tags.length; i++) {
    switch (tags[i]) {
      case TAG.upsert: {
        const doc: PreparedSearchDoc = {
          docId: str(),
          kind: str() as SearchKind,
          title: str(),
          body: str(),
          original: nullable(),
          author: nullable(),
          channel: nullable(),
          conversationId: nullable(),
          nativeId: nullable(),
          state: nullable(),
          at: numbers[n++],
          version: numbers[n++],
        };
        ops[i] = { op: 'upsert', doc };
        break;
      }
      case TAG.edit:
        ops[i] = { op: 'edit', docId: str(), body: str(), original: nullable(), version: numbers[n++] };
        break;
      case TAG.remove:
        ops[i] = { op: 'remove', docId: str(), version: numbers[n++] };
        break;
      case TAG.conversation: {
        const conversationId = str();
        const version = numbers[n++];
        const docIds = new Array<string>(numbers[n++]);
        for (let d = 0; d < docIds.length; d++) docIds[d] = str();
        ops[i] = { op: 'conversation', conversationId, version, docIds };
        break;
      }
      case TAG.state:
        ops[i] = { op: 'state', docId: str(), state: str(), tie: str(), at: numbers[n++] };
        break;
      default:
        ops[i] = {
          op: 'name',
          of: str() as 'person' | 'channel',
          key: str(),
          name: nullable(),
          version: numbers[n++],
        };
    }
  }
  return ops;
}
