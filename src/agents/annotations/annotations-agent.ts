/**
 * The annotations agent: conversation.extracted in; conversation.annotated, entity.named,
 * decision.recorded, action_item.assigned/completed, question.asked/answered and fact.asserted/retracted
 * out (docs/ARCHITECTURE.md "Agents"). For each conversation the batch touches (the latest event per conversationId
 * wins; a retired conversation, with no messages, is skipped) it reads the channel's current messages,
 * what is already known (people, entities, decisions, open items, facts), runs the annotate stage through
 * the stage cache and returns the events the log does not hold yet.
 */
import {
  EVENT,
  hasType,
  parseEvent,
  type EventEnvelope,
  type StoredEvent,
  type TypedEvent,
} from '../../domain/events.js';
import { systemTimeZone } from '../../domain/time-zones.js';
import {
  annotateStage,
  heuristicAnnotateStrategy,
  runAnnotate,
} from '../../pipeline/annotate/annotate-stage.js';
import { runStage } from '../../pipeline/run-model-stage.js';
import type { ModelClient } from '../../llm/model-client.js';
import { createModelRuntime } from '../../llm/model-runtime.js';
import type { ModelConfigBlock } from '../../llm/model-settings.js';
import { SqliteStageCache } from '../../memory/stage-cache-store.js';
import { DEFAULT_BATCH_SIZE, type Agent, type AgentContext } from '../../runtime/agents/agent.js';
import { ANNOTATION_EVENT_TYPES, annotationEvents } from './annotation-events.js';
import { buildAnnotateInput, ChannelMessagesCache, readKnowledge } from './annotate-inputs.js';
import { KNOWLEDGE_TYPES } from './knowledge-as-of.js';
import { KnowledgeFold } from './knowledge-fold.js';
import { AnnotatePool, type PoolBatch } from './annotate-pool.js';
import { sameReads } from './annotate-reads.js';
import { annotateThreads } from './annotate-threads.js';

export const ANNOTATIONS_AGENT_VERSION = 'annotations-1';

export interface AnnotationsAgentOptions {
  /** IANA zone for due dates and handover dates (config `timezone`); default: the process zone. */
  timezone?: string;
  /** Set when config `model` is: the model strategy answers, the heuristic is the fallback. */
  modelClient?: ModelClient;
  /** Config `model.annotate: acts`: the model reads only the units' dialogue acts (classify-acts). */
  modelActs?: boolean;
  /**
   * Threads that annotate, the main one included (config `workers`, OUTRO_WORKERS; default 1). Above
   * 1, and without a model, conversations are annotated ahead on worker threads (annotate-pool.ts):
   * the events are the same whatever the number.
   */
  threads?: number;
  /** A batch with fewer conversations is annotated on the main thread alone. */
  poolFrom?: number;
  /**
   * The agent serves one drain and is closed after it (`outro ingest`): once caught up it lets go
   * of the annotation events it folded too, which a long-lived agent keeps for its next batch.
   */
  singleDrain?: boolean;
  /** Produced events a part of a batch holds before it commits them (default PART_EVENTS). */
  partEvents?: number;
  /** Test hook: called after each part of a batch this run committed (not one replayed from its checkpoint). */
  afterPart?: (part: number) => void;
  /** Test hooks: workers run on stale knowledge (annotate-pool.ts); a batch waits until the workers are up. */
  withholdPending?: boolean;
  awaitWorkers?: boolean;
}

/** Produced events a part of a batch gathers before it commits them (about 2 MB of JSON). */
const PART_EVENTS = 2_000;

/** Fewer conversations than this in a batch are not worth the messages to the workers. */
const POOL_FROM = 16;

