import type { PreparedSearchDoc, PreparedSearchOp } from './prepared-search-op.js';
import type { SearchKind } from './search-types.js';

/**
 * A page of prepared ops in a few flat buffers, for a worker thread to hand to the writer: the
 * strings as one text (decoded once, then sliced), their lengths (-1: null), the numbers and
 * an op tag each. Structured clone of the same ops as objects cost the writer more than reading them.
 */
export interface EncodedSearchOps {
  text: ArrayBuffer;
  lengths: Int32Array;
  numbers: Float64Array;
  tags: Uint8Array;
}

const TAG = { upsert: 0, edit: 1, remove: 2, conversation: 3, state: 4, name: 5 } as const;

export class SearchOpEncoder {
  private readonly strings: string[] = [];
  private readonly lengths: number[] = [];
  private readonly numbers: number[] = [];
  private readonly tags: number[] = [];

  add(op: PreparedSearchOp): void {
    const str = (value: string | null): void => {
      if (value === null) this.lengths.push(-1);
      else {
        this.strings.push(value);
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
    // UTF-16, not UTF-8: a lone surrogate in a chat text comes back as it went.
    const text = Buffer.from(this.strings.join(''), 'utf16le');
    const whole = text.byteOffset === 0 && text.byteLength === text.buffer.byteLength;
    return {
      // A small Buffer may share Node's pooled ArrayBuffer: copied out so that it can be transferred.
      text: whole
        ? (text.buffer as ArrayBuffer)
        : text.buffer.slice(text.byteOffset, text.byteOffset + text.byteLength),
      lengths: Int32Array.from(this.lengths),
      numbers: Float64Array.from(this.numbers),
      tags: Uint8Array.from(this.tags),
    };
  }
}

export function decodeSearchOps(page: EncodedSearchOps): PreparedSearchOp[] {
  const text = Buffer.from(page.text).toString('utf16le');
  const { lengths, numbers, tags } = page;
  let at = 0;
  let s = 0;
  let n = 0;
  const nullable = (): string | null => {
    const length = lengths[s++];
    if (length < 0) return null;
    at += length;
    return text.slice(at - length, at);
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
