import type { HumanNames } from './human-names.js';
import { LINK_CONFIDENCE } from './link-confidence.js';
import { handleSegments, isRoleWord, orgsMeet } from './name-forms.js';

/** One human's names point at exactly one other human. */
export interface NameMatch {
  from: HumanNames;
  to: HumanNames;
  method: 'coreName' | 'nickname' | 'handle' | 'firstName';
  confidence: number;
  basis: string;
  /** The identities that carry the evidence on each side. */
  fromKey: string;
  toKey: string;
}

/**
 * Name evidence between humans that share no email and no exact name: the same surname with a
 * first name both are called; a handle that spells one human's name; a one-word name that is one
 * human's first name. Every rule counts the candidates it finds and says nothing when there are
 * two (a name shared by two humans links nobody); candidates must be compatible (no different
 * surname, first name, surname initial, or known org).
 */
export class HumanIndex {
  private readonly byFirst = new Map<string, HumanNames[]>();
  private readonly byLast = new Map<string, HumanNames[]>();
  /** "first last" for every first name × surname a human has. */
  private readonly byPair = new Map<string, HumanNames[]>();

  constructor(readonly humans: readonly HumanNames[]) {
    for (const human of humans) {
      for (const first of human.firsts.keys()) push(this.byFirst, first, human);
      for (const last of human.lasts.keys()) {
        push(this.byLast, last, human);
        for (const first of human.firsts.keys()) push(this.byPair, `${first} ${last}`, human);
      }
    }
  }

  /** The humans `a` is by its names, settled: one full-named human, or bare namesakes in distinct sources, or none. */
  matchesFor(a: HumanNames): NameMatch[] {
    return settle([...this.bySurname(a), ...this.byHandle(a), ...this.byFirstName(a)]);
  }

  /** Same surname and a shared first name or nickname: coreName when a full name is equal, else nickname. */
  private bySurname(a: HumanNames): NameMatch[] {
    const found = new Map<HumanNames, string>();
    for (const last of sorted(a.lasts.keys())) {
      for (const first of sorted(a.firsts.keys())) {
        for (const b of this.byPair.get(`${first} ${last}`) ?? []) {
          if (b !== a && !found.has(b) && compatible(a, b)) found.set(b, last);
        }
      }
    }
    if (found.size !== 1) return [];
    const [[b, last]] = [...found];
    const shared = sorted(a.fulls.keys()).find((full) => b.fulls.has(full));
    if (shared !== undefined) {
      return [
        {
          from: a,
          to: b,
          method: 'coreName',
          confidence: LINK_CONFIDENCE.coreName,
          basis: shared,
          fromKey: a.fulls.get(shared) ?? a.id,
          toKey: b.fulls.get(shared) ?? b.id,
        },
      ];
    }
    const mine = sorted(a.fulls.keys()).find((full) => full.endsWith(` ${last}`)) ?? last;
    const theirs = sorted(b.fulls.keys()).find((full) => full.endsWith(` ${last}`)) ?? last;
    return [
      {
        from: a,
        to: b,
        method: 'nickname',
        confidence: LINK_CONFIDENCE.nickname,
        basis: [mine, theirs].sort().join(' ~ '),
        fromKey: a.lasts.get(last) ?? a.id,
        toKey: b.lasts.get(last) ?? b.id,
      },
    ];
  }

  /** A handle that spells one human's first + last name (or initial + last, first + last initial). */
  private byHandle(a: HumanNames): NameMatch[] {
    const out: NameMatch[] = [];
    for (const handle of sorted(a.handles.keys())) {
      const best = new Map<HumanNames, Spelling>();
      for (const { human: b, spelling } of this.spellings(handleSegments(handle))) {
        if (b === a) continue;
        const current = best.get(b);
        if (current === undefined || rank(spelling) < rank(current)) best.set(b, spelling);
      }
      for (const tier of ['full', 'initial'] as const) {
        const at = [...best].filter(([b, spelling]) => spelling.tier === tier && compatible(a, b));
        if (at.length === 0) continue;
        if (at.length === 1) {
          const [[b, spelling]] = at;
          const confidence = tier === 'full' ? LINK_CONFIDENCE.handleFull : LINK_CONFIDENCE.handleInitial;
          out.push({
            from: a,
            to: b,
            method: 'handle',
            confidence,
            basis: `${handle} = ${spelling.first} ${spelling.last}`,
            fromKey: a.handles.get(handle) ?? a.id,
            toKey: b.lasts.get(spelling.last) ?? b.id,
          });
        }
        break;
      }
    }
    return out;
  }

