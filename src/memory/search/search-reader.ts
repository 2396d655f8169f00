import { oneEditApart } from './one-edit.js';
import type { Statement } from 'better-sqlite3';
import { OutroError } from '../../domain/errors.js';
import type { SqliteDatabase } from '../sqlite.js';
import { parseSearchQuery, type ParsedSearchQuery } from './parse-search-query.js';
import { HIT_COLUMNS, HIT_JOINS, toHit, type DocRow } from './search-hit-row.js';
import { HIGHLIGHT, type SearchHit, type SearchRequest, type SearchResult } from './search-types.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 1000;
/** Tokens of context a snippet shows around the matched words. */
const SNIPPET_TOKENS = 24;
/**
 * The newest matches ranked per query. BM25 costs about a microsecond per match, so a word in a
 * third of a million messages would cost a third of a second; past this many matches, the best of
 * the newest ones are returned (a recency prior that chat search wants anyway).
 */
export const RANK_WINDOW = 5_000;
/** A time filter is also turned into a row id range when at most this many documents fall in it. */
const TIME_BOUND_DOCS = 50_000;
/** Column weights for BM25: the title (topic, fact relation) over the body. */
const BM25 = 'bm25(search_fts, 2.0, 1.0)';

interface Filters {
  sql: string[];
  params: unknown[];
  /** True when a filter reads search_filters (the query must join it). */
  joins: boolean;
  asOfMs: number | undefined;
  /** No document can pass (an unknown person or channel, no kinds, nothing in the time range). */
  empty: boolean;
}

/**
 * Runs searches against the search tables. Two steps: rank the matches and take one page of ids,
 * then read those documents, their names and snippets (only for the page).
 */
export class SearchReader {
  private readonly statements = new Map<string, Statement>();
  private vocab: Statement | undefined;
  private vocabRange: Statement | undefined;

  constructor(private readonly db: SqliteDatabase) {}

  search(request: SearchRequest): SearchResult {
    const query = parseSearchQuery(request.query, request.mode ?? 'all');
    const limit = clampInt(request.limit ?? DEFAULT_LIMIT, 1, MAX_LIMIT);
    const offset = clampInt(request.offset ?? 0, 0, Number.MAX_SAFE_INTEGER);
    const filters = this.filters(request);
    if (filters.empty) return { hits: [], ...(request.countTotal ? { total: 0 } : {}), query };
    const ranked = this.rank(query, filters, limit, offset);
    const hits = this.hits(query, ranked, filters.asOfMs, request.snippets !== false);
    if (!request.countTotal) return { hits, query };
    return { hits, total: this.count(query, filters), query };
  }

  /**
   * One page of matches by BM25 (best first; ties: newest first), ranking at most the newest
   * RANK_WINDOW matches that pass the filters. FTS5 walks the matches newest first, the filters
   * are checked per match, and BM25 is computed only for those that pass.
   *
   * In any mode the documents holding every word are ranked too (their own window), so an older
   * document that has them all is not lost behind newer ones that hold one common word. Both
   * queries have the same phrases, so BM25 gives a document the same score in either.
   */
  private rank(
    query: ParsedSearchQuery,
    filters: Filters,
    limit: number,
    offset: number,
  ): Array<{ id: number; score: number }> {
    if (query.mode === 'all' || query.terms.length === 1)
      return this.rankWindow(query.match, filters, limit, offset);
    const wanted = offset + limit;
    const merged = new Map<number, number>();
    for (const match of [query.allMatch, query.match])
      for (const { id, score } of this.rankWindow(match, filters, wanted, 0)) merged.set(id, score);
    return [...merged]
      .map(([id, score]) => ({ id, score }))
      .sort((a, b) => a.score - b.score || b.id - a.id)
      .slice(offset, wanted);
  }

  private rankWindow(
    match: string,
    filters: Filters,
    limit: number,
    offset: number,
  ): Array<{ id: number; score: number }> {
    const sql = `SELECT id, score FROM (
        SELECT f.rowid AS id, ${BM25} AS score FROM ${this.from(filters)} WHERE ${this.where(filters)} ORDER BY f.rowid DESC LIMIT ?
      ) ORDER BY score, id DESC LIMIT ? OFFSET ?`;
    const window = Math.max(RANK_WINDOW, offset + limit);
    return this.guard(
      () =>
        this.statement(sql).all(match, ...filters.params, window, limit, offset) as Array<{
          id: number;
          score: number;
        }>,
    );
  }

