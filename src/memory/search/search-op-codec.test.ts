import { describe, expect, it } from 'vitest';
import type { PreparedSearchOp } from './prepared-search-op.js';
import { FOREVER } from './search-ops.js';
import { decodeSearchOps, SearchOpEncoder } from './search-op-codec.js';

const OPS: PreparedSearchOp[] = [
  { op: 'name', of: 'person', key: 'slack:T1:U1', name: 'Zoë Ångström', version: 1 },
  { op: 'name', of: 'channel', key: 'slack:T1:C1', name: null, version: 0 },
  {
    op: 'upsert',
    doc: {
      docId: 'message:slack:T1:C1:1.1',
      kind: 'message',
      title: '',
      body: 'ship it 🚀 — naïve café, a lone \ud83d half and 日本語',
      original: '*ship it* :rocket: — naïve café, a lone \ud83d half and 日本語',
      author: 'slack:T1:U1',
      channel: 'slack:T1:C1',
      conversationId: null,
      nativeId: '1.1',
      state: null,
      at: Date.UTC(2026, 2, 1, 9),
      version: 3,
    },
  },
  {
    op: 'upsert',
    doc: {
      docId: 'decision:d1',
      kind: 'decision',
      title: 'rollout',
      body: '',
      original: null,
      author: null,
      channel: null,
      conversationId: 'conv-1',
      nativeId: null,
      state: 'made',
      at: -1,
      version: 4,
    },
  },
  { op: 'edit', docId: 'message:slack:T1:C1:1.1', body: 'shipped', original: null, version: 5 },
  {
    op: 'conversation',
    docIds: ['message:slack:T1:C1:1.1', 'message:slack:T1:C1:1.2'],
    conversationId: 'conv-1',
    version: 6,
  },
  { op: 'conversation', docIds: [], conversationId: 'conv-2', version: 7 },
  { op: 'state', docId: 'decision:d1', state: 'reversed', at: Date.UTC(2026, 2, 2), tie: 'd2' },
  { op: 'remove', docId: 'message:slack:T1:C1:1.2', version: FOREVER },
];

describe('search op codec', () => {
  it('gives back the ops it was given, texts and nulls exactly (a lone surrogate, emoji, accents)', () => {
    const encoder = new SearchOpEncoder();
    for (const op of OPS) encoder.add(op);
    const page = encoder.finish();
    expect(decodeSearchOps(page)).toEqual(OPS);
  });

  it('encodes a page of no ops', () => {
    expect(decodeSearchOps(new SearchOpEncoder().finish())).toEqual([]);
  });

  it('hands over buffers of their own, which can be transferred', () => {
    const encoder = new SearchOpEncoder();
    encoder.add(OPS[0]);
    const page = encoder.finish();
    // A few bytes, one per character: Node would put them in its shared pool, which cannot be transferred.
    expect(page.narrow.byteLength).toBe('person'.length + 'slack:T1:U1'.length + 'Zoë Ångström'.length);
    expect(page.wide.byteLength).toBe(0);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(page, [page.narrow, page.wide]);
    port1.close();
    port2.close();
    expect(page.narrow.byteLength).toBe(0);
  });
});
