import { makeAppContext, type OpenAppContext } from '../app/app-context.js';
import type { Config } from '../app/config.js';
import { resolvePaths } from '../app/paths.js';
import { OutroError } from '../domain/errors.js';
import { parseTolerantTime } from '../domain/time.js';

interface ContextModules {
  /** Absent when the config came from the cache (config-cache.ts): YAML and the config schema were not loaded. */
  parseConfig?: typeof import('../app/config.js').parseConfig;
  /** Absent when only the database was asked for (the event log and its schemas were not loaded). */
  openStore?: typeof import('../app/store.js').openStore;
  openStoreDatabase: typeof import('../app/store-database.js').openStoreDatabase;
  cache: typeof import('../app/config-cache.js');
}

let modules: ContextModules | undefined;
/** Configs loadContextModules found cached, by file, with the text they were made from. */
const cachedConfigs = new Map<string, { text: string | null; config: Config }>();

/**
 * Loads what config() and store() need (zod, yaml, SQLite, migrations). Awaited before a use case
 * runs in this process (src/cli/call.ts) and by the commands that always run here, so `--help`,
 * `outro daemon start|stop|status` and calls the daemon answers never pay for it; code that runs a
 * command some other way (a test registering one on its own Command) awaits it first. Given the
 * config file, YAML and the config schema are not loaded when the config is cached as it is now.
 * `store: false` (a use case that reads the database alone): the event log and its schemas (zod)
 * are not loaded either, and store() fails until a later call loads them.
 */
export async function loadContextModules(
  config?: { file: string; dataDir: string },
  options: { store?: boolean } = {},
): Promise<void> {
  const cache = modules?.cache ?? (await import('../app/config-cache.js'));
  let hit = false;
  if (config) {
    const text = cache.readConfigText(config.file);
    const cached = cache.cachedConfig(config.dataDir, config.file, text);
    if (cached) cachedConfigs.set(config.file, { text, config: cached });
    hit = cached !== undefined;
  }
  const needConfig = !hit && !modules?.parseConfig;
  const needStore = options.store !== false && !modules?.openStore;
  if (modules && !needConfig && !needStore) return;
  const [parsing, storing, { openStoreDatabase }] = await Promise.all([
    needConfig ? import('../app/config.js') : undefined,
    needStore ? import('../app/store.js') : undefined,
    import('../app/store-database.js'),
  ]);
  modules = {
    parseConfig: parsing?.parseConfig ?? modules?.parseConfig,
    openStore: storing?.openStore ?? modules?.openStore,
    openStoreDatabase,
    cache,
  };
}

function loaded(): ContextModules {
  if (!modules)
    throw new OutroError(
      'INTERNAL',
      'The CLI context was used before `await loadContextModules()` (src/cli/context.ts); src/cli/call.ts does this before a use case runs here.',
    );
  return modules;
}

/** The config in `file`: as loadContextModules found it cached, else read, validated and cached. */
function loadConfig(file: string, dataDir: string): Config {
  const { parseConfig, cache } = loaded();
  const text = cache.readConfigText(file);
  const snapshot = cachedConfigs.get(file);
  if (snapshot && snapshot.text === text) return snapshot.config;
  if (!parseConfig) {
    // Edited since loadContextModules found it cached: the command goes on with the config it started with.
    if (snapshot) return snapshot.config;
    throw new OutroError(
      'INTERNAL',
      `The config ${file} was read before \`await loadContextModules()\` loaded the config module (src/cli/context.ts).`,
    );
  }
  const config = parseConfig(text, file);
  cache.rememberConfig(dataDir, file, text, config);
  return config;
}

/** What every command has: the app context of this process (created lazily so `--help` and `--json` stay fast), and its streams. */
export interface CliContext extends OpenAppContext {
  env: NodeJS.ProcessEnv;
  /** The fixed "now" from OUTRO_NOW (ISO), sent with calls to the daemon. */
  fixedNow?: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  /** False: every use case runs in this process, never through a running daemon. */
  daemon?: boolean;
}

export interface ContextOptions {
  env?: NodeJS.ProcessEnv;
  configFile?: string;
  stdout?: NodeJS.WritableStream & { isTTY?: boolean };
  stderr?: NodeJS.WritableStream & { isTTY?: boolean };
  /** False: never call a running daemon (`runLocal`). */
  daemon?: boolean;
}

export function createContext(options: ContextOptions = {}): CliContext {
  const env = options.env ?? process.env;
  const paths = resolvePaths(env);
  if (options.configFile) paths.configFile = options.configFile;
  const fixedNow = env.OUTRO_NOW ? parseTolerantTime(env.OUTRO_NOW) : undefined;
  if (env.OUTRO_NOW && !fixedNow)
    throw new OutroError(
      'USAGE',
      `OUTRO_NOW=${env.OUTRO_NOW} is not a time; use ISO 8601, e.g. 2026-11-20T08:30:00+01:00.`,
    );
  const app = makeAppContext({
    env,
    paths,
    now: fixedNow,
    loadConfig: (file) => loadConfig(file, paths.dataDir),
    openStore: (file, now, db) => {
      const { openStore } = loaded();
      if (!openStore)
        throw new OutroError(
          'INTERNAL',
          'The store was opened after `loadContextModules(…, {store: false})` (src/cli/context.ts): a use case in DATABASE_ONLY_OPERATIONS (src/app/operations.ts) may read storeDatabase(ctx) only.',
        );
      return openStore(file, now, db);
    },
    openDatabase: (file) => loaded().openStoreDatabase(file),
  });
  return {
    ...app,
    env,
    ...(fixedNow ? { fixedNow } : {}),
    stdout: options.stdout ?? process.stdout,
    stderr: options.stderr ?? process.stderr,
    ...(options.daemon === false ? { daemon: false } : {}),
  };
}
