/** Counters of the model path, as plain data for `outro status` and traces. */
export interface ModelStatsSnapshot {
  /** Logical requests to the model server (chat, embed), not counting retries. */
  calls: number;
  /** HTTP attempts, retries included. */
  attempts: number;
  retries: number;
  /** Logical requests that failed after their retries. */
  failures: number;
  timeouts: number;
  /** Calls skipped without trying because the server failed several times in a row. */
  shortCircuits: number;
  /** Stage inputs answered from the stage cache. */
  cacheHits: number;
  /** Stage inputs the model answered (validated, grounded). */
  modelAnswers: number;
  /** Replies that did not parse or validate (before or after repair). */
  invalidOutputs: number;
  /** Repair attempts sent, and how many of them produced valid output. */
  repairs: number;
  repairsSucceeded: number;
  /** Stage inputs answered by the heuristic because the model failed. */
  degraded: number;
  /** Names, components and message ids the model produced that the input does not hold. */
  hallucinationDrops: number;
  promptTokens: number;
  outputTokens: number;
  lastError: { code: string; message: string; at: string } | null;
}

export class ModelStats {
  private counters: ModelStatsSnapshot = emptyStats();

  constructor(private readonly now: () => Date = () => new Date()) {}

  add(counter: Exclude<keyof ModelStatsSnapshot, 'lastError'>, amount = 1): void {
    this.counters[counter] += amount;
  }

  recordError(code: string, message: string): void {
    this.counters.lastError = { code, message, at: this.now().toISOString() };
  }

  snapshot(): ModelStatsSnapshot {
    return { ...this.counters, lastError: this.counters.lastError ? { ...this.counters.lastError } : null };
  }

  reset(): void {
    this.counters = emptyStats();
  }
}

export function emptyStats(): ModelStatsSnapshot {
  return {
    calls: 0,
    attempts: 0,
    retries: 0,
    failures: 0,
    timeouts: 0,
    shortCircuits: 0,
    cacheHits: 0,
    modelAnswers: 0,
    invalidOutputs: 0,
    repairs: 0,
    repairsSucceeded: 0,
    degraded: 0,
    hallucinationDrops: 0,
    promptTokens: 0,
    outputTokens: 0,
    lastError: null,
  };
}
