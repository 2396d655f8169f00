import { describe, expect, it } from 'vitest';
import { failureDetails, toModelError } from './ollama-errors.js';

const context = {
  host: 'http://gpu-box:11434',
  hostSource: 'OLLAMA_HOST' as const,
  model: 'llama3.2:3b',
  timeoutMs: 1_000,
  operation: 'chat',
};
const fetchFailed = (code: string): Error =>
  Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });

describe('toModelError', () => {
  it('turns a refused connection into MODEL_UNAVAILABLE that says to start ollama and where the host came from', () => {
    const error = toModelError(fetchFailed('ECONNREFUSED'), context);
    expect(error.code).toBe('MODEL_UNAVAILABLE');
    expect(error.message).toContain('`ollama serve`');
    expect(error.message).toContain('OLLAMA_HOST environment variable');
    expect(failureDetails(error)).toMatchObject({ kind: 'refused', retryable: true });
  });

  it('finds the code inside an AggregateError (localhost resolving to two addresses)', () => {
    const aggregate = Object.assign(
      new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })], 'x'),
      {},
    );
    expect(
      failureDetails(
        toModelError(Object.assign(new TypeError('fetch failed'), { cause: aggregate }), context),
      )?.kind,
    ).toBe('refused');
  });

  it('does not retry a host name that does not resolve', () => {
    const error = toModelError(fetchFailed('ENOTFOUND'), context);
    expect(failureDetails(error)).toMatchObject({ kind: 'dns', retryable: false });
    expect(error.message).toContain('does not resolve');
  });

  it('retries 429 and 5xx but not 400', () => {
    const http = (status: number) =>
      failureDetails(toModelError(Object.assign(new Error('x'), { status_code: status }), context));
    expect(http(429)?.retryable).toBe(true);
    expect(http(503)?.retryable).toBe(true);
    expect(http(400)?.retryable).toBe(false);
  });

  it('says to pull a model the server does not have', () => {
    const error = toModelError(
      Object.assign(new Error('model "llama3.2:3b" not found, try pulling it first'), { status_code: 404 }),
      context,
    );
    expect(error.message).toContain('Run `ollama pull llama3.2:3b`');
    expect(failureDetails(error)?.retryable).toBe(false);
  });

  it('reports an expired deadline as TIMEOUT with the limit', () => {
    const error = toModelError(new DOMException('aborted', 'AbortError'), context, { timedOut: true });
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toContain('within 1000 ms');
  });

  it('reports a caller cancel as ABORTED', () => {
    expect(toModelError(new DOMException('aborted', 'AbortError'), context, { aborted: true }).code).toBe(
      'ABORTED',
    );
  });
});
