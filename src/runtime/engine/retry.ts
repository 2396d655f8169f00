import type { Backoff } from '../../domain/backoff.js';
import { isOutroError, OutroError } from '../../domain/errors.js';
import type { BackoffOptions } from './types.js';

/** A step's backoff, with the engine's defaults for what it leaves out: 100 ms doubling to 30 s, delay × [0.5, 1]. */
export function stepBackoff(options: BackoffOptions = {}): Backoff {
  return {
    initialMs: options.initialMs ?? 100,
    factor: options.factor ?? 2,
    maxMs: options.maxMs ?? 30_000,
    jitter: options.jitter ?? 0.5,
  };
}

/** Errors that no retry can fix. */
export function isFatal(error: unknown): boolean {
  return (
    isOutroError(error, 'WORKFLOW_NONDETERMINISTIC') ||
    isOutroError(error, 'ABORTED') ||
    isOutroError(error, 'STORE_LOCKED')
  );
}

export const defaultRetryOn = (error: unknown): boolean => !isFatal(error);

/**
 * Runs one attempt of a body with a timeout: the body's signal aborts when the run's signal does or
 * the time passes, and the attempt rejects with TIMEOUT even if the body ignores its signal.
 */
export async function runAttempt<T>(
  body: (signal: AbortSignal) => Promise<T> | T,
  runSignal: AbortSignal,
  timeoutMs: number | undefined,
  label: string,
): Promise<T> {
  if (runSignal.aborted)
    throw new OutroError('ABORTED', `${label} was stopped before it started.`, { cause: runSignal.reason });
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(runSignal.reason);
  runSignal.addEventListener('abort', onAbort, { once: true });
  let timer: NodeJS.Timeout | undefined;
  const stopped = new Promise<never>((_, reject) => {
    controller.signal.addEventListener(
      'abort',
      () =>
        reject(
          isOutroError(controller.signal.reason)
            ? controller.signal.reason
            : new OutroError('ABORTED', `${label} was stopped.`, { cause: controller.signal.reason }),
        ),
      { once: true },
    );
  });
  stopped.catch(() => undefined);
  if (timeoutMs !== undefined) {
    timer = setTimeout(
      () =>
        controller.abort(
          new OutroError(
            'TIMEOUT',
            `${label} took longer than ${timeoutMs} ms; raise its timeoutMs or make the work smaller.`,
          ),
        ),
      timeoutMs,
    );
  }
  try {
    return await Promise.race([Promise.resolve().then(() => body(controller.signal)), stopped]);
  } finally {
    if (timer) clearTimeout(timer);
    runSignal.removeEventListener('abort', onAbort);
  }
}

export function errorText(error: unknown): string {
  if (isOutroError(error)) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}
