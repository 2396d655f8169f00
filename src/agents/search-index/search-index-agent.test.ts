import { describe, expect, it } from 'vitest';
import { EVENT } from '../../domain/events.js';
import { rebuildSearchIndex } from '../../memory/search/rebuild-search-index.js';
import { SqliteSearchIndex } from '../../memory/search/sqlite-search-index.js';
import {
  channelEvent,
  deleted,
  edited,
  openSearchDatabase,
  personEvent,
  posted,
} from '../../memory/search/test-support/search-events.js';
import { searchSnapshot } from '../../memory/search/test-support/search-snapshot.js';
import { runUntilDrained } from '../run-until-drained.js';
import { SearchIndexAgent } from './search-index-agent.js';

const at = (minute: number): string => new Date(Date.UTC(2026, 2, 2, 9, minute)).toISOString();

describe('SearchIndexAgent', () => {
  it('subscribes to what the index reads and produces nothing', () => {
    const agent = new SearchIndexAgent();
    expect(agent.produces).toEqual([]);
    expect(agent.consumes).toEqual(
      expect.arrayContaining([
        EVENT.messagePosted,
        EVENT.messageEdited,
        EVENT.decisionRecorded,
        EVENT.factAsserted,
      ]),
    );
  });

  it('keeps the index in step with the log, run after run, and ends where a rebuild ends', async () => {
    const { db, log } = openSearchDatabase();
    log.appendAll([
      personEvent('UDANA', 'Dana'),
      channelEvent('C1', 'billing'),
      posted('100.1', 'the invoice run failed', at(1)),
      posted('100.2', 'retrying the invoices now', at(2)),
    ]);
    const agent = new SearchIndexAgent();
    await runUntilDrained({ db, log, agents: [agent] });
    const search = new SqliteSearchIndex(db);
    expect(
      search
        .search({ query: 'invoice' })
        .hits.map((hit) => hit.nativeId)
        .sort(),
    ).toEqual(['100.1', '100.2']);
    log.appendAll([edited('100.1', 'the payroll run failed', at(3)), deleted('100.2', at(4))]);
    await runUntilDrained({ db, log, agents: [agent] });
    expect(search.search({ query: 'invoice' }).hits).toEqual([]);
    expect(search.search({ query: 'payroll' }).hits[0]).toMatchObject({
      authorName: 'Dana',
      channelName: 'billing',
    });
    const incremental = searchSnapshot(db);
    rebuildSearchIndex(db);
    expect(searchSnapshot(db)).toEqual(incremental);
    db.close();
  });
});
