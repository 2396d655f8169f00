import path from 'node:path';
import { loadConfig } from '../../../app/config.js';
import { ingestPaths } from '../../../app/ingest.js';
import type { Store } from '../../../app/store.js';
import { CONNECTORS } from '../../../connectors/registry.js';

/**
 * Ingests a fixture workspace's chat exports (slack/, discord/, teams/) into `store` as of `now`,
 * in this thread, with the workspace's outro.yaml aliases. Returns the config's timezone.
 */
export async function ingestFixtureChats(
  store: Store,
  workspace: string,
  now: Date,
): Promise<{ timezone?: string }> {
  const config = loadConfig(path.join(workspace, 'outro.yaml'));
  await ingestPaths(
    store,
    ['slack', 'discord', 'teams'].map((source) => path.join(workspace, source)),
    {
      connectors: CONNECTORS,
      connectorOptions: { now, calendarPastDays: 30, calendarFutureDays: 30 },
      aliases: config.people,
      worker: 'never',
    },
  );
  return { timezone: config.timezone };
}
