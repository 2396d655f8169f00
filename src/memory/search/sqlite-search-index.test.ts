import { afterAll, describe, expect, it } from 'vitest';
import { isOutroError } from '../../domain/errors.js';
import { makeTempDir } from '../../test-support/temp-dir.js';
import { join } from 'node:path';
import { HIGHLIGHT, messageDocIdOf, type SearchDocInput, type SearchRequest } from './search-types.js';
import { RANK_WINDOW } from './search-reader.js';
import { SqliteSearchIndex } from './sqlite-search-index.js';
import { openSearchDatabase } from './test-support/search-events.js';

const temp = makeTempDir('outro-search-');
afterAll(() => temp.cleanup());
let files = 0;

function index(): SqliteSearchIndex {
  return new SqliteSearchIndex(openSearchDatabase(join(temp.dir, `search-${++files}.db`)).db);
}

let versions = 0;
/** A message in #C1 by Dana unless fields say otherwise (a message's doc_id follows its channel). */
function doc(id: string, text: string, fields: Partial<SearchDocInput> = {}): SearchDocInput {
  const channel = fields.channel ?? 'slack:T1:C1';
  return {
    docId: messageDocIdOf(channel, id),
    kind: 'message',
    title: '',
    text,
    author: 'slack:T1:UDANA',
    channel,
    at: '2026-03-02T09:00:00.000Z',
    conversationId: null,
    nativeId: id,
    state: null,
    version: ++versions,
    ...fields,
  };
}

const ids = (search: SqliteSearchIndex, request: SearchRequest | string): string[] =>
  search
    .search(typeof request === 'string' ? { query: request } : request)
    .hits.map((hit) => hit.nativeId ?? hit.docId);

