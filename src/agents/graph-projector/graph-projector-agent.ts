import { dirname, join } from 'node:path';
import { EVENT, type EventEnvelope, type StoredEvent } from '../../domain/events.js';
import { SqliteClaimIndex } from '../../memory/facts/sqlite-claim-index.js';
import { catchUpGraph } from '../../memory/graph/catch-up.js';
import type { GraphStore } from '../../memory/graph/graph-store.js';
import { MemoryGraphStore } from '../../memory/graph/memory-graph-store.js';
import { GraphProjector, PROJECTED_EVENT_TYPES, type ApplyResult } from '../../memory/graph/projector.js';
import type { SqliteDatabase } from '../../memory/sqlite.js';
import type { Agent, AgentContext } from '../../runtime/agents/agent.js';
import { collectGarbage } from '../../runtime/collect-garbage.js';

export const GRAPH_PROJECTOR_VERSION = 'graph-projector-1';

/**
 * An empty graph behind more projected events than this is bulk-loaded on the first batch: a COPY
 * load costs ~1-2 s whatever its size, row-by-row upserts ~3 ms an event (bench:pipeline, 5k messages).
 */
const AGENT_BULK_THRESHOLD = 1_000;

/**
 * Event types the agent subscribes to. Besides what the graph projects today it takes
 * person.linked and meeting events so that a later graph schema can use them without a new
 * subscription; events the projector does not read are acknowledged and skipped.
 */
export const GRAPH_PROJECTOR_CONSUMES: readonly string[] = [
  ...PROJECTED_EVENT_TYPES,
  EVENT.personLinked,
  EVENT.meetingScheduled,
  EVENT.meetingCancelled,
];

/**
 * The graph projector: facts, decisions, action items, questions, people, channels and entities
 * into the graph (Kùzu by default). Produces no events. Idempotent by event id: records merge by
 * seq and each fact slot is resolved again from every claim in it (see GraphProjector), so a
 * redelivered batch leaves the graph as it was.
 *
 * Kùzu allows one process per database, so the graph is opened lazily on the first batch and
 * held until `close()` (call it when the command or daemon ends).
 *
 * Each batch with events past the graph's cursor first catches the graph up to the end of the log
 * (`catchUpGraph`: an empty graph behind more than AGENT_BULK_THRESHOLD projected events — the
 * first ingest — is bulk-loaded by COPY, else the tail is applied in large chunks, so a calendar
 * series of thousands of occurrences is written with one COPY per table, not one per delivery);
 * events at or below the graph's cursor are already reflected and skipped. The graph
 * ends the same as applying every batch (rebuild.ts uses the projector's rules); the agent runs
 * last (agents/index.ts), so on a first ingest its first batch finds the whole log written.
 */
export class GraphProjectorAgent implements Agent {
  readonly name = 'graph-projector';
  readonly version = GRAPH_PROJECTOR_VERSION;
  readonly consumes = GRAPH_PROJECTOR_CONSUMES;
  readonly produces = [] as const;
  /** Each batch is one graph write transaction (and a COPY when large): fewer, larger batches. */
  readonly batchSize = 5_000;
  private graph: Promise<GraphStore> | undefined;
  private projector: { db: SqliteDatabase; projector: GraphProjector; graph: GraphStore } | undefined;
  /** What the last batch did (for status and tests). */
  lastResult: ApplyResult | undefined;

  /** @param openGraph opens the graph store (given the store the agent runs on); called once, on the first batch. */
  constructor(private readonly openGraph: (db: SqliteDatabase) => Promise<GraphStore>) {}

  async handle(batch: readonly StoredEvent[], context: AgentContext): Promise<EventEnvelope[]> {
    if (batch.length === 0) return [];
    if (context.signal.aborted) throw context.signal.reason ?? new Error('aborted');
    const { projector, graph } = await this.projectorFor(context.db);
    let cursor = await graph.cursor();
    let caughtUp = 0;
    if (batch.some((event) => event.seq > cursor))
      ({ cursor, events: caughtUp } = await catchUpGraph(context.db, graph, {
        bulkThreshold: AGENT_BULK_THRESHOLD,
        // The records of a first ingest's load (~160 MB of heap at 200,000 messages) are garbage
        // once written to the COPY files: collected before Kùzu's memory grows with the COPY.
        written: collectGarbage,
      }));
    const fresh = cursor > 0 ? batch.filter((event) => event.seq > cursor) : batch;
    const applied =
      fresh.length > 0 ? await projector.apply(fresh) : { events: 0, invalid: 0, records: 0, slots: 0 };
    this.lastResult = { ...applied, events: applied.events + caughtUp };
    return [];
  }

  /** Closes the graph if it was opened; the next batch opens it again. */
  async close(): Promise<void> {
    const graph = this.graph;
    this.graph = undefined;
    this.projector = undefined;
    if (graph) await (await graph).close();
  }

  private async projectorFor(db: SqliteDatabase): Promise<{ projector: GraphProjector; graph: GraphStore }> {
    if (this.projector?.db === db) return this.projector;
    this.graph ??= this.openGraph(db).catch((error: unknown) => {
      this.graph = undefined;
      throw error;
    });
    const graph = await this.graph;
    this.projector = { db, projector: new GraphProjector(new SqliteClaimIndex(db), graph), graph };
    return this.projector;
  }
}

/**
 * The agent over the Kùzu graph in `graphDir` (paths.graphDir), shared with commands run in the same process,
 * and its copy in the main store (openProjectedGraphStore).
 */
export function createGraphProjectorAgent(graphDir: string): GraphProjectorAgent {
  // Loaded on first use: the Kùzu native module costs ~0.5 s to load, which commands that never
  // touch the graph should not pay. The heap's garbage goes first (collect-garbage.ts): on a first
  // ingest, what the agents before this one left would otherwise sit under Kùzu's memory at the peak.
  return new GraphProjectorAgent(async (db) => {
    collectGarbage();
    return (await import('../../memory/graph/open-graph.js')).openProjectedGraphStore(graphDir, db);
  });
}

/**
 * The agent for the store `db`: the graph lives beside the SQLite file (`<data dir>/graph`, as
 * paths.graphDir lays it out); an in-memory store (tests) gets an in-memory graph.
 */
export function graphProjectorAgentFor(db: SqliteDatabase): GraphProjectorAgent {
  if (db.memory || db.name === '' || db.name === ':memory:') {
    return new GraphProjectorAgent(async () => new MemoryGraphStore());
  }
  return createGraphProjectorAgent(join(dirname(db.name), 'graph'));
}
