import type { PersonAlias, PersonLinked, PersonUpdated } from '../../domain/person.js';
import { cachedParse, knownOrgs, namesOf, type HumanNames } from './human-names.js';
import { LINK_CONFIDENCE } from './link-confidence.js';
import { HumanIndex, type NameMatch } from './match-humans.js';
import { fullKey, normalizeEmail, normalizeName } from './name-forms.js';
import { groupHumans } from './people.js';

export { LINK_CONFIDENCE };

/** Rounds of name evidence between humans: each round may join humans the one before made whole. */
const NAME_ROUNDS = 3;

/**
 * Links native identities that are the same human (README "People are linked across sources"):
 * 1. by shared email, by exact full display name and by full name once decoration is undone
 *    (each name unique within its source), and by the config's `people:` aliases;
 * 2. then, between the humans those links make, by name evidence that names exactly one human
 *    (match-humans.ts: surname + nickname, a handle that spells the name, a unique first name).
 * The config's `exclude` entries become `notSame` vetoes, returned with the links: no link is
 * made across one, and groupHumans never joins across one. Bots are never linked. Deterministic:
 * the same profiles and aliases always give the same links, in the same order.
 */
export function linkPeople(
  profiles: readonly PersonUpdated[],
  aliases: readonly PersonAlias[] = [],
): PersonLinked[] {
  const humans = profiles.filter((profile) => !profile.isBot);
  const vetoes = vetoLinks(humans, aliases);
  const links = new LinkSet(vetoes);
  const parse = cachedParse();

  for (const [email, keys] of groupBy(humans, (profile) => profile.emails.map(normalizeEmail))) {
    chain(keys, (a, b) => links.add(a, b, 'email', LINK_CONFIDENCE.email, email));
  }
  // Names equal to a handle are handles (Slack and Discord list the handle among the names).
  const personNames = (profile: PersonUpdated): string[] => {
    const handles = new Set(profile.handles.map(normalizeName));
    return profile.names.filter((name) => !handles.has(normalizeName(name)));
  };
  for (const [name, keys] of uniquePerSource(
    groupBy(humans, (profile) =>
      personNames(profile)
        .filter((name) => fullKey(parse(name)) !== undefined)
        .map(normalizeName),
    ),
  )) {
    chain(keys, (a, b) => links.add(a, b, 'name', LINK_CONFIDENCE.fullName, name));
  }
  for (const [full, keys] of uniquePerSource(
    groupBy(humans, (profile) => personNames(profile).flatMap((name) => fullKey(parse(name)) ?? [])),
  )) {
    chain(keys, (a, b) => links.add(a, b, 'coreName', LINK_CONFIDENCE.coreName, full));
  }
  for (const alias of aliases) {
    const keys = unique(alias.ids.flatMap((id) => matchAliasId(id, humans)));
    chain(keys, (a, b) => links.add(a, b, 'alias', LINK_CONFIDENCE.alias, alias.name));
  }

  const byKey = new Map(humans.map((profile) => [profile.key, profile]));
  const known = knownOrgs(humans, parse);
  for (let round = 0; round < NAME_ROUNDS; round++) {
    const grouped = groupHumans(humans, [...links.values(), ...vetoes]);
    const names = grouped.map((human) =>
      namesOf(
        human.id,
        human.keys.flatMap((key) => byKey.get(key) ?? []),
        known,
        parse,
      ),
    );
    let added = 0;
    for (const match of nameMatches(names, vetoes)) {
      if (links.add(match.fromKey, match.toKey, match.method, match.confidence, match.basis)) added++;
    }
    if (added === 0) break;
  }
  return [...links.values(), ...vetoes].sort(byPair);
}

/** The name matches between these humans that can stand (see `standing`). */
export function nameMatches(names: readonly HumanNames[], vetoes: readonly PersonLinked[]): NameMatch[] {
  const index = new HumanIndex(names);
  return standing(
    names.flatMap((human) => index.matchesFor(human)),
    vetoes,
  );
}

/**
 * The matches that can stand: not across a veto, not between two accounts of one chat workspace,
 * and not when two humans of one chat workspace point at the same human (which of the two is it?).
 */
export function standing(proposals: readonly NameMatch[], vetoes: readonly PersonLinked[]): NameMatch[] {
  const vetoed = (x: HumanNames, y: HumanNames): boolean =>
    vetoes.some(
      (veto) =>
        (x.keys.includes(veto.a) && y.keys.includes(veto.b)) ||
        (x.keys.includes(veto.b) && y.keys.includes(veto.a)),
    );
  const allowed = proposals.filter(
    (match) => !vetoed(match.from, match.to) && !sharesWorkspace(match.from, match.to),
  );
  const byTarget = new Map<string, NameMatch[]>();
  for (const match of allowed) byTarget.set(match.to.id, [...(byTarget.get(match.to.id) ?? []), match]);
  const contested = new Set<NameMatch>();
  for (const rivals of byTarget.values()) {
    for (const match of rivals) {
      if (rivals.some((other) => other.from.id !== match.from.id && sharesWorkspace(other.from, match.from)))
        contested.add(match);
    }
  }
  return allowed.filter((match) => !contested.has(match));
}

