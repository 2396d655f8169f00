type Fetch = typeof fetch;

/** One attempt's time limit, joined with the caller's signal. */
export interface Deadline {
  signal: AbortSignal;
  /** True when this deadline (not the caller) aborted the work. */
  timedOut(): boolean;
  dispose(): void;
}

export function startDeadline(timeoutMs: number, parent?: AbortSignal): Deadline {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, 'TimeoutError'));
  }, timeoutMs);
  const onParentAbort = (): void => controller.abort(parent?.reason);
  if (parent?.aborted) onParentAbort();
  else parent?.addEventListener('abort', onParentAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => expired,
    dispose: () => {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onParentAbort);
    },
  };
}

/**
 * A fetch for the npm `ollama` client that aborts on `signal`: the client's non-streaming calls
 * pass no signal of their own, and its streaming calls pass one we join with ours.
 */
export function fetchWithSignal(signal: AbortSignal, base: Fetch = fetch): Fetch {
  return (input, init = {}) => {
    const joined = init.signal ? AbortSignal.any([init.signal, signal]) : signal;
    return base(input, { ...init, signal: joined });
  };
}
