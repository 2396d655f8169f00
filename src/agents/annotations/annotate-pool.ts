/**
 * Annotating ahead on worker threads, with the result of the sequential run (issue 15, "use both
 * cores"). The agent annotates a batch's conversations in start order, each seeing the knowledge
 * the ones before it produced; the workers annotate the next few conversations with the knowledge
 * as far as the main thread has got, and record what each run read (annotate-reads.ts). The main
 * thread still walks the conversations in order, builds each real input, and takes a worker's
 * output only when the real input answers every recorded read the same; otherwise it annotates the
 * conversation itself. The events are therefore those of one thread, whatever the pool size.
 */
import { setImmediate } from 'node:timers/promises';
import type { Worker } from 'node:worker_threads';
import type { ConversationExtracted } from '../../domain/annotations.js';
import type { AnnotateOutput } from '../../pipeline/annotate/annotate-types.js';
import { startWorker } from '../../runtime/start-worker.js';
import type { AnnotateReads } from './annotate-reads.js';
import type {
  AnnotateWorkerData,
  AnnotateWorkerReply,
  AnnotateWorkerRequest,
} from './annotate-worker-protocol.js';
import type { KnowledgeEvent } from './knowledge-as-of.js';

/** Jobs a worker holds at once: one running, two queued behind it. */
const DEPTH = 3;

export interface Ahead {
  output: AnnotateOutput;
  reads: AnnotateReads;
}

export interface AnnotatePoolOptions extends AnnotateWorkerData {
  /** Worker threads (the main thread annotates too). */
  workers: number;
  /** Test hook: the knowledge events the main thread produced are not passed on (workers run on stale knowledge). */
  withholdPending?: boolean;
}

class PoolWorker {
  ready = false;
  broken = false;
  /** Jobs sent and not answered, with who waits for them. */
  readonly waiting = new Map<number, (ahead: Ahead | undefined) => void>();
  /** How many of the batch's pending events this worker has been sent. */
  sent = 0;
  /** Settles once the worker is ready or broken. */
  readonly started: Promise<void>;
  settle: () => void = () => undefined;

  constructor(readonly thread: Worker) {
    this.started = new Promise((resolve) => (this.settle = resolve));
  }

  send(request: AnnotateWorkerRequest): void {
    this.thread.postMessage(request);
  }

  /** Keeps the process alive only while the main thread waits on this worker. */
  track(): void {
    if (this.waiting.size > 0) this.thread.ref();
    else this.thread.unref();
  }

  answer(job: number, ahead: Ahead | undefined): void {
    this.waiting.get(job)?.(ahead);
    this.waiting.delete(job);
    this.track();
  }

  fail(): void {
    this.broken = true;
    this.settle();
    for (const job of [...this.waiting.keys()]) this.answer(job, undefined);
  }
}

/** Worker threads kept for an agent's life: started on the first batch that uses them, closed with the agent. */
export class AnnotatePool {
  private readonly threads: PoolWorker[] = [];
  private current: PoolBatch | undefined;
  /** Job numbers are unique for the pool's life: a late answer from an earlier batch matches no job. */
  private jobs = 0;
  /** Jobs answered with a worker's output that the main thread took, and that it annotated again. */
  readonly stats = { taken: 0, redone: 0, local: 0 };

  constructor(private readonly options: AnnotatePoolOptions) {}

  /** Starts the workers (once) and hands them this batch's conversations (in the order the agent walks them). */
  batch(conversations: readonly ConversationExtracted[]): PoolBatch {
    if (this.threads.length === 0)
      for (let k = 0; k < this.options.workers; k++) this.threads.push(this.start());
    this.current = new PoolBatch(
      this.threads,
      conversations,
      this.jobs,
      this.options.withholdPending ?? false,
    );
    this.jobs += conversations.length;
    return this.current;
  }

