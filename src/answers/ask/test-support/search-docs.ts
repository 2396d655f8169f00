import { MapEvidenceSource } from '../../../memory/facts/map-evidence-source.js';
import { MemoryGraphStore } from '../../../memory/graph/memory-graph-store.js';
import { MIGRATIONS } from '../../../memory/migrations/index.js';
import type { SearchDocInput } from '../../../memory/search/search-types.js';
import { SqliteSearchIndex } from '../../../memory/search/sqlite-search-index.js';
import { openDatabase } from '../../../memory/sqlite.js';
import type { PeopleDirectory } from '../../people/people-directory.js';
import type { AskSources } from '../answer-support.js';
import { slackKey } from './slack-people.js';

let seq = 0;

/** A Slack message in #general as the search index holds it, by the Slack user `author`, in its own conversation unless named. */
export function messageDoc(
  author: string,
  at: string,
  text: string,
  conversationId = `c${seq + 1}`,
): SearchDocInput {
  const id = `${Date.parse(at) / 1000}.${String(++seq).padStart(6, '0')}`;
  return {
    docId: `message:slack:T1:CGEN:${id}`,
    kind: 'message',
    title: '',
    text,
    author: slackKey(author),
    channel: 'slack:T1:CGEN',
    at,
    conversationId,
    nativeId: id,
    state: null,
    version: seq,
  };
}

/** Ask sources over an in-memory store whose search index holds `docs` (no graph records, UTC). */
export function indexedSources(
  docs: readonly SearchDocInput[],
  people: PeopleDirectory,
  asOf: string,
): AskSources & { search: SqliteSearchIndex } {
  const db = openDatabase(':memory:', { migrations: MIGRATIONS });
  const search = new SqliteSearchIndex(db);
  search.upsert([...docs]);
  return {
    graph: new MemoryGraphStore(),
    evidence: new MapEvidenceSource(),
    people,
    me: [],
    now: new Date(asOf),
    timeZone: 'UTC',
    search,
  };
}
