import { availableParallelism } from 'node:os';
import { OutroError } from '../../domain/errors.js';

const DEFAULT_THREADS = 1;

/**
 * Threads that annotate, the main one included: OUTRO_WORKERS, else config `workers`, else 1.
 * Measured on the shared 2-core machine (README "Annotate on worker threads"), a second thread
 * cost 50–80% more CPU and did not shorten the main thread's share enough to pay under load, so
 * the pool is opt-in; `cores` caps the default should that change.
 */
export function annotateThreads(
  configured: unknown,
  env: Readonly<Record<string, string | undefined>>,
  cores: number = availableParallelism(),
): number {
  const raw = env.OUTRO_WORKERS?.trim();
  if (raw) {
    const threads = Number(raw);
    if (!Number.isInteger(threads) || threads < 1 || threads > 64)
      throw new OutroError(
        'CONFIG_INVALID',
        `OUTRO_WORKERS=${raw} is not a number of threads: set it to 1 (the main thread alone) up to 64, or unset it (default: ${Math.min(DEFAULT_THREADS, cores)})`,
      );
    return threads;
  }
  if (typeof configured === 'number') return configured;
  return Math.min(DEFAULT_THREADS, cores);
}
