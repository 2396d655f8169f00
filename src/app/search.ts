import { OutroError } from '../domain/errors.js';
import { localDateTime, nextDate, startOfLocalDay } from '../domain/time-zones.js';
import type { SearchHit, SearchKind } from '../memory/search/search-types.js';
import type { AppContext } from './app-context.js';
import type { SearchInput } from './operation-inputs.js';

/** `--kind` words and the index kinds they name. */
export const SEARCH_KIND_WORDS: Record<SearchInput['kinds'][number], SearchKind> = {
  message: 'message',
  decision: 'decision',
  item: 'action_item',
  question: 'question',
  fact: 'fact',
  conversation: 'conversation',
};

export interface SearchResultHit extends SearchHit {
  /** The hit's time in the config zone (`YYYY-MM-DD HH:MM`). */
  localTime: string;
}

export interface SearchOutput {
  query: string;
  /** The words searched for, as the index reads them. */
  terms: string[];
  hits: SearchResultHit[];
  /** Every match under the filters. */
  total: number;
  /** The filters as resolved: who --from named, which channels --channel named. */
  filters: {
    from: { name: string; keys: string[] } | null;
    channels: Array<{ key: string; name: string | null }> | null;
    since: string | null;
    until: string | null;
    kinds: SearchKind[] | null;
  };
  timeZone: string;
  tookMs: number;
}

/**
 * `outro search`: ranked messages, conversations, decisions, items, questions and facts with
 * snippets. `from` resolves through the people directory (every identity of that human), `channel`
 * by key, native id or name; days are read in the config time zone (since: its start, until: its end).
 */
export async function search(ctx: AppContext, input: SearchInput): Promise<SearchOutput> {
  const started = performance.now();
  const { SqliteSearchIndex } = await import('../memory/search/sqlite-search-index.js');
  const config = ctx.config();
  const timeZone = config.timezone ?? 'UTC';
  const db = ctx.store().db;
  const index = new SqliteSearchIndex(db);
  let from: SearchOutput['filters']['from'] = null;
  if (input.from !== undefined) {
    const { loadPeopleDirectory } = await import('../answers/people/directory-snapshot.js');
    const human = loadPeopleDirectory(db).find(input.from);
    if (!human)
      throw new OutroError(
        'USAGE',
        `--from ${input.from}: no person by that name, handle or email. Check the spelling, or see the people with \`outro status\`.`,
      );
    from = { name: human.name, keys: human.keys };
  }
  let channels: SearchOutput['filters']['channels'] = null;
  if (input.channel !== undefined) {
    channels = index.channelsNamed(input.channel);
    if (channels.length === 0)
      throw new OutroError(
        'USAGE',
        `--channel ${input.channel}: no channel by that name or key. Channel names are as in the export (e.g. --channel eng or --channel "#eng").`,
      );
  }
  const since = input.since === undefined ? undefined : dayOrTime('--since', input.since, timeZone, 'start');
  const until = input.until === undefined ? undefined : dayOrTime('--until', input.until, timeZone, 'end');
  const kinds =
    input.kinds.length > 0 ? [...new Set(input.kinds.map((kind) => SEARCH_KIND_WORDS[kind]))] : null;
  const result = index.search({
    query: input.query,
    from: from?.keys,
    channels: channels?.map((channel) => channel.key),
    since,
    until,
    kinds: kinds ?? undefined,
    limit: input.limit,
    countTotal: true,
  });
  return {
    query: input.query,
    terms: result.query.terms.map((term) => `${term.tokens.join(' ')}${term.prefix ? '*' : ''}`),
    hits: result.hits.map((hit) => ({ ...hit, localTime: localDateTime(hit.at, timeZone) })),
    total: result.total ?? result.hits.length,
    filters: { from, channels, since: since ?? null, until: until ?? null, kinds },
    timeZone,
    tookMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

/** A day (`YYYY-MM-DD`: its start or end in the zone) or an ISO time. */
function dayOrTime(flag: string, value: string, zone: string, side: 'start' | 'end'): string {
  const day = /^\d{4}-\d{2}-\d{2}$/.exec(value.trim());
  if (day) {
    // The end of a day is the instant before the next one starts (23 or 25 hours across DST).
    return side === 'start'
      ? startOfLocalDay(day[0], zone).toISOString()
      : new Date(startOfLocalDay(nextDate(day[0]), zone).getTime() - 1).toISOString();
  }
  const ms = Date.parse(value.trim());
  if (Number.isNaN(ms))
    throw new OutroError(
      'USAGE',
      `${flag} ${value} is not a date: use YYYY-MM-DD or an ISO time like 2026-11-10T09:00:00Z.`,
    );
  return new Date(ms).toISOString();
}
