import type { FactVersion } from '../../facts/fact-types.js';
import type { GraphBatch, GraphRecords, RecordKind } from '../graph-records.js';
import type {
  FactQuery,
  GraphCounts,
  GraphLoadSource,
  GraphStore,
  ItemQuery,
  LoadStats,
  MeetingQuery,
  SearchHits,
} from '../graph-store.js';
import type { SqliteGraphStore } from './sqlite-graph-store.js';

/** Fact versions handed to the mirror at once while the primary's bulk load streams them. */
const MIRROR_FACT_BATCH = 5_000;

/**
 * The graph (Kùzu) with its copy in the main store (SqliteGraphStore): every write, reset and load
 * goes to both, reads go to the primary. The cursor is the lower of the two, so a crash between
 * the two writes, or a mirror that is new beside a full graph (a store from before the mirror),
 * makes the projector apply the events again, which changes nothing where they were applied
 * (records merge by seq, slots are resolved again from every claim): the two end equal.
 */
export class MirroredGraphStore implements GraphStore {
  readonly engine: GraphStore['engine'];

  constructor(
    private readonly primary: GraphStore,
    private readonly mirror: SqliteGraphStore,
  ) {
    this.engine = primary.engine;
  }

  async cursor(): Promise<number> {
    return Math.min(await this.primary.cursor(), await this.mirror.cursor());
  }

  get<K extends RecordKind>(kind: K, ids: readonly string[]): Promise<Map<string, GraphRecords[K]>> {
    return this.primary.get(kind, ids);
  }

  async write(batch: GraphBatch): Promise<void> {
    await this.primary.write(batch);
    await this.mirror.write(batch);
  }

  async reset(): Promise<void> {
    await this.primary.reset();
    await this.mirror.reset();
  }

  async load(source: GraphLoadSource): Promise<LoadStats> {
    // Into an emptied graph (GraphStore.load). The facts are a one-pass stream: the mirror takes them in
    // batches as the primary reads them.
    this.mirror.loadRecords(source.records);
    const mirror = this.mirror;
    function* tee(): Generator<FactVersion> {
      const pending: FactVersion[] = [];
      for (const fact of source.facts) {
        pending.push(fact);
        if (pending.length >= MIRROR_FACT_BATCH) mirror.loadFacts(pending.splice(0));
        yield fact;
      }
      mirror.loadFacts(pending);
    }
    const stats = await this.primary.load({ ...source, facts: tee() });
    if (source.cursor !== undefined)
      await this.mirror.write({ records: {}, slots: [], cursor: source.cursor });
    return stats;
  }

  search(text: string, limit?: number): Promise<SearchHits> {
    return this.primary.search(text, limit);
  }

  facts(query: FactQuery): Promise<FactVersion[]> {
    return this.primary.facts(query);
  }

  decisions(query: { about?: string }): ReturnType<GraphStore['decisions']> {
    return this.primary.decisions(query);
  }

  actionItems(query: ItemQuery): ReturnType<GraphStore['actionItems']> {
    return this.primary.actionItems(query);
  }

  questions(query: ItemQuery): ReturnType<GraphStore['questions']> {
    return this.primary.questions(query);
  }

  meetings(query: MeetingQuery): ReturnType<GraphStore['meetings']> {
    return this.primary.meetings(query);
  }

  conversations(query: { about: string }): ReturnType<GraphStore['conversations']> {
    return this.primary.conversations(query);
  }

  counts(): Promise<GraphCounts> {
    return this.primary.counts();
  }

  dump(): ReturnType<GraphStore['dump']> {
    return this.primary.dump();
  }

  async close(): Promise<void> {
    await this.mirror.close();
    await this.primary.close();
  }
}
