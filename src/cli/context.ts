import { makeAppContext, type OpenAppContext } from '../app/app-context.js';
import { resolvePaths } from '../app/paths.js';
import { OutroError } from '../domain/errors.js';
import { parseTolerantTime } from '../domain/time.js';

interface ContextModules {
  loadConfig: typeof import('../app/config.js').loadConfig;
  openStore: typeof import('../app/store.js').openStore;
}

let modules: ContextModules | undefined;

/**
 * Loads what config() and store() need (zod, yaml, SQLite, migrations). Awaited before a use case
 * runs in this process (src/cli/call.ts) and by the commands that always run here, so `--help`,
 * `outro daemon start|stop|status` and calls the daemon answers never pay for it; code that runs a
 * command some other way (a test registering one on its own Command) awaits it first.
 */
export async function loadContextModules(): Promise<void> {
  if (modules) return;
  const [{ loadConfig }, { openStore }] = await Promise.all([
    import('../app/config.js'),
    import('../app/store.js'),
  ]);
  modules = { loadConfig, openStore };
}

function loaded(): ContextModules {
  if (!modules)
    throw new OutroError(
      'INTERNAL',
      'The CLI context was used before `await loadContextModules()` (src/cli/context.ts); src/cli/call.ts does this before a use case runs here.',
    );
  return modules;
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
    loadConfig: (file) => loaded().loadConfig(file),
    openStore: (file, now) => loaded().openStore(file, now),
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