  private count(query: ParsedSearchQuery, filters: Filters): number {
    const sql = `SELECT count(*) FROM ${this.from(filters)} WHERE ${this.where(filters)}`;
    return this.guard(() => this.statement(sql, true).get(query.match, ...filters.params) as number);
  }

  private from(filters: Filters): string {
    return filters.joins ? 'search_fts f JOIN search_filters d ON d.id = f.rowid' : 'search_fts f';
  }

  private where(filters: Filters): string {
    return ['search_fts MATCH ?', ...filters.sql].join(' AND ');
  }

  private hits(
    query: ParsedSearchQuery,
    ranked: ReadonlyArray<{ id: number; score: number }>,
    asOfMs: number | undefined,
    withSnippets: boolean,
  ): SearchHit[] {
    if (ranked.length === 0) return [];
    const ids = ranked.map((row) => row.id);
    const marks = ids.map(() => '?').join(', ');
    const rows = this.statement(
      `SELECT ${HIT_COLUMNS}
       FROM search_docs d
       ${HIT_JOINS}
       WHERE d.id IN (${marks})`,
    ).all(...ids) as DocRow[];
    // FTS5 runs the query once per id of `rowid IN (…)`: cheap for words, but a prefix is expanded
    // each time, so for a prefix one pass over the matches (from the lowest id wanted) is cheaper.
    const prefix = query.terms.some((term) => term.prefix);
    const snippetSql = `SELECT rowid AS id, snippet(search_fts, -1, '${HIGHLIGHT.open}', '${HIGHLIGHT.close}', '${HIGHLIGHT.ellipsis}', ${SNIPPET_TOKENS}) AS snippet
      FROM search_fts WHERE search_fts MATCH ? AND ${prefix ? `rowid >= ? AND +rowid IN (${marks})` : `rowid IN (${marks})`}`;
    const snippetParams = prefix ? [query.match, Math.min(...ids), ...ids] : [query.match, ...ids];
    const snippets = withSnippets
      ? this.guard(
          () => this.statement(snippetSql).all(...snippetParams) as Array<{ id: number; snippet: string }>,
        )
      : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    const snippetOf = new Map(snippets.map((row) => [row.id, row.snippet]));
    return ranked.flatMap(({ id, score }) => {
      const row = byId.get(id);
      return row ? [toHit(row, -score, snippetOf.get(id) ?? row.body, asOfMs)] : [];
    });
  }

  /**
   * The documents of some conversations (messages and items), oldest first, with nothing dated after
   * `asOf`: the thread around a hit, for answers that read a reply or a correction. `limit` caps the
   * documents per call (the newest are dropped first).
   */
  conversations(
    conversationIds: readonly string[],
    options: { asOf?: string; limit?: number } = {},
  ): SearchHit[] {
    const ids = [...new Set(conversationIds)].slice(0, MAX_LIMIT);
    if (ids.length === 0) return [];
    const asOfMs = timeOf('asOf', options.asOf);
    const limit = clampInt(options.limit ?? 500, 1, 5000);
    const rows = this.statement(
      `SELECT ${HIT_COLUMNS}
       FROM search_conversations k
       JOIN search_links l0 ON l0.conversation = k.id
       JOIN search_docs d ON d.id = l0.id
       ${HIT_JOINS}
       WHERE k.key IN (${ids.map(() => '?').join(', ')}) AND x.at <= ?
       ORDER BY x.at, d.id LIMIT ?`,
    ).all(...ids, asOfMs ?? Number.MAX_SAFE_INTEGER, limit) as DocRow[];
    return rows.map((row) => toHit(row, 0, row.body, asOfMs));
  }

  /**
   * The newest messages some people wrote, newest first, dated from `since` to `asOf` (inclusive):
   * what a person has been saying lately, for questions about them that no record answers.
   */
  latestBy(
    authors: readonly string[],
    options: { since?: string; asOf?: string; limit?: number } = {},
  ): SearchHit[] {
    const ids = this.idsOf('search_people', [...new Set(authors)].slice(0, MAX_LIMIT));
    if (ids.length === 0) return [];
    const asOfMs = timeOf('asOf', options.asOf);
    const sinceMs = timeOf('since', options.since);
    const limit = clampInt(options.limit ?? 20, 1, MAX_LIMIT);
    const rows = this.statement(
      `SELECT ${HIT_COLUMNS}
       FROM search_docs d
       ${HIT_JOINS}
       WHERE d.id IN (
         SELECT id FROM search_filters
         WHERE at >= ? AND at <= ? AND kind = 'message' AND author IN (${ids.map(() => '?').join(', ')})
         ORDER BY at DESC, id DESC LIMIT ?)
       ORDER BY x.at DESC, x.id DESC`,
    ).all(sinceMs ?? 0, asOfMs ?? Number.MAX_SAFE_INTEGER, ...ids, limit) as DocRow[];
    return rows.map((row) => toHit(row, 0, row.body, asOfMs));
  }

