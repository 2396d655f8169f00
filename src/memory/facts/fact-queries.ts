import { FACT_RELATIONS, type FactRelation } from '../../domain/annotations.js';
import type { SqliteDatabase } from '../sqlite.js';
import { normalizeIso } from '../../domain/time.js';
import { isValidAt, slotOf, type FactVersion } from './fact-types.js';
import { resolveSlot } from './slot-timeline.js';
import { SqliteClaimIndex } from './sqlite-claim-index.js';

/**
 * Fact questions answered from the SQLite store alone (the claim index of migration 3 plus the
 * event log), without opening the graph: for the brief and anything else that must not wait on
 * Kùzu's one-process lock. Each slot is resolved with the same rules as the graph projection
 * (slot-timeline.ts), so the answers equal the graph's. Needs the claim index to be current: the
 * graph projector agent (or `outro replay`) keeps it so.
 */
export class FactQueries {
  private readonly claims: SqliteClaimIndex;

  constructor(private readonly db: SqliteDatabase) {
    this.claims = new SqliteClaimIndex(db);
  }

  /** Every version (history included) of facts about `object`, optionally of one relation; by validFrom. */
  about(object: string, relation?: FactRelation): FactVersion[] {
    const relations = relation ? [relation] : (Object.keys(FACT_RELATIONS) as FactRelation[]);
    const slots = new Set<string>();
    for (const one of relations) {
      const rule = FACT_RELATIONS[one];
      if (rule.cardinality === 'one' && rule.slot === 'object') slots.add(slotOf(one, '*', object));
      else
        for (const slot of this.db
          .prepare(`SELECT DISTINCT slot FROM fact_claims WHERE slot LIKE ? ESCAPE '\\'`)
          .pluck()
          .all(`${one}|%|${escapeLike(object)}`) as string[])
          slots.add(slot);
    }
    return this.resolve([...slots]).filter((version) => version.object === object);
  }

  /** Who holds `relation` to `object` at `at` (default now): the current owner is `holders(id, 'owns')[0]`. */
  holders(object: string, relation: FactRelation, at: string = new Date().toISOString()): FactVersion[] {
    const time = normalizeIso(at);
    return this.about(object, relation).filter((version) => isValidAt(version, time));
  }

  /**
   * Fact versions that started, ended, were superseded or were retracted in (from, to]. Candidates
   * are slots with a fact event that occurred in the window or up to `lookbackDays` before it (a
   * handover announced ahead of its date); each is then checked against its own times.
   */
  changedBetween(from: string, to: string, options: { lookbackDays?: number } = {}): FactChange[] {
    const [start, end] = [normalizeIso(from), normalizeIso(to)];
    const since = new Date(Date.parse(start) - (options.lookbackDays ?? 30) * 86_400_000).toISOString();
    const slots = this.db
      .prepare(
        `SELECT c.slot FROM fact_claims c JOIN events e ON e.seq = c.seq WHERE e.occurred_at > ? AND e.occurred_at <= ?
         UNION
         SELECT c.slot FROM fact_retractions r JOIN events e ON e.seq = r.seq JOIN fact_claims c ON c.fact_id = r.fact_id WHERE e.occurred_at > ? AND e.occurred_at <= ?`,
      )
      .pluck()
      .all(since, end, since, end) as string[];
    const inWindow = (time: string | null): boolean => time !== null && time > start && time <= end;
    const changes: FactChange[] = [];
    for (const version of this.resolve(slots)) {
      if (version.status === 'alternative') continue;
      if (version.status === 'retracted') {
        if (inWindow(version.retraction?.at ?? null))
          changes.push({ change: 'retracted', at: version.retraction!.at, version });
        continue;
      }
      if (inWindow(version.validFrom)) changes.push({ change: 'started', at: version.validFrom, version });
      if (inWindow(version.validTo))
        changes.push({
          change: version.status === 'superseded' ? 'superseded' : 'ended',
          at: version.validTo!,
          version,
        });
    }
    // At one instant, what ends is listed before what starts (a handover reads old → new).
    const rank = { superseded: 0, ended: 0, retracted: 1, started: 2 } as const;
    return changes.sort((a, b) =>
      a.at < b.at
        ? -1
        : a.at > b.at
          ? 1
          : rank[a.change] - rank[b.change] || (a.version.id < b.version.id ? -1 : 1),
    );
  }

  private resolve(slots: readonly string[]): FactVersion[] {
    return slots
      .flatMap((slot) => {
        const { assertions, retractions } = this.claims.slot(slot);
        return assertions.length === 0 ? [] : resolveSlot(slot, assertions, retractions);
      })
      .sort((a, b) =>
        a.validFrom < b.validFrom ? -1 : a.validFrom > b.validFrom ? 1 : a.id < b.id ? -1 : 1,
      );
  }
}

export interface FactChange {
  change: 'started' | 'ended' | 'superseded' | 'retracted';
  /** When it happened in the world (a retraction: when it was said). */
  at: string;
  version: FactVersion;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