  /**
   * The humans whose names a handle's letter runs spell, and how. Full: first+last or last+first
   * (one run, or two runs in a row), initial+last ("tokoro", "m.delgado"; a surname of four
   * letters or more when run together), or a run that starts with first+last ("yunlidev").
   * Initial: first name (three letters or more) + surname initial ("hana.k", "priyak").
   */
  private spellings(segments: readonly string[]): Array<{ human: HumanNames; spelling: Spelling }> {
    const out: Array<{ human: HumanNames; spelling: Spelling }> = [];
    const pair = (first: string, last: string, tier: Spelling['tier']): void => {
      for (const human of this.byPair.get(`${first} ${last}`) ?? [])
        out.push({ human, spelling: { tier, first, last } });
    };
    const initialLast = (letter: string, last: string): void => {
      for (const human of this.byLast.get(last) ?? []) {
        for (const first of human.firsts.keys())
          if (first.startsWith(letter)) out.push({ human, spelling: { tier: 'full', first, last } });
      }
    };
    const firstInitial = (first: string, letter: string): void => {
      if (first.length < 3) return;
      for (const human of this.byFirst.get(first) ?? []) {
        for (const last of human.lasts.keys())
          if (last.startsWith(letter)) out.push({ human, spelling: { tier: 'initial', first, last } });
      }
    };
    segments.forEach((here, i) => {
      const next = segments[i + 1];
      if (next !== undefined) {
        pair(here, next, 'full');
        pair(next, here, 'full');
        if (here.length === 1 && next.length >= 3) initialLast(here, next);
        if (next.length === 1) firstInitial(here, next);
      }
      for (let cut = 2; cut <= here.length - 2; cut++) {
        pair(here.slice(cut), here.slice(0, cut), 'full');
        for (let end = cut + 2; end <= here.length; end++)
          if (end === here.length || end >= 5) pair(here.slice(0, cut), here.slice(cut, end), 'full');
      }
      if (here.length >= 5) initialLast(here[0], here.slice(1));
      if (here.length >= 4) firstInitial(here.slice(0, -1), here[here.length - 1]);
    });
    return out;
  }

  /** For a human with no surname: a one-word name, nickname or handle word that is one human's first name. */
  private byFirstName(a: HumanNames): NameMatch[] {
    if (a.lasts.size > 0) return [];
    const tokens = new Set(a.firsts.keys());
    for (const hint of a.hints)
      if (hint.length >= 3 && !isRoleWord(hint) && !orgsMeet([hint], a.orgs)) tokens.add(hint);
    const out: NameMatch[] = [];
    for (const token of sorted(tokens)) {
      const named = (this.byFirst.get(token) ?? []).filter((b) => b !== a);
      const full = named.filter((b) => b.lasts.size > 0);
      const fromKey = a.firsts.get(token) ?? firstHandleWith(a, token) ?? a.id;
      const match = (b: HumanNames): NameMatch => {
        const backed = backs(a, b);
        const confidence = backed ? LINK_CONFIDENCE.firstNameBacked : LINK_CONFIDENCE.firstName;
        return {
          from: a,
          to: b,
          method: 'firstName',
          confidence,
          basis: backed ? `${token} (${backed})` : token,
          fromKey,
          toKey: b.firsts.get(token) ?? b.id,
        };
      };
      const fits = full.filter((b) => compatible(a, b));
      if (fits.length === 1) out.push(match(fits[0]));
      if (full.length > 0) continue;
      // Nobody with a surname is called this: one-word namesakes join when each source has one.
      const bare = named.filter((b) => compatible(a, b));
      if (bare.length > 0 && distinctSources([a, ...bare])) out.push(...bare.map(match));
    }
    return out;
  }
}

