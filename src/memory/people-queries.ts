import { EVENT } from '../domain/event-catalogue.js';
import type { MessagePosted } from '../domain/message.js';
import { decodeChecked, isPersonLinked, isPersonUpdated } from '../domain/payload-checks.js';
import type { PersonLinked, PersonUpdated } from '../domain/person.js';
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
 * a cheap filter in SQLite on the first 200 characters, read whole by `readIntroduction`.
 */
export function introductionCandidates(
  db: SqliteDatabase,
): Array<Pick<MessagePosted, 'author' | 'text' | 'kind'>> {
  const head = `lower(substr(json_extract(payload, '$.text'), 1, 200))`;
  const cues = [' here', "it's ", 'its ', 'this is ', "i'm ", 'i’m ', 'im ', 'i am ', 'my name is '];
  const rows = db
    .prepare(
      `SELECT json_extract(payload, '$.author') AS author, json_extract(payload, '$.text') AS text
         FROM events
        WHERE type = ? AND json_extract(payload, '$.kind') = 'message'
          AND (${cues.map(() => `${head} LIKE ?`).join(' OR ')})
        ORDER BY seq`,
    )
    .all(EVENT.messagePosted, ...cues.map((cue) => `%${cue}%`)) as Array<{ author: unknown; text: unknown }>;
  return rows.flatMap((row) =>
    typeof row.author === 'string' && typeof row.text === 'string'
      ? [{ author: row.author, text: row.text, kind: 'message' as const }]
      : [],
  );
}
