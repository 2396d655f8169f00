import { z } from 'zod';
import { ERROR_CODES, OutroError, toOutroError, type ErrorCode } from '../domain/errors.js';

/**
 * The daemon's socket protocol: newline-delimited JSON, one request per line, one reply per
 * request (matched by `id`; replies may come back in any order).
 *
 * - control: `{id, op: 'ping' | 'status' | 'stop'}`;
 * - call: `{id, op: 'call', name, input, context}` runs one use case of src/app (the operation
 *   table, src/app/operations.ts) with its typed input, and the client's config file and fixed
 *   "now" (`context`); the reply carries the use case's result as data, which the CLI renders.
 *
 * Replies: `{id, ok: true, result}` or `{id, ok: false, error: {code, message, …}}`, an OutroError
 * the CLI throws again (so exit statuses and messages are the same as without the daemon).
 */
const Id = z.union([z.string(), z.number()]);

export const ControlRequestSchema = z.object({
  id: Id,
  op: z.enum(['ping', 'status', 'stop']),
});

const isTime = (value: string): boolean => !Number.isNaN(Date.parse(value));

export const CallRequestSchema = z.object({
  id: Id,
  op: z.literal('call'),
  /** An operation of src/app/operations.ts (`status`, `ask`, `eval.run` …). */
  name: z.string().min(1),
  /** Its typed options; validated against the operation's schema. */
  input: z.unknown(),
  /** The call's config file (absolute) and fixed "now" (ISO, from the client's OUTRO_NOW). */
  context: z.object({
    configFile: z.string().min(1),
    now: z.string().refine(isTime, { message: 'not an ISO time' }).optional(),
  }),
});

export const RequestSchema = z.union([ControlRequestSchema, CallRequestSchema]);

export type ControlRequest = z.infer<typeof ControlRequestSchema>;
export type CallRequest = z.infer<typeof CallRequestSchema>;
export type DaemonRequest = z.infer<typeof RequestSchema>;

/** An OutroError as it crosses the socket: what `toJSON()` shows, and the stack of a bug. */
export interface WireError {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  /** The cause's message. */
  cause?: string;
  /** For INTERNAL errors (bugs): where it happened, in the daemon. */
  stack?: string;
}

export type DaemonReply =
  { id: string | number; ok: true; result?: unknown } | { id: string | number; ok: false; error: WireError };

/** Anything thrown, as it crosses the socket. */
export function errorToWire(thrown: unknown): WireError {
  const error = toOutroError(thrown);
  const cause = error.cause instanceof Error ? error.cause : undefined;
  const stack =
    error.code === 'INTERNAL'
      ? thrown instanceof Error && thrown !== error
        ? thrown.stack
        : error.stack
      : undefined;
  return {
    code: error.code,
    message: error.message,
    ...(error.details ? { details: error.details } : {}),
    ...(cause ? { cause: cause.message } : {}),
    ...(stack ? { stack } : {}),
  };
}

/** The OutroError a reply carries, rebuilt: same code, message, details and cause message (`toJSON()` is unchanged). */
export function errorFromWire(wire: WireError): OutroError {
  const code: ErrorCode = (ERROR_CODES as readonly string[]).includes(wire.code)
    ? (wire.code as ErrorCode)
    : 'INTERNAL';
  const error = new OutroError(code, wire.message, {
    details: wire.details,
    ...(wire.cause !== undefined ? { cause: new Error(wire.cause) } : {}),
  });
  if (wire.stack) error.stack = wire.stack;
  return error;
}

/** Splits a byte stream into lines; calls `onLine` for each complete one. */
export function lineReader(onLine: (line: string) => void): (chunk: Buffer | string) => void {
  let buffered = '';
  return (chunk) => {
    buffered += chunk.toString();
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.trim() !== '') onLine(line);
      newline = buffered.indexOf('\n');
    }
  };
}
