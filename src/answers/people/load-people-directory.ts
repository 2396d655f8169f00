import type { PersonLinked, PersonUpdated } from '../../domain/person.js';
import { allLinks, latestProfiles } from '../../memory/people-queries.js';
import {
  peopleNameLookup,
  peopleVersion,
  readPeopleSnapshot,
  writePeopleSnapshot,
  type PeopleNameRow,
  type PeopleSnapshotRow,
} from '../../memory/people-snapshot.js';
import type { SqliteDatabase } from '../../memory/sqlite.js';
import { chatNameIndex } from '../ask/retrieval/people-names.js';
import { PeopleDirectory, type Human, type NameKind } from './people-directory.js';

/**
 * Bump when the directory's rules change (groupHumans, displayName, the name forms of its
 * indexes) or the snapshot's shape: a snapshot an older build kept is then built again, never read.
 */
const SNAPSHOT_FORMAT = 1;

const KINDS: Record<NameKind, number> = { full: 0, word: 1, chat: 2 };

/**
 * The people directory of the store. When no person event came since the last reader kept its
 * directory, the humans are read back whole and a name is looked up in the kept indexes (a cold
 * `ask` over thousands of people then skips grouping them and indexing their names); else it is
 * built from the log's profiles and links and kept for the next reader.
 */
export function loadPeopleDirectory(db: SqliteDatabase): PeopleDirectory {
  const version = `${SNAPSHOT_FORMAT}:${peopleVersion(db)}`;
  const row = readPeopleSnapshot(db, version);
  if (row) return fromRow(db, version, row);
  // Read after the version: events appended meanwhile make a newer directory under an older
  // version, which the next reader (seeing the newer version) builds again.
  const directory = new PeopleDirectory(latestProfiles(db), allLinks(db));
  const snapshot = directory.snapshot();
  const row0: PeopleSnapshotRow = {
    humans: JSON.stringify(snapshot.humans),
    profiles: JSON.stringify(snapshot.profiles),
    links: JSON.stringify(snapshot.links),
  };
  writePeopleSnapshot(db, version, row0, nameRows(snapshot.humans, snapshot.full, snapshot.words));
  return directory;
}

function* nameRows(
  humans: readonly Human[],
  full: Iterable<[string, number[]]>,
  words: Iterable<[string, number[]]>,
): Iterable<PeopleNameRow> {
  for (const [form, found] of full) yield [KINDS.full, form, JSON.stringify(found)];
  for (const [word, found] of words) yield [KINDS.word, word, JSON.stringify(found)];
  const at = new Map(humans.map((human, index) => [human.id, index]));
  for (const [form, ids] of chatNameIndex(humans))
    yield [KINDS.chat, form, JSON.stringify(ids.map((id) => at.get(id)))];
}

function fromRow(db: SqliteDatabase, version: string, row: PeopleSnapshotRow): PeopleDirectory {
  const profiles = (): PersonUpdated[] => JSON.parse(row.profiles) as PersonUpdated[];
  const links = (): PersonLinked[] => JSON.parse(row.links) as PersonLinked[];
  const humans = JSON.parse(row.humans) as Human[];
  const lookup = peopleNameLookup(db, version);
  // Once another reader replaces the kept snapshot, names are found in indexes of our own.
  let own: { directory: PeopleDirectory; chat: Map<string, number[]> } | undefined;
  return PeopleDirectory.fromStored({
    humans,
    profiles,
    links,
    names: (form, kind) => {
      if (!own) {
        const found = lookup(KINDS[kind], form);
        if (found !== null) return found === undefined ? undefined : (JSON.parse(found) as number[]);
        own = ownIndexes(humans, profiles(), links());
      }
      return kind === 'chat' ? own.chat.get(form) : own.directory.humansNamed(form, kind === 'word');
    },
  });
}

/** Built from the same events by the same rules as the kept ones: indexes into the same humans. */
function ownIndexes(
  humans: readonly Human[],
  profiles: readonly PersonUpdated[],
  links: readonly PersonLinked[],
): { directory: PeopleDirectory; chat: Map<string, number[]> } {
  const at = new Map(humans.map((human, index) => [human.id, index]));
  const chat = new Map(
    [...chatNameIndex(humans)].map(([form, ids]) => [form, ids.map((id) => at.get(id) ?? -1)] as const),
  );
  return { directory: new PeopleDirectory(profiles, links), chat };
}