  /**
   * How many documents hold each index term (stemmed, as `indexTerms` makes them), and how many
   * documents there are: the inverse document frequencies answers weight query words by.
   */
  termStats(terms: readonly string[]): { docs: number; df: Map<string, number> } {
    const vocab = this.openVocab();
    const df = new Map<string, number>();
    for (const term of new Set(terms)) df.set(term, (vocab.get(term) as number | undefined) ?? 0);
    return { docs: this.docCount(), df };
  }

  /**
   * The index terms one typo away from `term` (a letter added, dropped, changed or two swapped),
   * sharing its first two letters, with how many documents hold each, most first: "pasword" →
   * "password". Read from the vocabulary by prefix, so a large index reads only that range.
   */
  nearTerms(term: string): Array<{ term: string; docs: number }> {
    this.openVocab();
    this.vocabRange ??= this.db.prepare(
      'SELECT term, doc FROM temp.search_vocab WHERE term >= ? AND term < ?',
    );
    const prefix = term.slice(0, 2);
    const rows = this.vocabRange.all(prefix, `${prefix}\uffff`) as Array<{ term: string; doc: number }>;
    return rows
      .filter((row) => row.term !== term && oneEditApart(row.term, term))
      .map((row) => ({ term: row.term, docs: row.doc }))
      .sort((a, b) => b.docs - a.docs || (a.term < b.term ? -1 : 1));
  }