interface Spelling {
  tier: 'full' | 'initial';
  first: string;
  last: string;
}

/** Full before initial, then the name in alphabetical order: one spelling per human, whatever the order found. */
function rank(spelling: Spelling): string {
  return `${spelling.tier === 'full' ? 0 : 1} ${spelling.first} ${spelling.last}`;
}

/**
 * Nothing tells the two apart: no different surname, surname initial, first name or known org
 * (only where both sides have one).
 */
export function compatible(a: HumanNames, b: HumanNames): boolean {
  if (a.knownOrgs.size > 0 && b.knownOrgs.size > 0 && !orgsMeet(a.knownOrgs, b.knownOrgs)) return false;
  if (a.lasts.size > 0 && b.lasts.size > 0 && !intersects(a.lasts, b.lasts)) return false;
  if (!initialsFit(a, b) || !initialsFit(b, a)) return false;
  if (a.firsts.size > 0 && b.firsts.size > 0 && !intersects(a.firsts, b.firsts)) return false;
  return true;
}

/** What backs a first-name match beyond the name: the same org, or the surname's initial. */
function backs(a: HumanNames, b: HumanNames): string | undefined {
  const longestFirst = (keys: Iterable<string>): string[] =>
    [...keys].sort((x, y) => y.length - x.length || x.localeCompare(y));
  const org =
    longestFirst([...a.orgs, ...a.hints]).find((key) => orgsMeet([key], b.orgs)) ??
    longestFirst(a.orgs).find((key) => orgsMeet([key], b.hints));
  if (org !== undefined) return org;
  const initial = [...a.initials]
    .sort()
    .find((letter) => [...b.lasts.keys()].some((last) => last.startsWith(letter)));
  return initial === undefined ? undefined : `${initial}.`;
}

function initialsFit(a: HumanNames, b: HumanNames): boolean {
  if (a.initials.size === 0) return true;
  if (b.lasts.size > 0)
    return [...a.initials].some((letter) => [...b.lasts.keys()].some((last) => last.startsWith(letter)));
  return b.initials.size === 0 || intersects(a.initials, b.initials);
}

/**
 * One human's matches, kept only when they agree: one human with a surname (the strongest link to
 * it), or, when none has a surname, namesakes in distinct sources. Two humans with surnames → none.
 */
function settle(found: readonly NameMatch[]): NameMatch[] {
  const best = new Map<HumanNames, NameMatch>();
  for (const match of found) {
    const current = best.get(match.to);
    if (current === undefined || match.confidence > current.confidence) best.set(match.to, match);
  }
  const full = [...best.values()].filter((match) => match.to.lasts.size > 0);
  if (full.length > 1) return [];
  if (full.length === 1) return full;
  const bare = [...best.values()];
  return distinctSources([...bare.map((match) => match.to), ...(bare[0] ? [bare[0].from] : [])])
    ? bare.sort((x, y) => x.to.id.localeCompare(y.to.id))
    : [];
}

function distinctSources(humans: readonly HumanNames[]): boolean {
  const seen = new Set<string>();
  for (const human of humans) {
    for (const source of human.sources) {
      if (seen.has(source)) return false;
      seen.add(source);
    }
  }
  return true;
}

function firstHandleWith(a: HumanNames, token: string): string | undefined {
  return sorted(a.handles.keys())
    .filter((handle) => handleSegments(handle).includes(token))
    .map((handle) => a.handles.get(handle))[0];
}

function intersects(
  a: ReadonlyMap<string, unknown> | ReadonlySet<string>,
  b: ReadonlyMap<string, unknown> | ReadonlySet<string>,
): boolean {
  for (const key of a.keys()) if (b.has(key)) return true;
  return false;
}

function sorted(keys: Iterable<string>): string[] {
  return [...keys].sort();
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
