import type { DatasetHeader, DatasetRow } from './dataset.js';

/** What the runner hands a task: the dataset's shared context, the clock, and optional services. */
export interface TaskContext {
  header: DatasetHeader;
  now: Date;
  signal?: AbortSignal;
  /** Services the caller can provide (a model runtime, a store over a fixture workspace …), by name. */
  services: TaskServices;
}

export interface TaskServices {
  /** A store (or anything the ask stage needs) over an ingested workspace folder; absent: ask rows are skipped. */
  workspace?: (dir: string) => Promise<unknown>;
  /** A workspace folder's whole `ask` list answered and scored over a store built from it (the ask-workspace task). */
  askWorkspace?: (dir: string) => Promise<unknown>;
  /** The model runtime, when one is configured (stages pick their model strategy from it). */
  model?: unknown;
}

export interface ItemScore {
  /** The item's headline score in [0, 1]. */
  score: number;
  /** Every score computed, by name (precision, recall, vi …). */
  scores: Record<string, number>;
  /** What was missed or extra, for reports. */
  notes?: string[];
  /**
   * For list tasks: matched, predicted and expected item counts. The runner pools them over the
   * dataset (micro-averaged precision/recall/F1) and makes micro F1 the dataset's headline score,
   * so the many items with nothing to find do not inflate it.
   */
  counts?: { matched: number; predicted: number; expected: number };
}

/** A loaded task: answers a row, then scores the answer against the row's expectation. */
export interface TaskRunner {
  run(row: DatasetRow, context: TaskContext): Promise<unknown>;
  score(row: DatasetRow, output: unknown, context: TaskContext): ItemScore;
  /** A short text of the output for the model judge (absent: the judge sees the JSON). */
  describe?(output: unknown): string;
}

/** A pipeline task an eval dataset exercises. `load` says why it cannot run (e.g. its stage is missing). */
export interface EvalTask {
  name: string;
  /** The stage it calls, for reports. */
  stage: string;
  load(): Promise<TaskRunner | { skipped: string }>;
}

/** Thrown by a task for an item it cannot answer honestly (e.g. an upstream stage produced nothing): the item is skipped, not scored. */
export class ItemSkipped extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ItemSkipped';
  }
}
