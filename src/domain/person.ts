import { z } from 'zod';
import { LINK_METHODS } from './closed-lists.js';
import { Source } from './source.js';

/** One native identity in one source (a Slack user, a Discord user, a Teams AAD user, an ICS attendee). */
export const PersonUpdated = z.object({
  /** `source:workspace:nativeId` */
  key: z.string(),
  source: Source,
  workspace: z.string(),
  nativeId: z.string(),
  /** Display name first, then real/full names. */
  names: z.array(z.string()),
  /** Login-style names: Slack `name`, Discord `name`/`nickname`, email local parts are not handles. */
  handles: z.array(z.string()),
  emails: z.array(z.string()),
  isBot: z.boolean(),
  title: z.string().optional(),
  timezone: z.string().optional(),
  deleted: z.boolean().optional(),
});
export type PersonUpdated = z.infer<typeof PersonUpdated>;

export { LINK_METHODS };

/**
 * Two native identities judged to be the same human, with how and how sure. Method `notSame`
 * (confidence 0) is the opposite: a veto from the config, which keeps the two apart whatever
 * other links say.
 */
export const PersonLinked = z.object({
  a: z.string(),
  b: z.string(),
  method: z.enum(LINK_METHODS),
  confidence: z.number().min(0).max(1),
  /** The email, name, handle, introduction or alias the link rests on. */
  basis: z.string(),
});
export type PersonLinked = z.infer<typeof PersonLinked>;

/** A config `people:` entry: identities the user declares to be one human. */
export interface PersonAlias {
  name: string;
  /** `<source>:<native id, handle or name>` (slack:U123, discord:pj_dev), `email:<address>`, a bare email, or a bare name. */
  ids: string[];
  /** Identities (written like `ids`) that are NOT this human: never linked to it, by any rule. */
  exclude?: string[];
}