describe('SqliteSearchIndex', () => {
  it('finds words whatever their accents and case', () => {
    const search = index();
    search.upsert([
      doc('1', 'Inés fixed the café login'),
      doc('2', 'INES reviewed it'),
      doc('3', 'nothing here'),
    ]);
    expect(ids(search, 'ines').sort()).toEqual(['1', '2']);
    expect(ids(search, 'CAFE')).toEqual(['1']);
    expect(ids(search, 'Inés')).toHaveLength(2);
  });

  it('finds identifiers written with inner punctuation', () => {
    const search = index();
    search.upsert([
      doc('1', 'OPS-1234 is blocked'),
      doc('2', 'ops 1234 in words'),
      doc('3', 'OPS-9 and 1234 apart'),
      doc('4', 'released v4.2.1 today'),
      doc('5', 'rename trip_id to tripId'),
    ]);
    expect(ids(search, 'OPS-1234').sort()).toEqual(['1', '2']);
    expect(ids(search, 'v4.2.1')).toEqual(['4']);
    expect(ids(search, 'trip_id')).toEqual(['5']);
  });

  it('finds words hidden in chat markup and shows them normalised, keeping the text as written', () => {
    const search = index();
    search.upsert([
      doc(
        '1',
        'ask <@U1|dana> about <https://github.com/acme/billing/pull/7|the fix> :white_check_mark: *now*',
      ),
    ]);
    expect(ids(search, 'dana fix github check')).toEqual(['1']);
    const [hit] = search.search({ query: 'github' }).hits;
    expect(hit.text).toBe(
      'ask <@U1|dana> about <https://github.com/acme/billing/pull/7|the fix> :white_check_mark: *now*',
    );
    expect(hit.snippet).toBe(
      `ask dana about the fix (${HIGHLIGHT.open}github${HIGHLIGHT.close}.com) white check mark now`,
    );
  });

  it('finds the other forms of a word', () => {
    const search = index();
    search.upsert([
      doc('1', 'per-agency isolation ships Nov 6'),
      doc('2', 'we isolate agencies from each other'),
      doc('3', 'the agency called'),
    ]);
    expect(ids(search, 'isolating').sort()).toEqual(['1', '2']);
    expect(ids(search, 'agencies').sort()).toEqual(['1', '2', '3']);
  });

  it('reads the newest messages some people wrote, within since and as-of, newest first', () => {
    const search = index();
    const LENA = 'slack:T1:ULENA';
    search.upsert([
      doc('1', 'old news', { author: LENA, at: '2026-02-01T09:00:00.000Z' }),
      doc('2', 'shipped the importer', { author: LENA, at: '2026-03-02T09:00:00.000Z' }),
      doc('3', 'on the exporter now', { author: LENA, at: '2026-03-03T09:00:00.000Z' }),
      doc('4', 'after the as-of', { author: LENA, at: '2026-03-09T09:00:00.000Z' }),
      doc('5', 'by someone else', { at: '2026-03-03T10:00:00.000Z' }),
      { ...doc('6', 'a decision Lena made'), docId: 'decision:d6', kind: 'decision', author: LENA },
    ]);
    const window = { since: '2026-03-01T00:00:00.000Z', asOf: '2026-03-05T00:00:00.000Z' };
    expect(search.latestBy([LENA], window).map((hit) => hit.nativeId)).toEqual(['3', '2']);
    expect(search.latestBy([LENA], { ...window, limit: 1 }).map((hit) => hit.nativeId)).toEqual(['3']);
    expect(search.latestBy([LENA, 'slack:T1:UDANA'], window).map((hit) => hit.nativeId)).toEqual([
      '5',
      '3',
      '2',
    ]);
    expect(search.latestBy(['slack:T1:UNOBODY'], window)).toEqual([]);
  });

  it('reads a conversation oldest first, nothing after as-of, and counts documents per term', () => {
    const search = index();
    search.upsert([
      doc('1', 'what does the SLA say?', { conversationId: 'c1', at: '2026-03-02T09:00:00.000Z' }),
      doc('2', '99.5% monthly', { conversationId: 'c1', at: '2026-03-02T09:05:00.000Z' }),
      doc('3', 'later addition', { conversationId: 'c1', at: '2026-03-09T09:00:00.000Z' }),
      doc('4', 'another SLA talk', { conversationId: 'c2' }),
    ]);
    expect(search.conversations(['c1']).map((hit) => hit.nativeId)).toEqual(['1', '2', '3']);
    expect(search.conversations(['c1'], { asOf: '2026-03-03T00:00:00.000Z' }).map((hit) => hit.text)).toEqual(
      ['what does the SLA say?', '99.5% monthly'],
    );
    const stats = search.termStats(['sla', 'monthli', 'zebra']);
    expect(stats.docs).toBe(4);
    expect(Object.fromEntries(stats.df)).toEqual({ sla: 2, monthli: 1, zebra: 0 });
  });

  it('finds the index terms one typo from a word, the most used first', () => {
    const search = index();
    search.upsert([
      doc('1', 'the password reset emails never arrive'),
      doc('2', 'password rotation is due'),
      doc('3', 'passwords in the vault'),
      doc('4', 'a passport photo'),
    ]);
    // Index terms are stems: "password" and "passwords" are one term.
    expect(search.nearTerms('pasword')).toEqual([{ term: 'password', docs: 3 }]);
    expect(search.nearTerms('passwrod').map((near) => near.term)).toEqual(['password']);
    expect(search.nearTerms('password')).toEqual([]);
    expect(search.nearTerms('zebra')).toEqual([]);
  });

  it('counts its documents as they are added and removed, past one varint byte', () => {
    const search = index();
    search.upsert(Array.from({ length: 300 }, (_, i) => doc(`n${i}`, `note ${i}`)));
    expect(search.stats().docs).toBe(300);
    search.remove([{ docId: messageDocIdOf('slack:T1:C1', 'n0'), version: ++versions }]);
    search.upsert([doc('n1', 'note one again')]);
    expect(search.stats().docs).toBe(299);
    expect(search.termStats(['note']).docs).toBe(299);
  });

  it('leaves out the highlighted snippets when asked to', () => {
    const search = index();
    search.upsert([doc('1', 'the invoice run failed')]);
    expect(search.search({ query: 'invoice' }).hits[0].snippet).toContain(HIGHLIGHT.open);
    const [hit] = search.search({ query: 'invoice', snippets: false }).hits;
    expect(hit.snippet).toBe('the invoice run failed');
    expect(hit.text).toBe('the invoice run failed');
  });

  it('matches exact phrases and prefixes', () => {
    const search = index();
    search.upsert([
      doc('1', 'the rate limit was hit'),
      doc('2', 'limit the rate'),
      doc('3', 'deployment went fine'),
      doc('4', 'we deploy daily'),
    ]);
    expect(ids(search, '"rate limit"')).toEqual(['1']);
    expect(ids(search, 'rate limit').sort()).toEqual(['1', '2']);
    expect(ids(search, 'deploy*').sort()).toEqual(['3', '4']);
    expect(ids(search, 'deploy')).toEqual(['4']);
  });

  it('ranks by BM25, a title match over a body match, and marks matches in snippets', () => {
    const search = index();
    search.upsert([
      doc('long', `billing ${'filler words that say nothing much '.repeat(6)}`),
      doc('short', 'billing broke'),
      doc('topic', 'what we talked about', {
        docId: 'conversation:c1',
        kind: 'conversation',
        title: 'billing outage',
        nativeId: null,
      }),
    ]);
    const hits = search.search({ query: 'billing' }).hits;
    expect(hits.map((hit) => hit.nativeId ?? hit.docId)).toEqual(['conversation:c1', 'short', 'long']);
    expect(hits[0].score).toBeGreaterThan(hits[1].score);
    expect(hits[1].score).toBeGreaterThan(hits[2].score);
    expect(hits[1].snippet).toBe(`${HIGHLIGHT.open}billing${HIGHLIGHT.close} broke`);
    expect(hits[2].snippet.endsWith(HIGHLIGHT.ellipsis)).toBe(true);
  });

  it('searches FTS5 syntax and hostile input as plain words, and never throws on them', () => {
    const search = index();
    search.upsert([
      doc('1', 'billing AND payments NOT near the end'),
      doc('2', 'select * from search_docs; drop table'),
    ]);
    const hostile = [
      'billing AND',
      'NOT billing',
      'NEAR(billing payments)',
      'billing OR',
      '"billing" AND "x',
      'title:billing',
      'body:*',
      '^billing',
      '-billing',
      '(billing',
      'billing)',
      '"select * from search_docs"',
      "'; DROP TABLE search_docs; --",
      'x'.repeat(10_240),
      'billing '.repeat(2_000),
      '東京 Привет مرحبا',
      '🙂 billing',
      '***billing',
      'a:b:c',
      '\u0000billing\u0001',
    ];
    for (const query of hostile) {
      try {
        search.search({ query });
      } catch (error) {
        expect(isOutroError(error, 'BAD_QUERY'), `${query.slice(0, 40)}: ${String(error)}`).toBe(true);
      }
    }
    expect(ids(search, 'NEAR(billing payments)')).toEqual([]);
    expect(ids(search, 'billing AND payments NOT')).toEqual(['1']);
    expect(ids(search, '"select * from search_docs"')).toEqual(['2']);
    for (const query of ['', '"', '!!!', 'billing "rate'])
      expect(() => search.search({ query })).toThrow(/query/);
  });

  it('filters by kind, author, channel and time', () => {
    const search = index();
    search.upsert([
      doc('1', 'billing from dana in general', { at: '2026-03-01T09:00:00.000Z' }),
      doc('2', 'billing from omar in general', { author: 'slack:T1:UOMAR', at: '2026-03-02T09:00:00.000Z' }),
      doc('3', 'billing from dana in ops', { channel: 'slack:T1:C2', at: '2026-03-03T09:00:00.000Z' }),
      doc('4', 'billing decision', {
        docId: 'decision:d1',
        kind: 'decision',
        at: '2026-03-04T09:00:00.000Z',
        state: 'made',
      }),
    ]);
    expect(ids(search, { query: 'billing', from: ['slack:T1:UDANA'] }).sort()).toEqual(['1', '3', '4']);
    expect(ids(search, { query: 'billing', from: ['slack:T1:UNOBODY'] })).toEqual([]);
    expect(ids(search, { query: 'billing', channels: ['slack:T1:C2'] })).toEqual(['3']);
    expect(ids(search, { query: 'billing', kinds: ['decision'] })).toEqual(['4']);
    expect(
      ids(search, {
        query: 'billing',
        kinds: ['message'],
        since: '2026-03-02',
        until: '2026-03-02T23:59:59Z',
      }),
    ).toEqual(['2']);
    expect(ids(search, { query: 'billing', asOf: '2026-03-02T09:00:00.000Z' }).sort()).toEqual(['1', '2']);
    expect(() => search.search({ query: 'billing', since: 'last tuesday' })).toThrow(
      /since "last tuesday" is not a time/,
    );
  });

  it('filters by time exactly when documents were not added in time order', () => {
    const search = index();
    const days = [5, 1, 9, 3, 7, 2, 8];
    search.upsert(
      days.map((day) => doc(`d${day}`, 'billing', { at: new Date(Date.UTC(2026, 2, day)).toISOString() })),
    );
    const found = (request: Omit<SearchRequest, 'query'>): string[] =>
      ids(search, { query: 'billing', ...request }).sort();
    expect(found({ since: '2026-03-07' })).toEqual(['d7', 'd8', 'd9']);
    expect(found({ until: '2026-03-03' })).toEqual(['d1', 'd2', 'd3']);
    expect(found({ since: '2026-03-03', asOf: '2026-03-05' })).toEqual(['d3', 'd5']);
    expect(found({ since: '2026-04-01' })).toEqual([]);
  });

  it('rejects a message whose doc_id does not name its channel and native id', () => {
    const search = index();
    expect(() => search.upsert([{ ...doc('1', 'billing'), docId: 'message:slack:T1:C9:1' }])).toThrow(
      /message:<channel key>:<native id>/,
    );
    expect(() => search.upsert([{ ...doc('1', 'billing'), kind: 'decision' }])).toThrow(
      /only a message's starts with "message:"/,
    );
  });

  it('in any mode, ranks an older document holding every word above newer ones holding one', () => {
    const search = index();
    const at = (minute: number): string => new Date(Date.UTC(2026, 2, 1, 0, minute)).toISOString();
    search.upsert([doc('old', 'billing migration plan', { at: at(0) })]);
    search.upsert(
      Array.from({ length: RANK_WINDOW + 50 }, (_, i) =>
        doc(`n${i}`, `billing note ${i}`, { at: at(i + 1) }),
      ),
    );
    const hits = search.search({ query: 'billing migration', mode: 'any', limit: 5 }).hits;
    expect(hits[0].nativeId).toBe('old');
    expect(hits).toHaveLength(5);
    expect(
      search
        .search({ query: 'billing migration', mode: 'any', limit: 5, offset: 1 })
        .hits.map((hit) => hit.nativeId),
    ).toEqual(
      hits
        .slice(1)
        .map((hit) => hit.nativeId)
        .concat(expect.any(String)),
    );
  });

  it('pages through hits and counts them when asked', () => {
    const search = index();
    search.upsert(
      Array.from({ length: 30 }, (_, i) =>
        doc(`m${i}`, `billing note ${i}`, { at: new Date(Date.UTC(2026, 2, 1, 0, i)).toISOString() }),
      ),
    );
    const first = search.search({ query: 'billing', limit: 20, countTotal: true });
    const second = search.search({ query: 'billing', limit: 20, offset: 20 });
    expect(first.total).toBe(30);
    expect(first.hits).toHaveLength(20);
    expect(second.hits).toHaveLength(10);
    expect(new Set([...first.hits, ...second.hits].map((hit) => hit.docId)).size).toBe(30);
    expect(search.search({ query: 'billing' }).total).toBeUndefined();
  });

  it('replaces a document on a newer version, ignores an older one, and removes by doc_id', () => {
    const search = index();
    const original = doc('1', 'first draft about billing', { version: 10 });
    expect(search.upsert([original])).toBe(1);
    expect(search.upsert([{ ...original, text: 'stale text about payments', version: 5 }])).toBe(0);
    expect(search.upsert([{ ...original, text: 'final text about invoices', version: 11 }])).toBe(1);
    expect(ids(search, 'billing')).toEqual([]);
    expect(ids(search, 'payments')).toEqual([]);
    expect(ids(search, 'invoices')).toEqual(['1']);
    expect(search.remove([{ docId: original.docId, version: 9 }])).toBe(0);
    expect(search.remove([{ docId: original.docId, version: 12 }])).toBe(1);
    expect(ids(search, 'invoices')).toEqual([]);
    // A redelivered older version does not bring it back; a newer one does.
    expect(search.upsert([{ ...original, version: 11 }])).toBe(0);
    expect(search.upsert([{ ...original, text: 'back about invoices', version: 13 }])).toBe(1);
    expect(ids(search, 'invoices')).toEqual(['1']);
  });

  it('returns what a hit needs to be shown and cited', () => {
    const search = index();
    search.upsert([doc('1700000000.000100', 'billing is done', { conversationId: 'conv-9' })]);
    expect(search.search({ query: 'billing' }).hits[0]).toMatchObject({
      docId: 'message:slack:T1:C1:1700000000.000100',
      kind: 'message',
      title: '',
      text: 'billing is done',
      at: '2026-03-02T09:00:00.000Z',
      author: 'slack:T1:UDANA',
      authorName: null,
      channel: 'slack:T1:C1',
      channelName: null,
      source: 'slack',
      conversationId: 'conv-9',
      nativeId: '1700000000.000100',
      state: null,
    });
  });
});
