import type { SqliteDatabase } from '../memory/sqlite.js';
import type { Config } from './config.js';
import type { ReplayProgress } from '../memory/graph/rebuild.js';
import type { AgentProgress } from '../runtime/agents/agent-runtime.js';
import type { IngestProgress } from './ingest.js';
import type { OutroPaths } from './paths.js';
import type { Store } from './store.js';

export type Env = Readonly<Record<string, string | undefined>>;

/**
 * What a use case runs with, given by the process that runs it: the CLI in its own process, or the
 * daemon for a request. `paths` and `env` are that process's (the daemon's own: OUTRO_MODEL,
 * OLLAMA_HOST, OTLP…); `paths.configFile` and the clock are the call's. The config and the store
 * are read on first use.
 */
export interface AppContext {
  env: Env;
  paths: OutroPaths;
  now(): Date;
  config(): Config;
  store(): Store;
  /**
   * The store's database alone, for a use case that only reads it (see `storeDatabase`): where it
   * is given, it opens without loading the event log's schemas (zod). Absent: `store().db`.
   */
  database?(): SqliteDatabase;
}

/** The store's database: without the event log objects where the context can open it so. */
export function storeDatabase(ctx: AppContext): SqliteDatabase {
  return ctx.database ? ctx.database() : ctx.store().db;
}

/** Callbacks only an in-process caller can give (progress on a terminal); never sent to the daemon. */
export interface AppHooks {
  onIngestProgress?: (progress: IngestProgress) => void;
  /** After each batch an agent handled (ingest, replay). */
  onAgentProgress?: (progress: AgentProgress) => void;
  /** Replay: events read from the log, then loading the graph. */
  onReplayProgress?: (progress: ReplayProgress) => void;
  onEvalItem?: (done: number, total: number) => void;
}

/** The call's settings a daemon request carries beside the operation's input (JSON). */
export interface CallSettings {
  /** The config file the client would read (absolute). */
  configFile: string;
  /** A fixed "now" (ISO 8601, from the client's OUTRO_NOW); absent: the wall clock. */
  now?: string;
}

export interface AppContextParts {
  env: Env;
  paths: OutroPaths;
  /** A fixed "now" (ISO 8601), or a clock; absent: the wall clock. */
  now?: string | (() => Date);
  loadConfig(file: string): Config;
  /** `db`: the database `openDatabase` opened, when it was asked for first. */
  openStore(file: string, now: () => Date, db?: SqliteDatabase): Store;
  /** Opens the store's database alone (app/store-database.ts); absent: `database()` opens the whole store. */
  openDatabase?(file: string): SqliteDatabase;
}

export interface OpenAppContext extends AppContext {
  /** Closes the store when this context opened it. */
  close(): void;
}

/** A context whose config and store load on first use; `close()` closes the store it opened. */
export function makeAppContext(parts: AppContextParts): OpenAppContext {
  const fixed = parts.now;
  const now = typeof fixed === 'function' ? fixed : (): Date => (fixed ? new Date(fixed) : new Date());
  let config: Config | undefined;
  let store: Store | undefined;
  // Opened alone by database() before any store(); store() then wraps it (one connection).
  let db: SqliteDatabase | undefined;
  const openDatabase = parts.openDatabase;
  return {
    env: parts.env,
    paths: parts.paths,
    now,
    config: () => (config ??= parts.loadConfig(parts.paths.configFile)),
    store: () => (store ??= parts.openStore(parts.paths.database, now, db)),
    ...(openDatabase ? { database: () => store?.db ?? (db ??= openDatabase(parts.paths.database)) } : {}),
    close: () => {
      if (store) store.close();
      else db?.close();
      store = undefined;
      db = undefined;
    },
  };
}