function sharesWorkspace(x: HumanNames, y: HumanNames): boolean {
  return [...x.workspaces].some((workspace) => y.workspaces.has(workspace));
}

/** Config `exclude` entries as notSame vetoes between every identity an alias names and every one it excludes. */
function vetoLinks(profiles: readonly PersonUpdated[], aliases: readonly PersonAlias[]): PersonLinked[] {
  const vetoes = new Map<string, PersonLinked>();
  for (const alias of aliases) {
    const excluded = unique((alias.exclude ?? []).flatMap((id) => matchAliasId(id, profiles)));
    if (excluded.length === 0) continue;
    for (const key of unique(alias.ids.flatMap((id) => matchAliasId(id, profiles)))) {
      for (const other of excluded) {
        if (key === other) continue;
        const [a, b] = [key, other].sort();
        vetoes.set(`${a}\u0000${b}`, {
          a,
          b,
          method: 'notSame',
          confidence: LINK_CONFIDENCE.notSame,
          basis: alias.name,
        });
      }
    }
  }
  return [...vetoes.values()].sort(byPair);
}

/** The links found so far, one per pair (the strongest), none across a veto. */
class LinkSet {
  private readonly links = new Map<string, PersonLinked>();
  private readonly vetoed: Set<string>;

  constructor(vetoes: readonly PersonLinked[]) {
    this.vetoed = new Set(vetoes.map((veto) => `${veto.a}\u0000${veto.b}`));
  }

  /** Adds or strengthens the link between a and b; false when nothing changed. */
  add(a: string, b: string, method: PersonLinked['method'], confidence: number, basis: string): boolean {
    if (a === b) return false;
    const [x, y] = [a, b].sort();
    const key = `${x}\u0000${y}`;
    if (this.vetoed.has(key)) return false;
    const existing = this.links.get(key);
    if (existing && existing.confidence >= confidence) return false;
    this.links.set(key, { a: x, b: y, method, confidence, basis });
    return true;
  }

  values(): PersonLinked[] {
    return [...this.links.values()];
  }
}

function byPair(l: PersonLinked, r: PersonLinked): number {
  return l.a.localeCompare(r.a) || l.b.localeCompare(r.b) || l.method.localeCompare(r.method);
}

/** Which profiles an alias id names: `source:x` (native id, handle or name), `email:x`, a bare email, or a bare name. */
export function matchAliasId(id: string, profiles: readonly PersonUpdated[]): string[] {
  const trimmed = id.trim();
  const qualified = /^([a-z]+):(.+)$/i.exec(trimmed);
  if (qualified && qualified[1].toLowerCase() === 'email') return matchEmail(qualified[2], profiles);
  if (qualified && ['slack', 'discord', 'teams', 'calendar'].includes(qualified[1].toLowerCase())) {
    const source = qualified[1].toLowerCase();
    const value = qualified[2];
    return profiles
      .filter((profile) => profile.source === source && identifies(profile, value))
      .map((profile) => profile.key);
  }
  if (trimmed.includes('@') && !trimmed.startsWith('@')) return matchEmail(trimmed, profiles);
  return profiles
    .filter((profile) => identifies(profile, trimmed.replace(/^@/, '')))
    .map((profile) => profile.key);
}

function identifies(profile: PersonUpdated, value: string): boolean {
  const wanted = normalizeName(value.replace(/^@/, ''));
  return (
    profile.key === value ||
    profile.nativeId === value ||
    profile.handles.some((handle) => normalizeName(handle) === wanted) ||
    profile.names.some((name) => normalizeName(name) === wanted) ||
    profile.emails.some((email) => normalizeEmail(email) === normalizeEmail(value))
  );
}

function matchEmail(email: string, profiles: readonly PersonUpdated[]): string[] {
  const wanted = normalizeEmail(email);
  return profiles
    .filter((profile) => profile.emails.some((e) => normalizeEmail(e) === wanted))
    .map((profile) => profile.key);
}

function groupBy(
  profiles: readonly PersonUpdated[],
  keysOf: (profile: PersonUpdated) => string[],
): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const profile of profiles) {
    for (const key of new Set(keysOf(profile))) {
      if (!key) continue;
      const list = groups.get(key) ?? [];
      if (!list.includes(profile.key)) list.push(profile.key);
      groups.set(key, list);
    }
  }
  for (const list of groups.values()) list.sort();
  return new Map(
    [...groups.entries()].filter(([, list]) => list.length > 1).sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** Keeps the names that are unique within each source, with the identities of the sources where they are. */
function uniquePerSource(groups: Map<string, string[]>): Array<[string, string[]]> {
  const out: Array<[string, string[]]> = [];
  for (const [name, keys] of groups) {
    const perSource = new Map<string, string[]>();
    for (const key of keys) {
      const source = key.slice(0, key.indexOf(':'));
      perSource.set(source, [...(perSource.get(source) ?? []), key]);
    }
    const single = [...perSource.values()].filter((list) => list.length === 1).map((list) => list[0]);
    if (single.length >= 2) out.push([name, single]);
  }
  return out;
}

/** Links consecutive members: enough for connectivity, without n² links. */
function chain(keys: readonly string[], link: (a: string, b: string) => void): void {
  const sorted = [...keys].sort();
  for (let i = 1; i < sorted.length; i++) link(sorted[0], sorted[i]);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
