import { homedir, platform } from 'node:os';
import { join } from 'node:path';

export interface OutroPaths {
  /** Where state lives: OUTRO_HOME, else the platform data dir. */
  dataDir: string;
  configFile: string;
  /** Sockets and pid files (owner-only). */
  runtimeDir: string;
  logDir: string;
  cacheDir: string;
  /** The SQLite store: event log, bus, workflows, read models. */
  database: string;
  /** The Kùzu graph projection. */
  graphDir: string;
  /** Snapshots of the SQLite store (`outro backup`, and the daemon daily). */
  backupDir: string;
}

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Everything under $OUTRO_HOME when it is set; otherwise the platform's conventions
 * (XDG on Linux, ~/Library on macOS, %APPDATA% on Windows). OUTRO_CONFIG overrides the config file.
 */
export function resolvePaths(env: Env = process.env): OutroPaths {
  const home = env.OUTRO_HOME;
  if (home) {
    return layout(
      {
        data: home,
        config: join(home, 'config.yaml'),
        runtime: join(home, 'run'),
        log: join(home, 'log'),
        cache: join(home, 'cache'),
      },
      env,
    );
  }
  const user = env.HOME ?? homedir();
  switch (platform()) {
    case 'darwin': {
      const base = join(user, 'Library', 'Application Support', 'outro');
      return layout(
        {
          data: base,
          config: join(base, 'config.yaml'),
          runtime: join(base, 'run'),
          log: join(user, 'Library', 'Logs', 'outro'),
          cache: join(user, 'Library', 'Caches', 'outro'),
        },
        env,
      );
    }
    case 'win32': {
      const base = join(env.APPDATA ?? join(user, 'AppData', 'Roaming'), 'outro');
      const local = join(env.LOCALAPPDATA ?? join(user, 'AppData', 'Local'), 'outro');
      return layout(
        {
          data: base,
          config: join(base, 'config.yaml'),
          runtime: join(local, 'run'),
          log: join(local, 'log'),
          cache: join(local, 'cache'),
        },
        env,
      );
    }
    default: {
      const data = join(env.XDG_DATA_HOME || join(user, '.local', 'share'), 'outro');
      const config = join(env.XDG_CONFIG_HOME || join(user, '.config'), 'outro', 'config.yaml');
      const state = join(env.XDG_STATE_HOME || join(user, '.local', 'state'), 'outro');
      const runtime = env.XDG_RUNTIME_DIR ? join(env.XDG_RUNTIME_DIR, 'outro') : join(data, 'run');
      const cache = join(env.XDG_CACHE_HOME || join(user, '.cache'), 'outro');
      return layout({ data, config, runtime, log: join(state, 'log'), cache }, env);
    }
  }
}

function layout(
  dirs: { data: string; config: string; runtime: string; log: string; cache: string },
  env: Env,
): OutroPaths {
  return {
    dataDir: dirs.data,
    configFile: env.OUTRO_CONFIG || dirs.config,
    runtimeDir: dirs.runtime,
    logDir: dirs.log,
    cacheDir: dirs.cache,
    database: join(dirs.data, 'outro.db'),
    graphDir: join(dirs.data, 'graph'),
    backupDir: join(dirs.data, 'backups'),
  };
}
