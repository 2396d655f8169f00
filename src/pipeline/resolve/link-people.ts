import type { PersonAlias, PersonLinked, PersonUpdated } from '../../domain/person.js';

/** How sure each kind of evidence makes us that two identities are one human. */
export const LINK_CONFIDENCE = {
  alias: 1,
  email: 0.97,
  /** A full name (two or more words) equal on both sides and unique within each source. */
  fullName: 0.85,
  /** A one-word name: weaker, people share first names. */
  singleName: 0.6,
} as const;

/**
 * Links native identities that are the same human: by shared email, then by exact display name
 * (only when the name is unique within each source), then by the config's `people:` aliases.
 * Deterministic: the same profiles and aliases always give the same links, in the same order.
 */
export function linkPeople(profiles: readonly PersonUpdated[], aliases: readonly PersonAlias[] = []): PersonLinked[] {
  const links = new Map<string, PersonLinked>();
  const add = (a: string, b: string, method: PersonLinked['method'], confidence: number, basis: string): void => {
    if (a === b) return;
    const [x, y] = [a, b].sort();
    const key = `${x}\u0000${y}`;
    const existing = links.get(key);
    if (existing && existing.confidence >= confidence) return;
    links.set(key, { a: x, b: y, method, confidence, basis });
  };
  const humans = profiles.filter((profile) => !profile.isBot);

  for (const [email, keys] of groupBy(humans, (profile) => profile.emails.map(normalizeEmail))) {
    chain(keys, (a, b) => add(a, b, 'email', LINK_CONFIDENCE.email, email));
  }

  const byName = groupBy(humans, (profile) => profile.names.map(normalizeName).filter((name) => name.length > 1));
  for (const [name, keys] of byName) {
    const perSource = new Map<string, string[]>();
    for (const key of keys) {
      const source = key.slice(0, key.indexOf(':'));
      perSource.set(source, [...(perSource.get(source) ?? []), key]);
    }
    const unique = [...perSource.values()].filter((list) => list.length === 1).map((list) => list[0]);
    if (unique.length < 2) continue;
    const confidence = name.includes(' ') ? LINK_CONFIDENCE.fullName : LINK_CONFIDENCE.singleName;
    chain(unique, (a, b) => add(a, b, 'name', confidence, name));
  }

  for (const alias of aliases) {
    const keys = unique(alias.ids.flatMap((id) => matchAliasId(id, humans)));
    chain(keys, (a, b) => add(a, b, 'alias', LINK_CONFIDENCE.alias, alias.name));
  }
  return [...links.values()].sort((l, r) => (l.a + l.b).localeCompare(r.a + r.b));
}

/** Which profiles an alias id names: `source:x` (native id, handle or name), `email:x`, a bare email, or a bare name. */
export function matchAliasId(id: string, profiles: readonly PersonUpdated[]): string[] {
  const trimmed = id.trim();
  const qualified = /^([a-z]+):(.+)$/i.exec(trimmed);
  if (qualified && qualified[1].toLowerCase() === 'email') return matchEmail(qualified[2], profiles);
  if (qualified && ['slack', 'discord', 'teams', 'calendar'].includes(qualified[1].toLowerCase())) {
    const source = qualified[1].toLowerCase();
    const value = qualified[2];
    return profiles.filter((profile) => profile.source === source && identifies(profile, value)).map((profile) => profile.key);
  }
  if (trimmed.includes('@') && !trimmed.startsWith('@')) return matchEmail(trimmed, profiles);
  return profiles.filter((profile) => identifies(profile, trimmed.replace(/^@/, ''))).map((profile) => profile.key);
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
  return profiles.filter((profile) => profile.emails.some((e) => normalizeEmail(e) === wanted)).map((profile) => profile.key);
}

export function normalizeName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

export function normalizeEmail(email: string): string {
  return email.trim().replace(/^mailto:/i, '').toLowerCase();
}

function groupBy(profiles: readonly PersonUpdated[], keysOf: (profile: PersonUpdated) => string[]): Map<string, string[]> {
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
  return new Map([...groups.entries()].filter(([, list]) => list.length > 1).sort(([a], [b]) => a.localeCompare(b)));
}

/** Links consecutive members: enough for connectivity, without n² links. */
function chain(keys: readonly string[], link: (a: string, b: string) => void): void {
  const sorted = [...keys].sort();
  for (let i = 1; i < sorted.length; i++) link(sorted[0], sorted[i]);
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