  private start(): PoolWorker {
    const { file, timezone } = this.options;
    const worker = new PoolWorker(startWorker(import.meta.url, 'annotate-worker', { file, timezone }));
    worker.track();
    worker.thread.on('message', (reply: AnnotateWorkerReply) => {
      if (reply.kind === 'ready') {
        worker.ready = true;
        worker.settle();
        this.current?.join(worker);
        return;
      }
      worker.answer(
        reply.job,
        reply.kind === 'done' ? { output: reply.output, reads: reply.reads } : undefined,
      );
      this.current?.fill();
    });
    // A worker that dies answers nothing more: the main thread annotates what it held.
    worker.thread.on('error', () => worker.fail());
    worker.thread.on('exit', () => worker.fail());
    return worker;
  }

  /** Settles when every worker started is ready or has failed (tests; a batch never waits for it). */
  async started(): Promise<void> {
    await Promise.all(this.threads.map((worker) => worker.started));
  }

  async close(): Promise<void> {
    this.current = undefined;
    const threads = this.threads.splice(0);
    for (const worker of threads) worker.fail();
    await Promise.all(threads.map((worker) => worker.thread.terminate()));
  }
}

/** One batch: which conversations went to which worker, and the knowledge produced so far. */
export class PoolBatch {
  private readonly answers = new Map<number, Promise<Ahead | undefined>>();
  private readonly settled = new Set<number>();
  /** Conversations kept for the main thread (it annotates them itself, with the real input). */
  private readonly kept = new Set<number>();
  private readonly pending: KnowledgeEvent[] = [];
  /** The conversation the main thread is at, and the next one to send. */
  private at = 0;
  private next = 1;

  constructor(
    private readonly threads: readonly PoolWorker[],
    private readonly conversations: readonly ConversationExtracted[],
    /** The job number of the batch's first conversation. */
    private readonly first: number,
    private readonly withholdPending: boolean,
  ) {
    for (const worker of threads) if (worker.ready) this.join(worker);
  }

  /** A worker (ready now, or at the batch's start) reads the log's news and takes jobs. */
  join(worker: PoolWorker): void {
    if (worker.broken) return;
    worker.sent = 0;
    worker.send({ kind: 'batch' });
    this.fill();
  }

  /**
   * The main thread is at conversation `at`: the worker's answer for it, if one was sent (undefined
   * when it was not, or the worker skipped it, failed or died: the main thread annotates it).
   */
  async take(at: number): Promise<Ahead | undefined> {
    // The agent's loop runs in microtasks: while a worker is starting, let its 'ready' message in.
    if (this.threads.some((worker) => !worker.ready && !worker.broken)) await setImmediate();
    this.at = at;
    const answer = this.answers.get(at);
    this.answers.delete(at);
    // Waiting on a worker: the main thread has time to spare, and keeps the next unsent conversation for itself.
    if (answer && !this.settled.delete(at)) this.kept.add(Math.max(this.next, at + 1));
    this.fill();
    return answer;
  }

  /** Knowledge events the main thread produced for the conversation it is at (later jobs carry them). */
  produced(events: readonly KnowledgeEvent[]): void {
    if (!this.withholdPending) this.pending.push(...events);
  }

  /** Sends the conversations after the main thread's to workers with room, a few ahead at most. */
  fill(): void {
    const live = this.threads.filter((worker) => worker.ready && !worker.broken);
    this.next = Math.max(this.next, this.at + 1);
    // Far enough ahead that a worker keeps busy while the main thread annotates one it kept.
    const horizon = this.at + live.length * DEPTH * 2;
    while (this.next < this.conversations.length && this.next <= horizon) {
      const worker = live
        .filter((candidate) => candidate.waiting.size < DEPTH)
        .sort((a, b) => a.waiting.size - b.waiting.size)[0];
      if (!worker) return;
      const at = this.next++;
      const conversation = this.conversations[at];
      if (conversation.messages.length === 0 || this.kept.delete(at)) continue;
      const job = this.first + at;
      this.answers.set(
        at,
        new Promise((resolve) =>
          worker.waiting.set(job, (ahead) => {
            this.settled.add(at);
            resolve(ahead);
          }),
        ),
      );
      worker.track();
      worker.send({ kind: 'job', job, pending: this.pending.slice(worker.sent), conversation });
      worker.sent = this.pending.length;
    }
  }
}
