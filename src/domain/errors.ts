/**
 * The one error class of outro. Every failure a user can meet carries a stable `code`, a message
 * that says how to fix the problem, and the underlying `cause`. `bin/outro` maps codes to exit codes.
 */
export const ERROR_CODES = [
  'USAGE', // bad flags or arguments
  'BAD_QUERY', // a search query that cannot be read (empty, an unbalanced quote)
  'CONFIG_INVALID', // config file does not validate
  'INPUT_NOT_FOUND', // a path given on the command line does not exist
  'INPUT_UNREADABLE', // a file cannot be read or decoded
  'FORMAT_UNKNOWN', // content matches no known export format
  'FORMAT_INVALID', // content looks like a format but breaks its rules
  'ZIP_UNSAFE', // a zip entry escapes, or the archive expands too far
  'PARTIAL', // some inputs were skipped; the rest was stored
  'STORE_LOCKED', // another process holds the store
  'STORE_CORRUPT', // the store is damaged, or cannot be opened or migrated
  'STORE_TOO_NEW', // the store was written by a newer outro
  'WORKFLOW_NONDETERMINISTIC', // a replayed step name differs from the recorded one
  'WORKFLOW_FAILED', // a workflow run failed after its retries
  'TIMEOUT', // work exceeded its time limit
  'ABORTED', // work was cancelled
  'MODEL_UNAVAILABLE', // the configured model server cannot be reached
  'MODEL_INVALID_OUTPUT', // the model answered with output that does not validate
  'MODEL_FILE_INVALID', // a model file shipped in models/ is missing, corrupt or of another version
  'DAEMON_RUNNING', // a daemon already runs
  'DAEMON_NOT_RUNNING', // no daemon to talk to
  'EVAL_BELOW_THRESHOLD', // an evaluation scored under its --threshold
  'NOT_FOUND', // a named thing (run, entity, dataset) does not exist
  'INTERNAL', // a bug in outro
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface OutroErrorOptions {
  cause?: unknown;
  /** Extra structured detail for --json output and logs. */
  details?: Record<string, unknown>;
}

export class OutroError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, options: OutroErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'OutroError';
    this.code = code;
    this.details = options.details;
  }

  toJSON(): Record<string, unknown> {
    return {
      code: this.code,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
      ...(this.cause instanceof Error ? { cause: this.cause.message } : {}),
    };
  }
}

export function isOutroError(value: unknown, code?: ErrorCode): value is OutroError {
  return value instanceof OutroError && (code === undefined || value.code === code);
}

/** What to do about a damaged store: said once, by every error that reports one (README "How to recover"). */
export const STORE_RECOVERY =
  'Put back the latest backup with `outro restore` (`outro backup --list` shows them), or move the data directory away and ingest your exports again: the log is rebuilt from the exports, the graph from the log. `outro doctor --full` says what is damaged.';

/** SQLite's result codes for a file that is not a database or is damaged (better-sqlite3 sets them as `code`). */
const SQLITE_DAMAGE = /^SQLITE_(CORRUPT|NOTADB|IOERR_SHORT_READ)/;

/** True for an error SQLite raised because the database file is damaged. */
export function isStoreDamage(value: unknown): boolean {
  const code = value instanceof Error ? (value as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && SQLITE_DAMAGE.test(code);
}

/** Wraps anything thrown into an OutroError, keeping OutroErrors as they are; a damaged SQLite file is STORE_CORRUPT. */
export function toOutroError(value: unknown, code: ErrorCode = 'INTERNAL'): OutroError {
  if (value instanceof OutroError) return value;
  const message = value instanceof Error ? value.message : String(value);
  if (isStoreDamage(value))
    return new OutroError('STORE_CORRUPT', `The store is damaged (${message}). ${STORE_RECOVERY}`, {
      cause: value,
    });
  return new OutroError(code, message, { cause: value });
}
