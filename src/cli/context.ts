import type { Config } from '../app/config.js';
import { resolvePaths, type OutroPaths } from '../app/paths.js';
import type { Store } from '../app/store.js';
import { OutroError } from '../domain/errors.js';
import { parseTolerantTime } from '../domain/time.js';

interface ContextModules {
  loadConfig: typeof import('../app/config.js').loadConfig;
  openStore: typeof import('../app/store.js').openStore;
}

let modules: ContextModules | undefined;

/**
 * Loads what config() and store() need (zod, yaml, SQLite, migrations). buildProgram awaits it
 * before any command's action, so `--help` and `outro daemon start|stop|status` never pay for it;
 * code that runs a command some other way (a test registering one on its own Command) awaits it first.
 */
export async function loadContextModules(): Promise<void> {
  if (modules) return;
  const [{ loadConfig }, { openStore }] = await Promise.all([import('../app/config.js'), import('../app/store.js')]);
  modules = { loadConfig, openStore };
}

function loaded(): ContextModules {
  if (!modules) throw new OutroError('INTERNAL', 'The CLI context was used before `await loadContextModules()` (src/cli/context.ts); buildProgram does this before every action.');
  return modules;
}

/** What every command needs, created lazily so `--help` and `--json` stay fast. */
export interface CliContext {
  env: NodeJS.ProcessEnv;
  paths: OutroPaths;
  config(): Config;
  now(): Date;
  store(): Store;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  close(): void;
}

export interface ContextOptions {
  env?: NodeJS.ProcessEnv;
  configFile?: string;
  stdout?: NodeJS.WritableStream & { isTTY?: boolean };
  stderr?: NodeJS.WritableStream & { isTTY?: boolean };
}

export function createContext(options: ContextOptions = {}): CliContext {
  const env = options.env ?? process.env;
  const paths = resolvePaths(env);
  if (options.configFile) paths.configFile = options.configFile;
  const fixedNow = env.OUTRO_NOW ? parseTolerantTime(env.OUTRO_NOW) : undefined;
  if (env.OUTRO_NOW && !fixedNow) throw new OutroError('USAGE', `OUTRO_NOW=${env.OUTRO_NOW} is not a time; use ISO 8601, e.g. 2026-11-20T08:30:00+01:00.`);
  const now = (): Date => (fixedNow ? new Date(fixedNow) : new Date());
  let config: Config | undefined;
  let store: Store | undefined;
  return {
    env,
    paths,
    now,
    config: () => (config ??= loaded().loadConfig(paths.configFile)),
    store: () => (store ??= loaded().openStore(paths.database, now)),
    stdout: options.stdout ?? process.stdout,
    stderr: options.stderr ?? process.stderr,
    close: () => {
      store?.close();
      store = undefined;
    },
  };
}