export class AnnotationsAgent implements Agent {
  readonly name = 'annotations';
  readonly version = ANNOTATIONS_AGENT_VERSION;
  readonly consumes = [EVENT.conversationExtracted] as const;
  readonly produces = ANNOTATION_EVENT_TYPES;
  readonly batchSize = DEFAULT_BATCH_SIZE;
  private readonly timezone: string;
  /**
   * Kept across batches, for one log (another log starts them again): the annotation events so
   * far, and each channel's messages while the log adds nothing to its stream.
   */
  private held: { fold: KnowledgeFold; channels: ChannelMessagesCache } | undefined;
  /** Started on the first batch that uses it, for the store it was started on; closed by `close()`. */
  private pool: { file: string; pool: AnnotatePool } | undefined;

  constructor(private readonly options: AnnotationsAgentOptions = {}) {
    this.timezone = options.timezone ?? systemTimeZone();
  }

  async handle(batch: readonly StoredEvent[], context: AgentContext): Promise<EventEnvelope[]> {
    const latest = new Map<string, TypedEvent<typeof EVENT.conversationExtracted>>();
    for (const event of batch) {
      const extracted = parseEvent(event, [EVENT.conversationExtracted]);
      if (extracted) latest.set(extracted.payload.conversationId, extracted);
    }
    if (latest.size === 0) return [];
    // Cache writes are held and committed with the batch's events (one transaction per batch).
    const cache = new SqliteStageCache(context.db, context.now, { deferWrites: true });
    if (!this.held?.fold.mirrors(context.log))
      this.held = { fold: new KnowledgeFold(context.log), channels: new ChannelMessagesCache(context.log) };
    const { channels } = this.held;
    channels.refresh();
    const knowledge = readKnowledge(context.db, context.log, this.held.fold);
    const ordered = [...latest.values()].sort((a, b) => a.payload.start.localeCompare(b.payload.start));
    const seen = new Set<string>();
    const ahead = await this.poolFor(context, ordered);
    /** Annotates the conversation at `at`; returns the events it produced that this batch had not produced yet. */
    const annotateAt = async (at: number): Promise<EventEnvelope[]> => {
      if (context.signal.aborted) throw context.signal.reason ?? new Error('aborted');
      const event = ordered[at];
      const conversation = event.payload;
      if (conversation.messages.length === 0) return [];
      const messages = channels.messages(conversation.channel);
      const input = buildAnnotateInput(conversation, messages, knowledge, this.timezone);
      const done = await ahead?.batch.take(at);
      if (!input) return [];
      const stage = { now: context.now(), signal: context.signal };
      // A worker's output stands only where this input answers every read its run made the same.
      const taken = done && sameReads(done.reads, input) ? done.output : undefined;
      if (ahead) ahead.stats[taken ? 'taken' : done ? 'redone' : 'local']++;
      const result = taken
        ? await runStage(annotateStage, input, stage, {
            heuristic: { ...heuristicAnnotateStrategy, run: () => taken },
            cache,
          })
        : await runAnnotate(input, stage, {
            cache,
            modelClient: this.options.modelClient,
            modelActs: this.options.modelActs,
          });
      const events = annotationEvents(input, result.output, result.provenance, event.id);
      const fresh = events.filter((produced) => !seen.has(produced.id) && seen.add(produced.id));
      // Later conversations of this batch see what this one produced.
      const known = events.filter((produced) => hasType(produced, KNOWLEDGE_TYPES));
      for (const produced of known) knowledge.fold.addPending(produced);
      ahead?.batch.produced(known);
      return fresh;
    };
    // What the log already holds is not returned (asked once for a part or the batch, not per event).
    const unstored = (events: EventEnvelope[]): EventEnvelope[] => {
      const stored = context.log.storedIds(events.map((produced) => produced.id));
      return stored.size > 0 ? events.filter((produced) => !stored.has(produced.id)) : events;
    };
    const out: EventEnvelope[] = [];
    if (context.commitPart) {
      // A large batch (200k messages: ~90,000 events) commits its events and cache entries in parts
      // instead of holding them to its end; a run resumed after a crash skips the parts it committed
      // (the fold reads their events back from the log, where this run saw them as pending).
      const partEvents = this.options.partEvents ?? PART_EVENTS;
      for (let at = 0, part = 0; at < ordered.length; part++) {
        const from = at;
        let ran = false;
        at = await context.commitPart(`part-${part}`, async () => {
          ran = true;
          const events: EventEnvelope[] = [];
          let next = from;
          while (next < ordered.length && events.length < partEvents)
            events.push(...(await annotateAt(next++)));
          return { output: next, events: unstored(events), write: () => cache.flush() };
        });
        if (ran) this.options.afterPart?.(part);
      }
    } else {
      for (let at = 0; at < ordered.length; at++) out.push(...(await annotateAt(at)));
      if (context.onCommit) context.onCommit(() => cache.flush());
      else cache.flush();
    }
    // A short batch means the agent has caught up: the channels' messages (all of a 200k-message channel)
    // would otherwise stay in memory through the search index and the graph load after it, and so
    // would the folded knowledge (~100 MB of heap at 200,000 messages) where no later batch needs it.
    if (batch.length < this.batchSize) {
      if (this.options.singleDrain) this.held = undefined;
      else channels.clear();
    }
    return unstored(out);
  }

