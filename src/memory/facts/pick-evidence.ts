import type { Evidence } from '../../domain/annotations.js';
import { normalizeIso } from '../../domain/time.js';

/** Evidence kept per fact: the first messages and the latest ones. */
export const MAX_FACT_EVIDENCE = 6;

/** Evidence deduplicated by message, in time order; the first two and the latest ones when there are many. */
export function pickEvidence(all: readonly Evidence[], max = MAX_FACT_EVIDENCE): Evidence[] {
  const byMessage = new Map<string, Evidence>();
  for (const evidence of all) {
    const key = messageKey(evidence);
    const seen = byMessage.get(key);
    if (!seen || compareEvidence(evidence, seen) < 0) byMessage.set(key, evidence);
  }
  const sorted = [...byMessage.values()].sort(compareEvidence);
  if (sorted.length <= max) return sorted;
  return [...sorted.slice(0, 2), ...sorted.slice(sorted.length - (max - 2))];
}

function messageKey(evidence: Evidence): string {
  return `${evidence.source}:${evidence.workspace}:${evidence.channel}:${evidence.id}`;
}

function compareEvidence(a: Evidence, b: Evidence): number {
  const [x, y] = [normalizeIso(a.ts), normalizeIso(b.ts)];
  if (x !== y) return x < y ? -1 : 1;
  const [k, l] = [messageKey(a), messageKey(b)];
  return k < l ? -1 : k > l ? 1 : 0;
}
