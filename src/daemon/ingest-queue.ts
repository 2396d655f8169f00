/** The outcome of one watched-export ingest, as `daemon status` shows it. */
export interface IngestRecord {
  at: string;
  paths: string[];
  status: 'ok' | 'partial' | 'failed' | 'error';
  appended: number;
  problems: number;
  /** Set when the agents ran after the ingest (undefined: not wired or nothing to run). */
  agents?: string;
  error?: string;
}

/** Ingests the paths; resolves undefined when there was nothing to ingest. */
export type IngestJob = (paths: string[]) => Promise<IngestRecord | undefined>;

/**
 * Runs ingests one at a time. Exports that change while one runs are merged into the next run, so
 * a burst of changes costs at most one extra ingest. `drain()` waits for the current run and the
 * queued one (clean shutdown finishes the current ingest; `stop()` drops what is only queued).
 */
export class IngestQueue {
  private readonly queued = new Set<string>();
  private running: Promise<void> | undefined;
  private stopped = false;
  private kicked = false;
  last: IngestRecord | undefined;
  busy = false;

  constructor(
    private readonly job: IngestJob,
    private readonly onError: (error: Error) => void = () => {},
  ) {}

  enqueue(paths: readonly string[]): void {
    if (this.stopped) return;
    for (const path of paths) this.queued.add(path);
    this.running ??= this.loop().finally(() => {
      this.running = undefined;
    });
  }

  /** Runs the job once with no paths (e.g. to let the agents catch up at start). */
  kick(): void {
    if (this.stopped) return;
    this.kicked = true;
    this.enqueue([]);
  }

  /** Resolves when nothing is running or queued. */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Drops queued work and waits for the ingest in progress to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.queued.clear();
    await this.idle();
  }

  private async loop(): Promise<void> {
    while ((this.queued.size > 0 || this.kicked) && !this.stopped) {
      const paths = [...this.queued].sort();
      this.queued.clear();
      this.kicked = false;
      this.busy = true;
      try {
        this.last = (await this.job(paths)) ?? this.last;
      } catch (error) {
        this.onError(error as Error);
      } finally {
        this.busy = false;
      }
    }
  }
}
