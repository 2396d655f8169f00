import { OutroError } from '../domain/errors.js';
import { describeHostSource, type HostSource } from './model-settings.js';

/** Why a request to the Ollama server failed, in the terms a fix needs. */
export type FailureKind = 'refused' | 'dns' | 'timeout' | 'reset' | 'http' | 'stream' | 'aborted' | 'unknown';

export interface FailureContext {
  host: string;
  hostSource: HostSource;
  model: string;
  timeoutMs: number;
  operation: string;
}

export interface ModelFailureDetails extends Record<string, unknown> {
  kind: FailureKind;
  status?: number;
  retryable: boolean;
  host: string;
}

const REFUSED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);
const DNS = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
const RESET = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED']);
const CONNECT_TIMEOUT = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);

/** Classifies anything thrown by fetch, the npm client or a stream into an OutroError whose details say whether to retry. */
export function toModelError(
  error: unknown,
  context: FailureContext,
  state: { timedOut?: boolean; aborted?: boolean; inStream?: boolean } = {},
): OutroError {
  if (error instanceof OutroError) return error;
  const { timedOut = false, aborted = false, inStream = false } = state;
  const where = `${context.host} (from ${describeHostSource(context.hostSource)})`;
  const make = (
    code: 'MODEL_UNAVAILABLE' | 'TIMEOUT' | 'ABORTED',
    kind: FailureKind,
    retryable: boolean,
    message: string,
    status?: number,
  ): OutroError =>
    new OutroError(code, message, {
      cause: error,
      details: {
        kind,
        retryable,
        host: context.host,
        ...(status === undefined ? {} : { status }),
      } satisfies ModelFailureDetails,
    });
  const codes = errorCodes(error);
  if (timedOut || codes.some((code) => CONNECT_TIMEOUT.has(code))) {
    return make(
      'TIMEOUT',
      'timeout',
      false,
      `The model server at ${where} did not answer ${context.operation} within ${context.timeoutMs} ms. Check that ${context.model} fits in memory (\`ollama ps\`), raise model.timeoutMs in the config, or fix the host.`,
    );
  }
  if (aborted || isAbort(error))
    return make('ABORTED', 'aborted', false, `${context.operation} was cancelled.`);
  const status = httpStatus(error);
  if (status !== undefined) {
    const text = (error as Error).message;
    if (status === 404 && /not found/i.test(text)) {
      return make(
        'MODEL_UNAVAILABLE',
        'http',
        false,
        `The model ${context.model} is not pulled on ${where}: ${text}. Run \`ollama pull ${context.model}\`, or pick a pulled model (\`ollama list\`).`,
        status,
      );
    }
    const retryable = status === 429 || status >= 500;
    return make(
      'MODEL_UNAVAILABLE',
      'http',
      retryable,
      `The model server at ${where} answered ${context.operation} with HTTP ${status}: ${text}.${retryable ? ' It may be overloaded; outro retried and then used the heuristic.' : ' Check the model name and that Ollama is at least 0.5 (`ollama --version`).'}`,
      status,
    );
  }
  if (codes.some((code) => REFUSED.has(code))) {
    return make(
      'MODEL_UNAVAILABLE',
      'refused',
      true,
      `Nothing answers at ${where}. Start Ollama with \`ollama serve\`, or set the right host (model.host in the config or OLLAMA_HOST).`,
    );
  }
  if (codes.some((code) => DNS.has(code))) {
    return make(
      'MODEL_UNAVAILABLE',
      'dns',
      false,
      `The host name in ${where} does not resolve. Fix model.host in the config or OLLAMA_HOST (e.g. 127.0.0.1:11434).`,
    );
  }
  if (
    inStream ||
    codes.some((code) => RESET.has(code)) ||
    /stream|other side closed|terminated/i.test(messageOf(error))
  ) {
    return make(
      'MODEL_UNAVAILABLE',
      inStream ? 'stream' : 'reset',
      true,
      `The model server at ${where} broke off ${context.operation}: ${messageOf(error)}. If it keeps happening, check the Ollama server log.`,
    );
  }
  return make(
    'MODEL_UNAVAILABLE',
    'unknown',
    false,
    `${context.operation} at ${where} failed: ${messageOf(error)}.`,
  );
}

export function failureDetails(error: unknown): ModelFailureDetails | undefined {
  if (!(error instanceof OutroError) || !error.details || typeof error.details.kind !== 'string')
    return undefined;
  return error.details as ModelFailureDetails;
}

export function isRetryableModelError(error: unknown): boolean {
  return failureDetails(error)?.retryable === true;
}

/** Errors that mean the server is not there (as opposed to a bad request). */
export function isUnreachable(error: unknown): boolean {
  const kind = failureDetails(error)?.kind;
  return kind === 'refused' || kind === 'dns' || kind === 'timeout' || kind === 'reset';
}

function httpStatus(error: unknown): number | undefined {
  const status = (error as { status_code?: unknown } | null)?.status_code;
  return typeof status === 'number' ? status : undefined;
}

function isAbort(error: unknown): boolean {
  return (error as { name?: string } | null)?.name === 'AbortError';
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Every `code` on the error, its causes and aggregated errors (undici nests them). */
function errorCodes(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== 'object' || depth > 4) return [];
  const out: string[] = [];
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') out.push(code);
  out.push(...errorCodes((error as { cause?: unknown }).cause, depth + 1));
  const errors = (error as { errors?: unknown }).errors;
  if (Array.isArray(errors)) for (const inner of errors) out.push(...errorCodes(inner, depth + 1));
  return out;
}
