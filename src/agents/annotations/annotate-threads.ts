import { availableParallelism } from 'node:os';
import { OutroError } from '../../domain/errors.js';

/**
 * Threads that annotate, the main one included: OUTRO_WORKERS, else config `workers`, else
 * min(2, cores) — the pool pays on two cores; more threads than cores only share them.
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
        `OUTRO_WORKERS=${raw} is not a number of threads: set it to 1 (the main thread alone) up to 64, or unset it (default: ${Math.min(2, cores)})`,
      );
    return threads;
  }
  if (typeof configured === 'number') return configured;
  return Math.min(2, cores);
}
