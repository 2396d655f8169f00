import type { ChannelUpdated } from './channel.js';
import { CHANNEL_KINDS, LINK_METHODS, SOURCES } from './closed-lists.js';
import type { Evidence } from './annotations.js';
import type { PersonLinked, PersonUpdated } from './person.js';

/**
 * The payload schemas of the events a cold query reads (people, links, channels, a fact's evidence), written out
 * without zod: loading zod is the largest cost of a cold `outro ask` that no pattern answers.
 * Each accepts exactly what its schema accepts (payload-checks.test.ts probes every field of the
 * schema), so a reader using one skips the same events as a reader using the schema.
 */
type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isStrings = (value: unknown): boolean => Array.isArray(value) && value.every(isString);
const optional =
  (check: (value: unknown) => boolean) =>
  (value: unknown): boolean =>
    value === undefined || check(value);
const oneOf =
  (values: readonly string[]) =>
  (value: unknown): boolean =>
    isString(value) && values.includes(value);

/** Field → check, for each checked payload type. */
const PERSON_UPDATED: Record<string, (value: unknown) => boolean> = {
  key: isString,
  source: oneOf(SOURCES),
  workspace: isString,
  nativeId: isString,
  names: isStrings,
  handles: isStrings,
  emails: isStrings,
  isBot: (value) => typeof value === 'boolean',
  title: optional(isString),
  timezone: optional(isString),
  deleted: optional((value) => typeof value === 'boolean'),
};

const PERSON_LINKED: Record<string, (value: unknown) => boolean> = {
  a: isString,
  b: isString,
  method: oneOf(LINK_METHODS),
  confidence: (value) => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1,
  basis: isString,
};

const CHANNEL_UPDATED: Record<string, (value: unknown) => boolean> = {
  key: isString,
  source: oneOf(SOURCES),
  workspace: isString,
  nativeId: isString,
  name: isString,
  kind: oneOf(CHANNEL_KINDS),
  members: isStrings,
  topic: optional(isString),
  purpose: optional(isString),
  archived: optional((value) => typeof value === 'boolean'),
  nameFromId: optional((value) => typeof value === 'boolean'),
};

/** A message cited as evidence (annotations.ts Evidence: a MessageRef with its author, time and snippet). */
const EVIDENCE: Record<string, (value: unknown) => boolean> = {
  source: oneOf(SOURCES),
  workspace: isString,
  channel: isString,
  id: isString,
  author: isString,
  ts: isString,
  snippet: isString,
};

function matches(payload: unknown, fields: Record<string, (value: unknown) => boolean>): boolean {
  if (!isFields(payload)) return false;
  for (const [name, check] of Object.entries(fields)) if (!check(payload[name])) return false;
  return true;
}

export function isPersonUpdated(payload: unknown): payload is PersonUpdated {
  return matches(payload, PERSON_UPDATED);
}

export function isPersonLinked(payload: unknown): payload is PersonLinked {
  return matches(payload, PERSON_LINKED);
}

export function isChannelUpdated(payload: unknown): payload is ChannelUpdated {
  return matches(payload, CHANNEL_UPDATED);
}

export function isEvidence(value: unknown): value is Evidence {
  return matches(value, EVIDENCE);
}

/**
 * The `evidence` list of a stored payload (JSON), each item with only Evidence's fields (as the schema
 * outputs it); [] when the payload has none or an item is not Evidence. Reads that part alone: the
 * events whose evidence is looked up are ones the projection validated whole when it read them.
 */
export function evidenceIn(json: string): Evidence[] {
  const payload: unknown = JSON.parse(json);
  if (!isFields(payload) || !Array.isArray(payload.evidence) || !payload.evidence.every(isEvidence))
    return [];
  return payload.evidence.map(({ source, workspace, channel, id, author, ts, snippet }: Evidence) => ({
    source,
    workspace,
    channel,
    id,
    author,
    ts,
    snippet,
  }));
}

/** A stored payload (JSON) when `check` accepts it; else undefined (as event-log.ts decodePayload). */
export function decodeChecked<T>(json: string, check: (payload: unknown) => payload is T): T | undefined {
  const payload: unknown = JSON.parse(json);
  return check(payload) ? payload : undefined;
}
