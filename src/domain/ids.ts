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

/** JSON with object keys sorted, so equal values hash equally. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(value, (_key, val: unknown) => {
    if (val && typeof val === 'object' && !Array.isArray(val)) {
      const sorted: Record<string, unknown> = {};
      for (const key of Object.keys(val as Record<string, unknown>).sort()) {
        sorted[key] = (val as Record<string, unknown>)[key];
      }
      return sorted;
    }
    return val;
  });
}

/** `source:workspace:nativeId` — the key of a person, channel or calendar in one source. */
export function sourceKey(source: string, workspace: string, nativeId: string): string {
  return `${source}:${workspace}:${nativeId}`;
}