  /**
   * The pool's batch for these conversations, when the pool is worth it: more than one thread, no
   * model (its calls and cache stay here), a store on disk the workers can open, a batch big enough.
   */
  private async poolFor(
    context: AgentContext,
    ordered: readonly TypedEvent<typeof EVENT.conversationExtracted>[],
  ): Promise<{ batch: PoolBatch; stats: AnnotatePool['stats'] } | undefined> {
    const threads = this.options.threads ?? 1;
    const file = context.db.name;
    if (threads < 2 || this.options.modelClient || context.db.memory || !file) return undefined;
    if (ordered.length < (this.options.poolFrom ?? POOL_FROM)) return undefined;
    if (this.pool?.file !== file) {
      await this.close();
      this.pool = {
        file,
        pool: new AnnotatePool({
          file,
          timezone: this.timezone,
          workers: threads - 1,
          withholdPending: this.options.withholdPending,
        }),
      };
    }
    const { pool } = this.pool;
    const batch = pool.batch(ordered.map((event) => event.payload));
    if (this.options.awaitWorkers) await pool.started();
    return { batch, stats: pool.stats };
  }

  /** Stops the pool's workers (the command or daemon is done with the agent). */
  async close(): Promise<void> {
    const held = this.pool;
    this.pool = undefined;
    await held?.pool.close();
  }

  /** Whether the annotation events folded so far are held for the next batch (tests). */
  holdsKnowledge(): boolean {
    return this.held !== undefined;
  }

  /** How the pool's answers were used so far: taken, annotated again (the input differed), or not sent. */
  poolStats(): AnnotatePool['stats'] | undefined {
    return this.pool?.pool.stats;
  }
}

/**
 * Builds the agent from the app config (typed loosely: agents do not import app/): config `timezone`
 * for dates, and when config `model` (or OUTRO_MODEL) names a model, the model strategy with the
 * heuristic as its fallback. `modelClient` overrides the configured one (tests, a shared runtime).
 */
export function annotationsAgentFromConfig(
  config: unknown,
  modelClient?: ModelClient,
  env: Readonly<Record<string, string | undefined>> = process.env,
  singleDrain = false,
): AnnotationsAgent {
  const block =
    typeof config === 'object' && config !== null
      ? (config as { timezone?: unknown; model?: ModelConfigBlock; workers?: unknown })
      : {};
  const timezone = typeof block.timezone === 'string' ? block.timezone : undefined;
  const client = modelClient ?? createModelRuntime({ model: block.model }, env)?.client;
  return new AnnotationsAgent({
    timezone,
    modelClient: client,
    modelActs: block.model?.annotate === 'acts',
    threads: annotateThreads(block.workers, env),
    singleDrain,
  });
}
