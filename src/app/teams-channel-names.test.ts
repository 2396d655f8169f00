import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChannelDirectory } from '../answers/channel-names.js';
import { CONNECTORS } from '../connectors/registry.js';
import { storeStats } from '../memory/store-stats.js';
import { makeTempDir } from '../test-support/temp-dir.js';
import { ingestPaths } from './ingest.js';
import { openStore, type Store } from './store.js';

const TEAM = 'team-8d3e';
const CHANNEL = '19:7f3c1a9e5b2d4c8e9a0f6b1d3e5c7a9b@thread.tacv2';
const MESSAGES = {
  '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#teams('${TEAM}')/channels('${encodeURIComponent(CHANNEL)}')/messages`,
  value: [
    {
      id: '1794212445199',
      messageType: 'message',
      createdDateTime: '2026-02-27T08:20:45.199Z',
      from: { user: { id: 'u-ana', displayName: 'Ana Ruiz', userIdentityType: 'aadUser' } },
      body: { contentType: 'text', content: 'Brightwave wants the VAT fix by Friday' },
    },
  ],
};
const CHANNELS = {
  '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#teams('${TEAM}')/channels`,
  value: [{ id: CHANNEL, displayName: 'payments-partner', membershipType: 'standard' }],
};

/** Graph message lists carry no channel names: a channel list or the config names them. */
describe('Teams channel names', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let store: Store;
  beforeEach(() => {
    temp = makeTempDir('outro-teams-names-');
    store = openStore(join(temp.dir, 'outro.db'));
    writeFileSync(join(temp.dir, 'messages.json'), JSON.stringify(MESSAGES));
    writeFileSync(join(temp.dir, 'channels.json'), JSON.stringify(CHANNELS));
  });
  afterEach(() => {
    store.close();
    temp.cleanup();
  });

  const ingest = (names: string[], teamsChannelNames?: Record<string, string>) =>
    ingestPaths(
      store,
      names.map((name) => join(temp.dir, name)),
      {
        connectors: CONNECTORS,
        connectorOptions: {
          now: new Date('2026-03-01T12:00:00Z'),
          calendarPastDays: 30,
          calendarFutureDays: 90,
          ...(teamsChannelNames ? { teamsChannelNames } : {}),
        },
      },
    );
  const label = () => ChannelDirectory.fromLog(store.log).labelOf('teams', CHANNEL, (key) => key);
  const statsName = () => storeStats(store.db).channels.find((c) => c.key.endsWith(CHANNEL))?.name;

  for (const order of [
    ['messages.json', 'channels.json'],
    ['channels.json', 'messages.json'],
  ])
    it(`shows #payments-partner when the channel list is ingested alongside (${order.join(' then ')})`, async () => {
      for (const name of order) await ingest([name]);
      expect(label()).toBe('#payments-partner');
      expect(statsName()).toBe('payments-partner');
    });

  it('shows the id-made name without a channel list, and the config name with teams.channels', async () => {
    await ingest(['messages.json']);
    expect(label()).toBe('#7f3c1a9e5b2d4c8e9a0f6b1d3e5c7a9b');
    await ingest(['messages.json'], { [CHANNEL]: 'payments-partner' });
    expect(label()).toBe('#payments-partner');
  });
});