  private openVocab(): Statement {
    if (!this.vocab) {
      this.db.exec(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, 'search_fts', 'row')",
      );
      this.vocab = this.db.prepare('SELECT doc FROM temp.search_vocab WHERE term = ?').pluck();
    }
    return this.vocab;
  }

  /**
   * Channels a user named: by key, by native id (the key's last part) or by display name ("#eng",
   * "eng", case-insensitive), with their names; several when a name is used in several sources.
   */
  channelsNamed(text: string): Array<{ key: string; name: string | null }> {
    const wanted = text.trim().replace(/^#/, '');
    if (wanted === '') return [];
    const lower = wanted.toLowerCase();
    return (
      this.statement('SELECT key, name FROM search_channels ORDER BY key').all() as Array<{
        key: string;
        name: string | null;
      }>
    ).filter(
      ({ key, name }) => key === wanted || key.endsWith(`:${wanted}`) || name?.toLowerCase() === lower,
    );
  }

  /**
   * Documents in the index: the row count FTS5 keeps for BM25 (its averages record, one row), which
   * the writer keeps equal to search_docs'. Counting the rows instead reads the whole table: a
   * third of a second on a cold million-document store.
   */
  docCount(): number {
    const block = this.statement(
      `SELECT block FROM search_fts_data WHERE id = ${FTS5_AVERAGES_ROWID}`,
      true,
    ).get();
    const rows = block instanceof Uint8Array ? leadingVarint(block) : undefined;
    return rows ?? (this.statement('SELECT count(*) FROM search_filters', true).get() as number);
  }

  private filters(request: SearchRequest): Filters {
    const filters: Filters = { sql: [], params: [], joins: false, asOfMs: undefined, empty: false };
    const add = (sql: string, ...params: unknown[]): void => {
      filters.sql.push(sql);
      filters.params.push(...params);
      filters.joins = true;
    };
    if (request.kinds !== undefined) {
      if (request.kinds.length === 0) filters.empty = true;
      else add(`d.kind IN (${request.kinds.map(() => '?').join(', ')})`, ...request.kinds);
    }
    for (const [field, table, keys] of [
      ['author', 'search_people', request.from],
      ['channel', 'search_channels', request.channels],
    ] as const) {
      if (keys === undefined) continue;
      const ids = this.idsOf(table, keys);
      if (ids.length === 0) filters.empty = true;
      else add(`d.${field} IN (${ids.map(() => '?').join(', ')})`, ...ids);
    }
    const since = timeOf('since', request.since);
    const untils = [timeOf('until', request.until), timeOf('asOf', request.asOf)].filter(
      (ms): ms is number => ms !== undefined,
    );
    const until = untils.length > 0 ? Math.min(...untils) : undefined;
    // A bound no document is outside of (an as-of after the last message) filters nothing: it is left out.
    if (since !== undefined && this.anyOutside('since', since)) {
      add('d.at >= ?', since);
      this.bound(filters, 'since', since);
    }
    if (until !== undefined && this.anyOutside('until', until)) {
      add('d.at <= ?', until);
      this.bound(filters, 'until', until);
    }
    filters.asOfMs = timeOf('asOf', request.asOf);
    return filters;
  }

  /** Whether any document is dated before `since` or after `until` (one step of the time index). */
  private anyOutside(side: 'since' | 'until', ms: number): boolean {
    const sql = `SELECT 1 FROM search_filters WHERE at ${side === 'since' ? '<' : '>'} ? LIMIT 1`;
    return this.statement(sql, true).get(ms) !== undefined;
  }

  /**
   * A time filter as a range of row ids too, when few documents fall in it: FTS5 then skips the
   * matches outside the range instead of each being looked up and dropped. Exact whatever the
   * order documents were added in (the bound is the least or greatest id in the time range).
   */
  private bound(filters: Filters, side: 'since' | 'until', ms: number): void {
    const sql =
      side === 'since'
        ? `SELECT min(id) AS id, count(*) AS n FROM (SELECT id FROM search_filters WHERE at >= ? LIMIT ${TIME_BOUND_DOCS + 1})`
        : `SELECT max(id) AS id, count(*) AS n FROM (SELECT id FROM search_filters WHERE at <= ? LIMIT ${TIME_BOUND_DOCS + 1})`;
    const { id, n } = this.statement(sql).get(ms) as { id: number | null; n: number };
    if (n === 0 || id === null) filters.empty = true;
    else if (n <= TIME_BOUND_DOCS) {
      filters.sql.push(side === 'since' ? 'f.rowid >= ?' : 'f.rowid <= ?');
      filters.params.push(id);
    }
  }

  private idsOf(table: 'search_people' | 'search_channels', keys: readonly string[]): number[] {
    if (keys.length === 0) return [];
    return this.statement(
      `SELECT id FROM ${table} WHERE key IN (${keys.map(() => '?').join(', ')})`,
      true,
    ).all(...keys) as number[];
  }

  private statement(sql: string, pluck = false): Statement {
    const key = `${pluck ? 'p' : 'r'}:${sql}`;
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (pluck) statement.pluck();
      if (this.statements.size > 200) this.statements.clear();
      this.statements.set(key, statement);
    }
    return statement;
  }

  /** FTS5 query errors should not happen (every token is quoted); if one does, it is ours, not the user's. */
  private guard<T>(run: () => T): T {
    try {
      return run();
    } catch (error) {
      // Only an FTS5 query error is replaced, and without its text; anything else (a busy or damaged store) goes on as it is.
      if (!(error instanceof Error) || !/\bfts5\b/i.test(error.message)) throw error;
      throw new OutroError(
        'INTERNAL',
        'The search index could not run this query. This is a bug in outro; please report it with the query.',
      );
    }
  }
}

/** FTS5's %_data row holding the table's row count and token totals (varints, the count first). */
const FTS5_AVERAGES_ROWID = 1;

/** The SQLite varint at the start of `bytes` (big-endian, 7 bits a byte, 8 in the ninth); undefined when cut short. */
function leadingVarint(bytes: Uint8Array): number | undefined {
  let value = 0;
  for (let i = 0; i < Math.min(9, bytes.length); i++) {
    if (i === 8) return value * 256 + bytes[i];
    value = value * 128 + (bytes[i] & 0x7f);
    if ((bytes[i] & 0x80) === 0) return value;
  }
  return undefined;
}

function timeOf(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms))
    throw new OutroError(
      'USAGE',
      `${name} "${value}" is not a time. Write an ISO date or time, such as 2026-05-01 or 2026-05-01T09:00:00Z.`,
    );
  return ms;
}

function clampInt(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(max, Math.max(min, Math.floor(value))) : min;
}
