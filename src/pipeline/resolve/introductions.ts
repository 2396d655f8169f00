import type { MessagePosted } from '../../domain/message.js';
import type { PersonLinked, PersonUpdated } from '../../domain/person.js';
import { addName, emptyNames, knownOrgs, namesOf, type HumanNames } from './human-names.js';
import { LINK_CONFIDENCE } from './link-confidence.js';
import { linkPeople, standing } from './link-people.js';
import { compatible, HumanIndex, type NameMatch } from './match-humans.js';
import { parseName } from './name-forms.js';
import { groupHumans } from './people.js';

/** A name someone gave for themselves at the start of a message. */
export interface Introduction {
  /** "Leila Moreau" as written. */
  name: string;
  org?: string;
  /** The words that said it ("I'm Leila from Brightwater", "Lou here"): the link's basis. */
  phrase: string;
}

/** The first letter either case: the name patterns need case (a name starts upper case), the cue words do not. */
const ci = (words: string): string =>
  words.replace(/\b([a-z])/g, (letter) => `[${letter.toUpperCase()}${letter}]`);
const GREETING = `(?:${ci('(?:hi|hey|hello|hiya|morning|good morning|good afternoon)')}(?:\\s+${ci('(?:all|everyone|folks|team|there|both)')})?\\s*[,!.—–-]*\\s*)?`;
const NAME = '(\\p{Lu}[\\p{L}-]+(?:\\s\\p{Lu}[\\p{L}-]+){0,2})';
const ORG = `(?:\\s+(?:from|at|with|@)\\s+(\\p{Lu}[\\p{L}\\p{N}&.-]*(?:\\s\\p{Lu}[\\p{L}\\p{N}&.-]*){0,2}))?`;
/** What may follow the introduction: the end, or punctuation that is not a question. */
const END = '(?=\\s*(?:$|[,.!;:—–-]))';
/** "This is Dana, our new PM" introduces someone else. */
const NOT_SOMEONE_ELSE = `(?!,\\s*${ci('(?:our|my|your|the|a|an|who|she|he|they|his|her)')}\\b)`;
const SELF = new RegExp(
  `^${GREETING}(${ci("(?:it's|its|this is|i'm|i’m|im|i am|my name is)")}\\s+${NAME}${ORG})${END}${NOT_SOMEONE_ELSE}`,
  'u',
);
const HERE = new RegExp(`^${GREETING}(${NAME}${ORG}\\s+here)${END}`, 'u');
/** Capitalised words that start a sentence without naming anyone ("Is Dana here?" is already a question). */
const NOT_NAMES = new Set([
  'is',
  'are',
  'was',
  'were',
  'anyone',
  'everyone',
  'somebody',
  'nobody',
  'who',
  'not',
  'also',
  'still',
  'just',
  'all',
  'sorry',
  'back',
  'out',
  'off',
  'ok',
  'okay',
  'here',
  'there',
  'done',
  'sure',
  'fine',
]);

/** The name a message's author gives for themselves in its first words, if any. */
export function readIntroduction(text: string): Introduction | undefined {
  const head = text.trim().slice(0, 200);
  const found = SELF.exec(head) ?? HERE.exec(head);
  if (!found) return undefined;
  const [, phrase, name, org] = found;
  if (NOT_NAMES.has(name.split(' ')[0].toLowerCase())) return undefined;
  return org === undefined ? { name, phrase: phrase.trim() } : { name, org, phrase: phrase.trim() };
}

/**
 * Links from self-introductions ("Lou here — I've taken over invoicing", "Hi all, I'm Leila from
 * Brightwater"): the introduced name is matched like a profile name (match-humans.ts) against the
 * humans the given links make, and links the author to the one human it names, as method
 * `introduction` at no more than LINK_CONFIDENCE.introduction. The name must fit what the author
 * is already called; an author whose introductions point at two humans links nobody. Pure: the
 * ingest appends these after linkPeople's (app/ingest.ts linkAcrossSources), so every command's
 * grouping sees them.
 */
export function linksFromIntroductions(
  messages: readonly Pick<MessagePosted, 'author' | 'text' | 'kind'>[],
  profiles: readonly PersonUpdated[],
  links: readonly PersonLinked[] = linkPeople(profiles),
): PersonLinked[] {
  const people = profiles.filter((profile) => !profile.isBot);
  const byKey = new Map(people.map((profile) => [profile.key, profile]));
  const known = knownOrgs(people);
  const humans = groupHumans(people, links);
  const names = humans.map((human) =>
    namesOf(
      human.id,
      human.keys.flatMap((key) => byKey.get(key) ?? []),
      known,
    ),
  );
  const humanOf = new Map(names.flatMap((human) => human.keys.map((key) => [key, human] as const)));
  const vetoes = links.filter((link) => link.method === 'notSame');

  const said = new Map<HumanNames, Map<string, { author: string; introduction: Introduction }>>();
  for (const message of messages) {
    const author = humanOf.get(message.author);
    if (author === undefined || (message.kind !== undefined && message.kind !== 'message')) continue;
    const introduction = readIntroduction(message.text);
    if (introduction === undefined) continue;
    const byPhrase = said.get(author) ?? new Map();
    if (!byPhrase.has(introduction.phrase))
      byPhrase.set(introduction.phrase, { author: message.author, introduction });
    said.set(author, byPhrase);
  }

  const proposals: NameMatch[] = [];
  for (const author of [...said.keys()].sort((a, b) => a.id.localeCompare(b.id))) {
    const others = new HumanIndex(names.filter((human) => human !== author));
    const found: NameMatch[] = [];
    for (const [phrase, { author: key, introduction }] of [...(said.get(author) ?? [])].sort(([a], [b]) =>
      a.localeCompare(b),
    )) {
      const query = introduced(author, key, introduction, known);
      if (query === undefined || !compatible(query, author)) continue;
      for (const match of others.matchesFor(query))
        found.push({ ...match, from: author, fromKey: key, basis: phrase });
    }
    if (new Set(found.map((match) => match.to)).size === 1) proposals.push(...found);
  }
  return standing(proposals, vetoes)
    .map((match): PersonLinked => {
      const [a, b] = [match.fromKey, match.toKey].sort();
      return {
        a,
        b,
        method: 'introduction',
        confidence: Math.min(match.confidence, LINK_CONFIDENCE.introduction),
        basis: match.basis,
      };
    })
    .sort((l, r) => l.a.localeCompare(r.a) || l.b.localeCompare(r.b) || l.basis.localeCompare(r.basis));
}

/** The author as the introduction names them: its name and org, with the author's sources and orgs. */
function introduced(
  author: HumanNames,
  key: string,
  introduction: Introduction,
  known: ReadonlySet<string>,
): HumanNames | undefined {
  const parts = parseName(
    introduction.org === undefined ? introduction.name : `${introduction.name} (${introduction.org})`,
  );
  if (parts.words.length === 0) return undefined;
  const query = emptyNames(author.id, author.keys);
  for (const source of author.sources) query.sources.add(source);
  for (const workspace of author.workspaces) query.workspaces.add(workspace);
  for (const org of author.orgs) query.orgs.add(org);
  for (const org of author.knownOrgs) query.knownOrgs.add(org);
  addName(query, parts, key, known);
  return query;
}
