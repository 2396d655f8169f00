import type { ChannelUpdated } from '../domain/channel.js';
import { EVENT } from '../domain/event-catalogue.js';
import { decodeChecked, isChannelUpdated } from '../domain/payload-checks.js';
import type { SqliteDatabase } from './sqlite.js';

/**
 * Every channel.updated payload in log order, read with the zod-free check of payload-checks.ts
 * (the same payloads as EventLog.iterateTyped): a cold `ask` names its evidence's channels without zod.
 */
export function channelUpdates(db: SqliteDatabase): ChannelUpdated[] {
  const rows = db
    .prepare('SELECT payload FROM events WHERE type = ? ORDER BY seq')
    .pluck()
    .all(EVENT.channelUpdated) as string[];
  return rows.flatMap((json) => decodeChecked(json, isChannelUpdated) ?? []);
}
