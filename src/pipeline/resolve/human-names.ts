import type { PersonUpdated } from '../../domain/person.js';
import {
  emailOrg,
  handleSegments,
  normalizeName,
  orgKeys,
  orgsMeet,
  parseName,
  fullKey,
  type NameParts,
} from './name-forms.js';
import { chatWorkspace } from './people.js';

/**
 * Everything one human (a group of linked identities) is called, in comparable forms. Each form
 * maps to the smallest identity key that carries it, so a link can name the identity the evidence
 * came from.
 */
export interface HumanNames {
  /** The human's id (its smallest key). */
  id: string;
  keys: string[];
  /** Sources it has an identity in (slack, discord, teams, calendar). */
  sources: Set<string>;
  /** Chat workspaces it has an account in (`slack:T1`): one account per workspace. */
  workspaces: Set<string>;
  /** "first last", folded. */
  fulls: Map<string, string>;
  /** First names and nicknames, folded, two letters or more. */
  firsts: Map<string, string>;
  /** Surnames, folded, two letters or more. */
  lasts: Map<string, string>;
  /** Surname initials ("Priya K" → k). */
  initials: Set<string>;
  /** Org keys from name decorations and email domains. */
  orgs: Set<string>;
  /** The org keys that may contradict: from email, or a decoration that names a known org. */
  knownOrgs: Set<string>;
  /** Handle letter runs: may back an org ("lou_acme"), never contradict. */
  hints: Set<string>;
  /** Handles, and names written like handles. */
  handles: Map<string, string>;
}

export function emptyNames(id: string, keys: readonly string[]): HumanNames {
  return {
    id,
    keys: [...keys],
    sources: new Set(),
    workspaces: new Set(),
    fulls: new Map(),
    firsts: new Map(),
    lasts: new Map(),
    initials: new Set(),
    orgs: new Set(),
    knownOrgs: new Set(),
    hints: new Set(),
    handles: new Map(),
  };
}

/** Reads a display name; linkPeople passes a cached parseName, since it reads each name several times. */
export type ParseName = (raw: string) => NameParts;

/** parseName with a cache, for one linking run. */
export function cachedParse(): ParseName {
  const cache = new Map<string, NameParts>();
  return (raw) => {
    let parts = cache.get(raw);
    if (parts === undefined) cache.set(raw, (parts = parseName(raw)));
    return parts;
  };
}

/** The names of one human from its members' profiles (read in key order). */
export function namesOf(
  id: string,
  members: readonly PersonUpdated[],
  known: ReadonlySet<string>,
  parse: ParseName = parseName,
): HumanNames {
  const sorted = [...members].sort((a, b) => a.key.localeCompare(b.key));
  const names = emptyNames(
    id,
    sorted.map((member) => member.key),
  );
  for (const profile of sorted) addProfile(names, profile, known, parse);
  return names;
}

function addProfile(
  names: HumanNames,
  profile: PersonUpdated,
  known: ReadonlySet<string>,
  parse: ParseName,
): void {
  names.sources.add(profile.source);
  const workspace = chatWorkspace(profile);
  if (workspace !== undefined) names.workspaces.add(workspace);
  const handles = new Set(profile.handles.map(normalizeName));
  for (const handle of profile.handles) addHandle(names, handle, profile.key);
  for (const name of profile.names) {
    // Slack and Discord repeat the handle among the names: it is read as a handle only.
    if (!handles.has(normalizeName(name))) addName(names, parse(name), profile.key, known);
  }
  for (const email of profile.emails) {
    const org = emailOrg(email);
    for (const key of org === undefined ? [] : orgKeys(org)) {
      names.orgs.add(key);
      names.knownOrgs.add(key);
    }
  }
}

/** Adds one parsed name (a profile's, or one a person introduced themselves by). */
export function addName(names: HumanNames, parts: NameParts, key: string, known: ReadonlySet<string>): void {
  if (parts.handleLike) addHandle(names, parts.raw, key);
  if (parts.first !== undefined && parts.first.length > 1) setOnce(names.firsts, parts.first, key);
  if (parts.nickname !== undefined) setOnce(names.firsts, parts.nickname, key);
  if (parts.last !== undefined) {
    if (parts.last.length > 1) setOnce(names.lasts, parts.last, key);
    else names.initials.add(parts.last);
  }
  const full = fullKey(parts);
  if (full !== undefined) setOnce(names.fulls, full, key);
  if (parts.org !== undefined) {
    const keys = orgKeys(parts.org);
    const isKnown = orgsMeet(keys, known);
    for (const org of keys) {
      names.orgs.add(org);
      if (isKnown) names.knownOrgs.add(org);
    }
  }
}

function addHandle(names: HumanNames, handle: string, key: string): void {
  setOnce(names.handles, handle, key);
  for (const segment of handleSegments(handle)) names.hints.add(segment);
}

/**
 * The orgs that can tell two humans apart: every email domain, and every decoration org that an
 * email domain or a second identity also names. A decoration seen once and nowhere else ("Tess |
 * Berlin", "Yun (PM)") may be a place or a role, so it can back a link but never refuse one.
 */
export function knownOrgs(profiles: readonly PersonUpdated[], parse: ParseName = parseName): Set<string> {
  const known = new Set<string>();
  for (const profile of profiles) {
    for (const email of profile.emails) {
      const org = emailOrg(email);
      for (const key of org === undefined ? [] : orgKeys(org)) known.add(key);
    }
  }
  const decorated = new Map<string, Set<string>>();
  for (const profile of profiles) {
    for (const name of profile.names) {
      const org = parse(name).org;
      const compact = org === undefined ? undefined : orgKeys(org)[0];
      if (compact === undefined) continue;
      const holders = decorated.get(compact) ?? new Set<string>();
      holders.add(profile.key);
      decorated.set(compact, holders);
    }
  }
  const fromEmail = [...known];
  for (const [compact, holders] of decorated)
    if (holders.size > 1 || orgsMeet([compact], fromEmail)) known.add(compact);
  return known;
}

function setOnce(map: Map<string, string>, form: string, key: string): void {
  if (!map.has(form)) map.set(form, key);
}
