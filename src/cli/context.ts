import { loadConfig, type Config } from '../app/config.js';
import { resolvePaths, type OutroPaths } from '../app/paths.js';
import { openStore, type Store } from '../app/store.js';
import { OutroError } from '../domain/errors.js';
import { parseTolerantTime } from '../domain/time.js';

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
    config: () => (config ??= loadConfig(paths.configFile)),
    store: () => (store ??= openStore(paths.database, now)),
    stdout: options.stdout ?? process.stdout,
    stderr: options.stderr ?? process.stderr,
    close: () => {
      store?.close();
      store = undefined;
    },
  };
}
