import { EVENT } from '../domain/event-catalogue.js';
import type { SqliteDatabase } from './sqlite.js';

/** A kept people directory as stored (JSON texts; the answers layer knows their shape). */
export interface PeopleSnapshotRow {
  humans: string;
  profiles: string;
  links: string;
}

/** Which name index a form is in (0, 1, 2: the answers layer names them) and its humans (JSON). */
export type PeopleNameRow = [kind: number, form: string, humans: string];

/**
 * Which people events a directory was built from: the last seq of each kind. The log only grows,
 * so the same pair means the same profiles and links.
 */
export function peopleVersion(db: SqliteDatabase): string {
  const row = db
    .prepare(
      `SELECT (SELECT max(seq) FROM events WHERE type = ?) AS updated, (SELECT max(seq) FROM events WHERE type = ?) AS linked`,
    )
    .get(EVENT.personUpdated, EVENT.personLinked) as { updated: number | null; linked: number | null };
  return `${row.updated ?? 0}:${row.linked ?? 0}`;
}

/** The kept directory's humans (JSON) when it was built for `version`, else undefined. */
export function readPeopleHumans(db: SqliteDatabase, version: string): string | undefined {
  const row = db.prepare('SELECT humans FROM people_snapshot WHERE id = 1 AND version = ?').get(version) as
    { humans: string } | undefined;
  return row?.humans;
}

/** The kept directory's profiles or links (JSON), read when first needed; undefined once replaced. */
export function readPeoplePart(
  db: SqliteDatabase,
  version: string,
  part: 'profiles' | 'links',
): string | undefined {
  const column = part === 'profiles' ? 'profiles' : 'links';
  const row = db
    .prepare(`SELECT ${column} AS part FROM people_snapshot WHERE id = 1 AND version = ?`)
    .get(version) as { part: string } | undefined;
  return row?.part;
}

/**
 * Looks up the kept name index of `version`: the humans' JSON, undefined when no one has the name,
 * or null once another reader has replaced the snapshot (the caller builds its own index then).
 */
export function peopleNameLookup(
  db: SqliteDatabase,
  version: string,
): (kind: number, form: string) => string | undefined | null {
  const select = db.prepare(
    `SELECT (SELECT version FROM people_snapshot WHERE id = 1) AS version,
            (SELECT humans FROM people_names WHERE kind = ? AND form = ?) AS humans`,
  );
  return (kind, form) => {
    const row = select.get(kind, form) as { version: string | null; humans: string | null };
    if (row.version !== version) return null;
    return row.humans ?? undefined;
  };
}

/**
 * Keeps a directory as the one of `version`, replacing the last. A cache: where the store cannot
 * be written now (read only, in a transaction, or another writer holds it) nothing is kept and
 * the next reader builds the directory again.
 */
export function writePeopleSnapshot(
  db: SqliteDatabase,
  version: string,
  row: PeopleSnapshotRow,
  names: Iterable<PeopleNameRow>,
): void {
  if (db.readonly || db.inTransaction) return;
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  // Not worth waiting for an ingest's write lock: the reader has its directory already.
  db.pragma('busy_timeout = 0');
  try {
    const insertName = db.prepare('INSERT INTO people_names (kind, form, humans) VALUES (?, ?, ?)');
    db.transaction(() => {
      db.prepare('DELETE FROM people_names').run();
      db.prepare(
        `INSERT INTO people_snapshot (id, version, humans, profiles, links) VALUES (1, ?, ?, ?, ?)
           ON CONFLICT (id) DO UPDATE SET version = excluded.version, humans = excluded.humans,
             profiles = excluded.profiles, links = excluded.links`,
      ).run(version, row.humans, row.profiles, row.links);
      for (const [kind, form, humans] of names) insertName.run(kind, form, humans);
    })();
  } catch (error) {
    if (!isBusyOrReadOnly(error)) throw error;
  } finally {
    db.pragma(`busy_timeout = ${timeout}`);
  }
}

function isBusyOrReadOnly(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED|READONLY)/.test(code);
}
