import { hash } from 'node:crypto';

const SEPARATOR = '\u001f';

/**
 * A deterministic id from the parts that make a thing itself: 128 bits of SHA-256, base64url
 * (22 characters). The same parts always give the same id, so re-ingesting an export appends nothing.
 */
export function stableId(...parts: ReadonlyArray<string | number | null | undefined>): string {
  // crypto.hash (one-shot) is about twice as fast as createHash for short inputs; ids are hot on ingest.
  return hash(
    'sha256',
    parts.map((part) => (part === null || part === undefined ? '' : String(part))).join(SEPARATOR),
    'base64url',
  ).slice(0, 22);
}

/** A short content hash, for change detection (edits, profile updates, cache keys). */
export function contentHash(value: unknown): string {
  const text = typeof value === 'string' ? value : stableStringify(value);
  return hash('sha256', text, 'base64url').slice(0, 16);
}

/**
 * JSON with object keys sorted, so equal values hash equally: what `JSON.stringify` writes (toJSON,
 * undefined members left out, undefined array items as null) with each object's keys in sort order.
 * Written by hand rather than with a replacer, which copies every object (inputs hashed per
 * conversation are large). `known` gives the text of objects already written (shared parts of
 * many inputs); it must be what this function writes for them.
 */
export function stableStringify(value: unknown, known?: ReadonlyMap<object, string>): string {
  return write(value, '', known) as string;
}

function write(
  value: unknown,
  key: string | number,
  known: ReadonlyMap<object, string> | undefined,
): string | undefined {
  if (value !== null && typeof value === 'object') {
    const memo = known?.get(value);
    if (memo !== undefined) return memo;
    const toJSON = (value as { toJSON?: unknown }).toJSON;
    if (typeof toJSON === 'function') value = toJSON.call(value, String(key)) as unknown;
  }
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'bigint':
      return JSON.stringify(value); // throws, as JSON.stringify does
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    let out = '[';
    for (let index = 0; index < value.length; index++)
      out += (index > 0 ? ',' : '') + (write(value[index], index, known) ?? 'null');
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const name of sortedKeys(record)) {
    const text = write(record[name], name, known);
    if (text === undefined) continue;
    out += `${first ? '' : ','}${quotedKey(name)}:${text}`;
    first = false;
  }
  return `${out}}`;
}

/** `JSON.stringify(name)` of object keys, kept: the same few field names are written for every object. */
const quotedKeys = new Map<string, string>();
function quotedKey(name: string): string {
  let quoted = quotedKeys.get(name);
  if (quoted === undefined) {
    quoted = JSON.stringify(name);
    if (quotedKeys.size >= 10_000) quotedKeys.clear();
    quotedKeys.set(name, quoted);
  }
  return quoted;
}

const INDEX_KEY = /^(?:0|[1-9]\d{0,9})$/;

/** Keys in sort order, as an object built in that order enumerates them: integer keys first, ascending. */
function sortedKeys(record: Record<string, unknown>): string[] {
  const keys = Object.keys(record).sort();
  if (!keys.some((key) => key.charCodeAt(0) >= 48 && key.charCodeAt(0) <= 57)) return keys;
  const integers = keys.filter((key) => INDEX_KEY.test(key) && Number(key) < 4294967295);
  if (integers.length === 0) return keys;
  const rest = keys.filter((key) => !(INDEX_KEY.test(key) && Number(key) < 4294967295));
  return [...integers.sort((a, b) => Number(a) - Number(b)), ...rest];
}

/** `source:workspace:nativeId` — the key of a person, channel or calendar in one source. */
export function sourceKey(source: string, workspace: string, nativeId: string): string {
  return `${source}:${workspace}:${nativeId}`;
}
