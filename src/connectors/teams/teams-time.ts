import { parseTolerantTime } from '../../domain/time.js';
import type { JsonRecord } from '../json-values.js';

export type MessageTime = { ts: string; warning?: string } | { ts: undefined; reason: string };

/**
 * A Graph time, tolerating one damage seen in Microsoft's own published samples: the `T` between
 * date and time missing ("2021-03-1706:47:05.123Z").
 */
export function parseGraphTime(value: unknown): { ts: string; repaired: boolean } | undefined {
  const ts = parseTolerantTime(value);
  if (ts !== undefined) return { ts, repaired: false };
  if (typeof value !== 'string') return undefined;
  const fixed = value.trim().replace(/^(\d{4}-\d{2}-\d{2})(\d{2}:\d{2})/, '$1T$2');
  const repaired = fixed === value.trim() ? undefined : parseTolerantTime(fixed);
  return repaired === undefined ? undefined : { ts: repaired, repaired: true };
}

/** createdDateTime, repaired when it can be, else lastModifiedDateTime; a warning says which. */
export function messageTime(raw: JsonRecord): MessageTime {
  const created = raw.createdDateTime;
  const shown = JSON.stringify(created ?? null);
  const parsed = parseGraphTime(created);
  if (parsed && !parsed.repaired) return { ts: parsed.ts };
  if (parsed)
    return { ts: parsed.ts, warning: `createdDateTime ${shown} is malformed; read it as ${parsed.ts}.` };
  const modified = parseGraphTime(raw.lastModifiedDateTime);
  if (modified)
    return {
      ts: modified.ts,
      warning: `createdDateTime ${shown} is not a time; used lastModifiedDateTime (${modified.ts}) instead.`,
    };
  return {
    ts: undefined,
    reason: `neither createdDateTime ${shown} nor lastModifiedDateTime ${JSON.stringify(raw.lastModifiedDateTime ?? null)} is a time`,
  };
}
