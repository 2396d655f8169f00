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

export class SearchOpEncoder {
  private readonly narrow: string[] = [];
  private readonly wide: string[] = [];
  private readonly lengths: number[] = [];
  private readonly numbers: number[] = [];
  private readonly tags: number[] = [];

  add(op: PreparedSearchOp): void {
    const str = (value: string | null): void => {
      if (value === null) this.lengths.push(-1);
      else if (WIDE.test(value)) {
        this.wide.push(value);
        this.lengths.push(-2 - value.length);
      } else {
        this.narrow.push(value);
        this.lengths.push(value.length);
      }
    };
    this.tags.push(TAG[op.op]);
    switch (op.op) {
      case 'upsert': {
        const d = op.doc;
        str(d.docId);
        str(d.kind);
        str(d.title);
        str(d.body);
        str(d.original);
        str(d.author);
        str(d.channel);
        str(d.conversationId);
        str(d.nativeId);
        str(d.state);
        this.numbers.push(d.at, d.version);
        return;
      }
      case 'edit':
        str(op.docId);
        str(op.body);
        str(op.original);
        this.numbers.push(op.version);
        return;
      case 'remove':
        str(op.docId);
        this.numbers.push(op.version);
        return;
      case 'conversation':
        str(op.conversationId);
        for (const docId of op.docIds) str(docId);
        this.numbers.push(op.version, op.docIds.length);
        return;
      case 'state':
        str(op.docId);
        str(op.state);
        str(op.tie);
        this.numbers.push(op.at);
        return;
      case 'name':
        str(op.of);
        str(op.key);
        str(op.name);
        this.numbers.push(op.version);
        return;
    }
  }

  finish(): EncodedSearchOps {
    return {
      narrow: ownBuffer(Buffer.from(this.narrow.join(''), 'latin1')),
      wide: ownBuffer(Buffer.from(this.wide.join(''), 'utf16le')),
      lengths: Int32Array.from(this.lengths),
      numbers: Float64Array.from(this.numbers),
      tags: Uint8Array.from(this.tags),
    };
  }
}

const WIDE = /[^\x00-\xff]/;

/** A Buffer's bytes in an ArrayBuffer of their own: a small Buffer may share Node's pool, which cannot be transferred. */
function ownBuffer(bytes: Buffer): ArrayBuffer {
  const buffer = bytes.buffer as ArrayBuffer;
  const whole = bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength;
  return whole ? buffer : buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
}

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
