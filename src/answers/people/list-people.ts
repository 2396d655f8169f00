import type { PersonAlias, PersonUpdated } from '../../domain/person.js';
import { loadPeopleDirectory } from './directory-snapshot.js';
import type { SqliteDatabase } from '../../memory/sqlite.js';
import { MIN_LINK_CONFIDENCE } from '../../pipeline/resolve/people.js';
import type { PeopleDirectory, Human, IdentityLink } from './people-directory.js';
import {
  PEOPLE_VERSION,
  type IdentityView,
  type LinkView,
  type PeopleResult,
  type PersonSummary,
} from './people-types.js';

export interface PeopleOptions {
  /** One human (any handle, id, key, display name or email, on any source); default the list. */
  who?: string;
  /** List bots too (default: humans only). */
  bots?: boolean;
  /** The config's `people:` entries, to show what they change that the log does not hold yet. */
  aliases?: readonly PersonAlias[];
  /** Where those entries live, for the hint on how to override a grouping. */
  configFile: string;
}

/**
 * `outro people`: the humans outro sees, one per human — identities linked across sources by the
 * one grouping every command uses (`groupHumans`, through the people directory, over the
 * person.linked events in the log) — or one of them with every identity and the links that joined
 * it (method, confidence, basis), the links that joined nothing and why, and how to override the
 * grouping in the config.
 */
export function listPeople(db: SqliteDatabase, options: PeopleOptions): PeopleResult {
  const directory = loadPeopleDirectory(db);
  const label = labeller(directory);
  const pending = directory
    .unappliedConfig(options.aliases ?? [])
    .map((link) =>
      view(label, link, false, 'in the config, not yet in the log: run `outro ingest` again to apply it'),
    );
  if (options.who === undefined) {
    const listed = directory.humans.filter((human) => options.bots === true || !human.isBot);
    return {
      version: PEOPLE_VERSION,
      kind: 'list',
      people: listed
        .map((human) => summary(directory, human))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
      counts: {
        humans: directory.humans.filter((human) => !human.isBot).length,
        identities: listed.reduce((sum, human) => sum + human.keys.length, 0),
        joined: listed.filter((human) => human.keys.length > 1).length,
        bots: directory.humans.filter((human) => human.isBot).length,
      },
      override: {
        configFile: options.configFile,
        example: [
          'people:',
          '  - name: Leila Moreau',
          '    ids: [slack:U02LEILA, discord:leilamoreau, leila@brightwater.io]   # one human',
          '    exclude: [teams:8c1f0a2e-…]                                 # never this identity',
        ],
        pending,
      },
    };
  }
  const human = directory.human(directory.resolveReader([options.who], '`outro people WHO`').id);
  const { within, across } = directory.linksOf(human);
  const identities = directory.identities(human).map(identityView);
  const others = [...new Set(across.map((link) => (human.keys.includes(link.a) ? link.b : link.a)))];
  return {
    version: PEOPLE_VERSION,
    kind: 'show',
    person: {
      ...summary(directory, human),
      identities,
      links: within
        .filter((link) => link.method !== 'notSame')
        .sort(strongestFirst)
        .map((link) => view(label, link, link.confidence >= MIN_LINK_CONFIDENCE, null)),
      notJoined: [...across].sort(strongestFirst).map((link) => view(label, link, false, apartReason(link))),
    },
    override: {
      configFile: options.configFile,
      example: [
        'people:',
        `  - name: ${human.name}`,
        `    ids: [${identities.map((identity) => identity.configId).join(', ')}]`,
        ...(others.length > 0
          ? [`    exclude: [${others.map(configIdOf).join(', ')}]   # if these are someone else`]
          : []),
      ],
      pending: pending.filter((link) => human.keys.includes(link.a) || human.keys.includes(link.b)),
    },
  };
}

function apartReason(link: IdentityLink): string {
  if (link.method === 'notSame') return 'kept apart by the config (exclude)';
  if (link.confidence < MIN_LINK_CONFIDENCE) return `too weak to join (under ${MIN_LINK_CONFIDENCE})`;
  return 'kept apart: a config exclude, or a name link between two accounts of one chat workspace';
}

function view(
  label: (key: string) => string,
  link: IdentityLink,
  joins: boolean,
  apart: string | null,
): LinkView {
  return {
    a: link.a,
    b: link.b,
    aLabel: label(link.a),
    bLabel: label(link.b),
    method: link.method,
    confidence: link.confidence,
    basis: link.basis,
    joins,
    apart,
  };
}

function strongestFirst(x: IdentityLink, y: IdentityLink): number {
  return (
    y.confidence - x.confidence ||
    x.method.localeCompare(y.method) ||
    x.a.localeCompare(y.a) ||
    x.b.localeCompare(y.b)
  );
}

function summary(directory: PeopleDirectory, human: Human): PersonSummary {
  return {
    id: human.id,
    name: human.name,
    isBot: human.isBot,
    sources: [...new Set(directory.identities(human).map((profile) => profile.source))],
    identityCount: human.keys.length,
    names: human.names,
    handles: human.handles,
    emails: human.emails,
    confidence: human.confidence,
  };
}

function identityView(profile: PersonUpdated): IdentityView {
  return {
    key: profile.key,
    source: profile.source,
    workspace: profile.workspace,
    nativeId: profile.nativeId,
    names: profile.names,
    handles: profile.handles,
    emails: profile.emails,
    isBot: profile.isBot,
    title: profile.title ?? null,
    timezone: profile.timezone ?? null,
    deleted: profile.deleted === true,
    configId: configIdOf(profile.key),
  };
}

/** `source:workspace:nativeId` → `source:nativeId`, the form the config's ids take. */
function configIdOf(key: string): string {
  const parts = key.split(':');
  return parts.length >= 3 ? `${parts[0]}:${parts.slice(2).join(':')}` : key;
}

/** `slack:U02LEILA (Leila)`: the config id and the first name the identity goes by. */
function labeller(directory: PeopleDirectory): (key: string) => string {
  return (key) => {
    const name = directory.identity(key)?.names[0] ?? '';
    return name ? `${configIdOf(key)} (${name})` : configIdOf(key);
  };
}
