import type { PersonLinked, PersonUpdated } from '../../domain/person.js';
import { MIN_LINK_CONFIDENCE } from './link-confidence.js';
import { normalizeEmail, normalizeName } from './name-forms.js';

export { MIN_LINK_CONFIDENCE };

/** One human: the native identities linked together, with everything they are called. */
export interface Human {
  /** The smallest member key: stable while the members stay the same. */
  id: string;
  /** The display name (see `displayName`). */
  name: string;
  keys: string[];
  names: string[];
  handles: string[];
  emails: string[];
  isBot: boolean;
  /** The weakest link that joins this human together (1 for a single identity). */
  confidence: number;
}

/** Sources where one account is one person: a human has at most one identity per workspace there. */
const CHAT_SOURCES = new Set(['slack', 'discord', 'teams']);
/** The evidence that may join two accounts of one workspace (someone who rejoined, or was declared one person). */
const ACROSS_ACCOUNTS = new Set<PersonLinked['method']>(['alias', 'email']);

/** The chat workspace an identity belongs to (`slack:T1`), or undefined (calendar addresses). */
export function chatWorkspace(profile: PersonUpdated): string | undefined {
  return CHAT_SOURCES.has(profile.source) ? `${profile.source}:${profile.workspace}` : undefined;
}

/**
 * Which identities are one human — the one rule every command shares (brief, ask, annotate,
 * status): union-find over person.linked events of at least MIN_LINK_CONFIDENCE between
 * identities that have a profile, strongest link first. A link naming an identity with no
 * profile joins nothing. Two guards keep different humans apart whatever the links say:
 * - a `notSame` veto (config `exclude`) between any two members stops the join, even an alias;
 * - a name link (anything but an alias or a shared email) never joins two groups that each hold a
 *   different account of the same chat workspace (two Slack users of one workspace are two people).
 */
export function groupHumans(profiles: readonly PersonUpdated[], links: readonly PersonLinked[]): Human[] {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(key, root);
    return root;
  };
  const workspaces = new Map<string, Set<string>>();
  for (const profile of profiles) {
    parent.set(profile.key, profile.key);
    const workspace = chatWorkspace(profile);
    workspaces.set(profile.key, new Set(workspace === undefined ? [] : [workspace]));
  }
  const known = (link: PersonLinked): boolean => parent.has(link.a) && parent.has(link.b);
  const vetoes = links.filter((link) => link.method === 'notSame' && known(link));
  const vetoed = (ra: string, rb: string): boolean =>
    vetoes.some((veto) => {
      const [va, vb] = [find(veto.a), find(veto.b)];
      return (va === ra && vb === rb) || (va === rb && vb === ra);
    });
  const clash = (ra: string, rb: string): boolean =>
    [...(workspaces.get(ra) ?? [])].some((workspace) => workspaces.get(rb)?.has(workspace));
  const ordered = links
    .filter((link) => link.method !== 'notSame' && link.confidence >= MIN_LINK_CONFIDENCE && known(link))
    .sort(strongestFirst);
  const weakest = new Map<string, number>();
  for (const link of ordered) {
    const [ra, rb] = [find(link.a), find(link.b)];
    if (ra === rb || vetoed(ra, rb) || (!ACROSS_ACCOUNTS.has(link.method) && clash(ra, rb))) continue;
    const root = ra < rb ? ra : rb;
    const other = root === ra ? rb : ra;
    parent.set(other, root);
    weakest.set(root, Math.min(weakest.get(ra) ?? 1, weakest.get(rb) ?? 1, link.confidence));
    workspaces.set(root, new Set([...(workspaces.get(ra) ?? []), ...(workspaces.get(rb) ?? [])]));
  }
  const groups = new Map<string, PersonUpdated[]>();
  for (const profile of profiles) {
    const root = find(profile.key);
    const group = groups.get(root);
    if (group) group.push(profile);
    else groups.set(root, [profile]);
  }
  return [...groups.entries()]
    .map(([root, members]) => toHuman(root, members, weakest.get(root) ?? 1))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** Strongest first; ties in a fixed order, so the same links always give the same humans. */
function strongestFirst(x: PersonLinked, y: PersonLinked): number {
  return (
    y.confidence - x.confidence ||
    x.method.localeCompare(y.method) ||
    x.a.localeCompare(y.a) ||
    x.b.localeCompare(y.b) ||
    x.basis.localeCompare(y.basis)
  );
}

/** A person key no profile describes: a human of its own, named by its native id (`slack:T1:U9` → `U9`). */
export function loneHuman(key: string): Human {
  return {
    id: key,
    name: key.slice(key.lastIndexOf(':') + 1) || key,
    keys: [key],
    names: [],
    handles: [],
    emails: [],
    isBot: false,
    confidence: 1,
  };
}

/**
 * The name to show for a human, whatever command shows it: the first name written like a full
 * name ("Priya Nair", not "pj_dev" or "Hughes, Tom") among its identities in key order, else the
 * first name of the identity with the most names, else that identity's native id.
 */
export function displayName(members: readonly PersonUpdated[]): string {
  const sorted = [...members].sort((a, b) => a.key.localeCompare(b.key));
  const full = sorted
    .flatMap((member) => member.names)
    .find((name) => /^\p{Lu}[\p{L}'-]+( \p{Lu}[\p{L}'-]+)+$/u.test(name));
  if (full !== undefined) return full;
  const richest = [...sorted].sort((a, b) => b.names.length - a.names.length || fullness(b) - fullness(a))[0];
  return richest?.names[0] ?? richest?.nativeId ?? '';
}

function toHuman(root: string, members: PersonUpdated[], confidence: number): Human {
  const sorted = [...members].sort((a, b) => a.key.localeCompare(b.key));
  return {
    id: root,
    name: displayName(sorted),
    keys: sorted.map((member) => member.key),
    names: dedupe(
      sorted.flatMap((member) => member.names),
      normalizeName,
    ),
    handles: dedupe(
      sorted.flatMap((member) => member.handles),
      normalizeName,
    ),
    emails: dedupe(
      sorted.flatMap((member) => member.emails),
      normalizeEmail,
    ),
    isBot: sorted.every((member) => member.isBot),
    confidence,
  };
}

function fullness(profile: PersonUpdated): number {
  return profile.names.filter((name) => name.includes(' ')).length;
}

function dedupe(values: string[], normalize: (value: string) => string): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = normalize(value);
    if (!value || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
