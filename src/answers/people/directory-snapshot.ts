import type { PersonUpdated } from '../../domain/person.js';
import { allLinks, latestProfiles } from '../../memory/people-queries.js';
import {
  peopleNameLookup,
  peopleVersion,
  readPeopleHumans,
  readPeoplePart,
  writePeopleSnapshot,
  type PeopleNameRow,
  type PeopleSnapshotRow,
} from '../../memory/people-snapshot.js';
import type { SqliteDatabase } from '../../memory/sqlite.js';
import { chatNameIndex } from '../ask/retrieval/people-names.js';
import { PeopleDirectory, type Human, type IdentityLink, type NameKind } from './people-directory.js';

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
  const kept = readPeopleHumans(db, version);
  if (kept !== undefined) return fromKept(db, version, kept);
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

function fromKept(db: SqliteDatabase, version: string, humansJson: string): PeopleDirectory {
  const humans = JSON.parse(humansJson) as Human[];
  // Profiles and links are read when first asked for (most answers never do); from the log once
  // another reader has replaced the snapshot.
  let profileList: readonly PersonUpdated[] | undefined;
  let linkList: readonly IdentityLink[] | undefined;
  const profiles = (): readonly PersonUpdated[] =>
    (profileList ??= parsed<PersonUpdated>(readPeoplePart(db, version, 'profiles')) ?? latestProfiles(db));
  const links = (): readonly IdentityLink[] =>
    (linkList ??= parsed<IdentityLink>(readPeoplePart(db, version, 'links')) ?? allLinks(db));
  const lookup = peopleNameLookup(db, version);
  // Once another reader replaces the kept snapshot, names are found in indexes of our own.
  let own: ((form: string, kind: NameKind) => readonly number[] | undefined) | undefined;
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
      return own(form, kind);
    },
  });
}

function parsed<T>(json: string | undefined): T[] | undefined {
  return json === undefined ? undefined : (JSON.parse(json) as T[]);
}

/** The name indexes built here, as indexes into `humans` (the kept humans this reader holds). */
function ownIndexes(
  humans: readonly Human[],
  profiles: readonly PersonUpdated[],
  links: readonly IdentityLink[],
): (form: string, kind: NameKind) => readonly number[] | undefined {
  const at = new Map(humans.map((human, index) => [human.id, index]));
  const ours = (ids: readonly string[]): number[] => ids.flatMap((id) => at.get(id) ?? []);
  const chat = chatNameIndex(humans);
  const directory = new PeopleDirectory(profiles, links);
  return (form, kind) => {
    if (kind === 'chat') {
      const ids = chat.get(form);
      return ids && ours(ids);
    }
    const found = directory.humansNamed(form, kind === 'word');
    return found && ours(found.map((index) => directory.humans[index].id));
  };
}
