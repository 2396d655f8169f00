import { EVENT } from '../domain/events.js';
import type { PersonLinked, PersonUpdated } from '../domain/person.js';
import { decodePayload } from './event-log.js';
import type { SqliteDatabase } from './sqlite.js';

/** The latest profile of every native identity. */
export function latestProfiles(db: SqliteDatabase): PersonUpdated[] {
  const rows = db
    .prepare(
      `SELECT payload FROM events WHERE seq IN (SELECT max(seq) FROM events WHERE type = ? GROUP BY stream) ORDER BY stream`,
    )
    .all(EVENT.personUpdated) as Array<{ payload: string }>;
  return rows.flatMap((row) => decodePayload(EVENT.personUpdated, row.payload) ?? []);
}

export function allLinks(db: SqliteDatabase): PersonLinked[] {
  const rows = db
    .prepare('SELECT payload FROM events WHERE type = ? ORDER BY seq')
    .all(EVENT.personLinked) as Array<{ payload: string }>;
  return rows.flatMap((row) => decodePayload(EVENT.personLinked, row.payload) ?? []);
}
