/**
 * `outro people`: the humans outro sees — a typed, JSON-serialisable result; the plain-text
 * renderer and `--json` are thin consumers of it.
 */
import type { IdentityLink } from './people-directory.js';

export const PEOPLE_VERSION = 1;

/** One human in the list: its identities' names, handles and emails, and how sure the grouping is. */
export interface PersonSummary {
  /** The human's id: its smallest identity key. */
  id: string;
  name: string;
  isBot: boolean;
  /** Sources its identities come from (slack, discord, teams, calendar). */
  sources: string[];
  identityCount: number;
  names: string[];
  handles: string[];
  emails: string[];
  /** The weakest link that joins the human's identities (1 for a single identity). */
  confidence: number;
}

/** One native identity of a human (a Slack user, a Discord user, a Teams user, a calendar address). */
export interface IdentityView {
  key: string;
  source: string;
  workspace: string;
  nativeId: string;
  names: string[];
  handles: string[];
  emails: string[];
  isBot: boolean;
  title: string | null;
  timezone: string | null;
  deleted: boolean;
  /** How to name this identity in the config's `people:` ids and exclude (`slack:U123`). */
  configId: string;
}

/** A person.linked event as `outro people` shows it: two identities, the method, how sure, and why. */
export interface LinkView {
  a: string;
  b: string;
  /** `slack:U02LEILA (Leila)` */
  aLabel: string;
  bLabel: string;
  method: IdentityLink['method'];
  confidence: number;
  /** The email, name, handle, introduction or config entry the link rests on. */
  basis: string;
  /** Whether the link is strong enough to join (MIN_LINK_CONFIDENCE); links across humans: false. */
  joins: boolean;
  /** Links across humans: why the two stayed apart. */
  apart: string | null;
}

export interface PersonDetail extends PersonSummary {
  identities: IdentityView[];
  /** Links between two of the human's identities, strongest first (the evidence that made it). */
  links: LinkView[];
  /** Links from one of its identities to another human's, which joined nothing. */
  notJoined: LinkView[];
}

/** How to change the grouping: the config file, a `people:` entry to start from, and what waits. */
export interface PeopleOverride {
  configFile: string;
  /** YAML lines of a `people:` entry (show), or a generic one (list). */
  example: string[];
  /**
   * Links the config's `people:` entries make (aliases, `exclude` vetoes) that the event log does
   * not hold yet: they take effect at the next `outro ingest`.
   */
  pending: LinkView[];
}

export type PeopleResult =
  | {
      version: typeof PEOPLE_VERSION;
      kind: 'list';
      people: PersonSummary[];
      counts: {
        /** Humans, bots left out. */
        humans: number;
        /** Identities of the humans listed. */
        identities: number;
        /** Listed humans with more than one identity. */
        joined: number;
        bots: number;
      };
      override: PeopleOverride;
    }
  | { version: typeof PEOPLE_VERSION; kind: 'show'; person: PersonDetail; override: PeopleOverride };
