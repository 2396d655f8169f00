import { EVENT } from '../domain/event-catalogue.js';
import type { MessagePosted } from '../domain/message.js';
import { decodeChecked, isPersonLinked, isPersonUpdated } from '../domain/payload-checks.js';
import type { PersonLinked, PersonUpdated } from '../domain/person.js';
import { introductionFilter, introductionPatterns } from './introduction-cues.js';
import type { SqliteDatabase } from './sqlite.js';

/**
 * The latest profile of every native identity. People and links are read with the zod-free checks
 * of payload-checks.ts (the same events are skipped): a cold `ask` reads them and loads no zod.
 */
export function latestProfiles(db: SqliteDatabase): PersonUpdated[] {
  const rows = db
    .prepare(
      `SELECT payload FROM events WHERE seq IN (SELECT max(seq) FROM events WHERE type = ? GROUP BY stream) ORDER BY stream`,
    )
    .all(EVENT.personUpdated) as Array<{ payload: string }>;
  return rows.flatMap((row) => decodeChecked(row.payload, isPersonUpdated) ?? []);
}

export function allLinks(db: SqliteDatabase): PersonLinked[] {
  const rows = db
    .prepare('SELECT payload FROM events WHERE type = ? ORDER BY seq')
    .all(EVENT.personLinked) as Array<{ payload: string }>;
  return rows.flatMap((row) => decodeChecked(row.payload, isPersonLinked) ?? []);
}

/**
 * Chat messages that may open with a self-introduction ("Lou here", "I'm Leila from Brightwater"):
 * the cues in the first 200 characters (introduction-cues.ts), read whole by `readIntroduction`.
 * Reads the messages the ingest kept aside for this (migration 012), not every message.
 */
export function introductionCandidates(
  db: SqliteDatabase,
): Array<Pick<MessagePosted, 'author' | 'text' | 'kind'>> {
  const rows = db
    .prepare(
      `SELECT author, text FROM introduction_candidates WHERE ${introductionFilter('text')} ORDER BY posted_seq`,
    )
    .all(...introductionPatterns()) as Array<{ author: string; text: string }>;
  return rows.map((row) => ({ author: row.author, text: row.text, kind: 'message' as const }));
}
