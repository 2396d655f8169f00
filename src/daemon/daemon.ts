import type { AppContext, Env } from '../app/app-context.js';
import { loadConfig, type Config } from '../app/config.js';
import { describeDrain } from '../app/describe-drain.js';
import { backupIfDue } from '../app/backup.js';
import { digestDir as configuredDigestDir } from '../app/digest.js';
import { ingestAndDrain } from '../app/ingest-and-drain.js';
import type { OutroPaths } from '../app/paths.js';
import { openStore, type Store } from '../app/store.js';
import { OutroError } from '../domain/errors.js';
import { answerCall } from './calls.js';
import type { DaemonAgents } from './daemon-agents.js';
import type { DaemonLogger } from './daemon-log.js';
import { daemonPaths, type DaemonPaths } from './daemon-paths.js';
import { readState, writeState, type DaemonState } from './daemon-state.js';
import type { DaemonStatus } from './daemon-status.js';
import { CronTimes, DigestScheduler } from './digest-schedule.js';
import { exportFingerprint } from './export-fingerprint.js';
import { ExportWatcher } from './export-watcher.js';
import { IngestQueue, type IngestRecord } from './ingest-queue.js';
import { IpcServer } from './ipc-server.js';
import { claimPidFile, releasePidFile } from './pid-file.js';
import type { CallRequest, ControlRequest, DaemonReply } from './protocol.js';
import { socketAnswers } from './socket-answers.js';
import { resolveWatchFolders } from './watch-folders.js';
import { loadDigestWriter, type DigestWriter } from './write-digest-adapter.js';

export interface DaemonOptions {
  paths: OutroPaths;
  now: () => Date;
  log: DaemonLogger;
  /** The daemon's environment (model settings, OTLP); default process.env. */
  env?: Env;
  /** Test seams; defaults suit people. */
  debounceMs?: number;
  stableMs?: number;
  tickMs?: number;
  digestWriter?: DigestWriter | null;
  /** The agents run after each ingest (null: none; default: every agent, loaded at start). */
  agents?: DaemonAgents | null;
}

export interface RunningDaemon {
  status(): DaemonStatus;
  /** Resolves once the daemon has stopped (by `stop()`, a socket request or a signal). */
  stopped: Promise<void>;
  stop(reason: string): Promise<void>;
  /** True once a stop has begun (a second signal then exits at once; see `outro daemon run`). */
  isStopping(): boolean;
}

/**
 * Starts the daemon: claims the pid file, opens the stores (the only process that does while it
 * runs), answers the CLI's calls on the socket with the app's use cases, watches export folders
 * and fires the digest schedule.
 */
export async function startDaemon(options: DaemonOptions): Promise<RunningDaemon> {
  const { paths, now, log } = options;
  const env = options.env ?? process.env;
  const files: DaemonPaths = daemonPaths(paths);
  const config: Config = loadConfig(paths.configFile);
  const times = new CronTimes(config.digest.schedule, config.timezone);
  // A live daemon whose pid file was removed by hand still owns its socket: do not take it over.
  if (await socketAnswers(files.socket)) {
    throw new OutroError(
      'DAEMON_RUNNING',
      `An outro daemon already answers on ${files.socket}. Stop it with \`outro daemon stop\`.`,
    );
  }
  claimPidFile(files.pidFile, [files.socket]);
  let store: Store | undefined;
  let server: IpcServer | undefined;
  try {
    store = openStore(paths.database, now);
    const state: DaemonState = readState(files.stateFile);
    const save = (): void => writeState(files.stateFile, state);
    // Optional parts: a build without them (or with a broken one) still ingests and serves the CLI.
    const optional = async <T>(what: string, load: () => Promise<T | undefined>): Promise<T | undefined> => {
      try {
        return await load();
      } catch (error) {
        log('error', `${what} could not be loaded; running without it: ${(error as Error).message}`);
        return undefined;
      }
    };
    const openStoreRef = store;
    // The daemon's own work (watched exports, the agents, the digest) runs as use cases in this context.
    const ctx: AppContext = { env, paths, now, config: () => config, store: () => openStoreRef };
    const digestWriter =
      options.digestWriter === undefined
        ? await optional('the digest writer', loadDigestWriter)
        : (options.digestWriter ?? undefined);
    const agents =
      options.agents === undefined
        ? await optional('the agents', async () => (await import('./daemon-agents.js')).loadDaemonAgents(ctx))
        : (options.agents ?? undefined);
    // The daemon owns the graph: one handle held for its life (opened in the background, shared with
    // the projector and every call), so a forwarded ask never pays for opening Kùzu.
    // Tried again on a call while it is not held (a process that held it at start has let it go).
    const holdGraph = () =>
      optional('the graph', async () => (await import('../app/graph.js')).openGraph(paths.graphDir)).then(
        (held) => {
          if (!held) graph = undefined;
          return held;
        },
      );
    let graph: ReturnType<typeof holdGraph> | undefined = holdGraph();
    const abort = new AbortController();
    const { folders, missing } = resolveWatchFolders(config.watch, paths.configFile);
    for (const folder of missing)
      log('warn', `watch folder ${folder} does not exist; not watching it`, { folder });

    const ingestJob = async (changed: string[]): Promise<IngestRecord | undefined> => {
      const fresh = changed
        .map((path) => ({ path, print: exportFingerprint(path) }))
        .filter((entry) => entry.print && state.ingested[entry.path] !== entry.print);
      const at = now().toISOString();
      if (fresh.length === 0) {
        // Nothing new to read (a kick at start, or exports already ingested): let the agents catch
        // up on what earlier runs or plain `outro ingest` left for them.
        if (changed.length === 0 && agents && !abort.signal.aborted) await runAgents();
        return undefined;
      }
      const paths = fresh.map((entry) => entry.path);
      log('info', `ingesting ${paths.length} changed export(s)`, { paths });
      const record: IngestRecord = { at, paths, status: 'failed', appended: 0, problems: 0 };
      const result = await ingestAndDrain(
        ctx,
        { inputs: paths.map((path) => ({ path, shown: path })), agents: agents !== undefined },
        {
          // Parse in a worker thread: this thread stays free to answer the CLI between commits.
          worker: 'always',
          agents: agents?.agents,
          signal: abort.signal,
          onIngested: (summary) => {
            for (const entry of fresh)
              if (summary.status !== 'failed') state.ingested[entry.path] = entry.print as string;
            save();
            Object.assign(record, {
              status: summary.status,
              appended: summary.appended,
              problems: summary.problems.length,
            });
            log('info', `ingest ${summary.status}: ${summary.appended} new events`, {
              runId: summary.runId,
              appended: summary.appended,
              problems: summary.problems.length,
            });
          },
        },
      );
      if (result.agents) {
        record.agents = describeDrain(result.agents);
        log('info', record.agents);
      } else if (result.agentsFailed) {
        record.agents = agentsFailed(result.agentsFailed);
      } else if (agents && !abort.signal.aborted) {
        // Nothing could be read: the agents still catch up on what is waiting.
        record.agents = await runAgents();
      }
      return record;
    };
    const agentsFailed = (failure: { message: string; stack?: string }): string => {
      log('error', `agents failed: ${failure.message}`, { stack: failure.stack });
      return `failed: ${failure.message}`;
    };
    const runAgents = async (): Promise<string> => {
      try {
        const { drainAgents } = await import('../app/agents.js');
        const result = describeDrain(
          await drainAgents(ctx, { agents: agents?.agents(), signal: abort.signal }),
        );
        log('info', result);
        return result;
      } catch (error) {
        return agentsFailed({ message: (error as Error).message, stack: (error as Error).stack });
      }
    };
    const queue: IngestQueue = new IngestQueue(ingestJob, (error) =>
      log('error', `ingest failed: ${error.message}`, { stack: error.stack }),
    );

    const watcher = new ExportWatcher({
      folders,
      onChange: (exports) => queue.enqueue(exports),
      debounceMs: options.debounceMs,
      stableMs: options.stableMs,
      onError: (error) => log('warn', `watcher: ${error.message}`),
    });

    const digestDir = configuredDigestDir(ctx);
    const scheduler = new DigestScheduler({
      times,
      now,
      lastFire: state.lastDigestFire ? new Date(state.lastDigestFire) : undefined,
      tickMs: options.tickMs,
      log: (level, message, fields) => log(level, message, fields),
      remember: (fireTime) => {
        state.lastDigestFire = fireTime.toISOString();
        save();
      },
      fire: async (fireTime, { missed }) => {
        log(
          'info',
          `digest fire ${fireTime.toISOString()}${missed ? ' (missed while asleep or stopped; running once now)' : ''}`,
          { fireTime: fireTime.toISOString(), missed },
        );
        if (!digestWriter)
          throw new OutroError(
            'NOT_FOUND',
            'This build has no digest writer (outro digest); the fire time is recorded and skipped.',
          );
        await queue.idle();
        const outcome = await digestWriter(ctx, { fireTime, dir: digestDir });
        if (outcome)
          log(
            'info',
            outcome.written ? `digest written: ${outcome.file}` : `digest already there: ${outcome.file}`,
            { file: outcome.file },
          );
        return outcome;
      },
    });

    const startedAt = new Date();
    const status = (): DaemonStatus => ({
      running: true,
      pid: process.pid,
      startedAt: startedAt.toISOString(),
      uptimeSeconds: Math.round(process.uptime()),
      socket: files.socket,
      log: files.logFile,
      database: paths.database,
      watched: folders,
      missingWatchFolders: missing,
      ingesting: queue.busy,
      lastIngest: queue.last ?? null,
      digest: {
        schedule: config.digest.schedule,
        timezone: config.timezone,
        dir: digestDir,
        available: digestWriter !== undefined,
        nextFire: scheduler.nextFire()?.toISOString() ?? null,
        lastFire: state.lastDigestFire ?? null,
        lastResult: scheduler.lastResult ?? null,
      },
      agents: agents !== undefined,
    });

    const backups: { timer?: NodeJS.Timeout } = {};
    let stopping: Promise<void> | undefined;
    let resolveStopped!: () => void;
    const stopped = new Promise<void>((resolve) => (resolveStopped = resolve));
    let commands: Promise<unknown> = Promise.resolve();
    const stop = (reason: string): Promise<void> =>
      (stopping ??= (async () => {
        log('info', `stopping (${reason})`);
        clearInterval(backups.timer);
        await scheduler.stop();
        await watcher.close();
        await queue.stop(); // finishes the ingest in progress
        abort.abort();
        // A forwarded command still running gets a while to finish; the stores close after it.
        await Promise.race([
          commands.catch(() => undefined),
          new Promise((resolve) => setTimeout(resolve, 30_000).unref()),
        ]);
        await server?.close();
        await agents?.close().catch((error: Error) => log('error', `closing the agents: ${error.message}`));
        await (
          await graph
        )
          ?.close()
          .catch((error: Error) => log('error', `closing the graph: ${error.message}`));
        openStoreRef.close();
        releasePidFile(files.pidFile);
        log('info', 'stopped');
        resolveStopped();
      })());

    const control = async (request: ControlRequest): Promise<DaemonReply> => {
      if (request.op === 'ping') return { id: request.id, ok: true, result: { pid: process.pid } };
      if (request.op === 'status') return { id: request.id, ok: true, result: status() };
      setImmediate(() => void stop('requested over the socket'));
      return { id: request.id, ok: true, result: { pid: process.pid, stopping: true } };
    };
    // Calls run one at a time: Kùzu takes one write transaction at a time, and two drains of the bus would compete.
    const call = (request: CallRequest): Promise<DaemonReply> => {
      log('info', 'forwarded command', { command: request.name });
      graph ??= holdGraph();
      const next = commands.then(() => answerCall({ env, paths }, request));
      commands = next.catch(() => undefined);
      return next;
    };
    server = new IpcServer(
      files.socket,
      (request) => (request.op === 'call' ? call(request) : control(request)),
      (error) => log('error', `socket: ${error.message}`),
    );
    await server.listen(files.runtimeDir);
    await watcher.start();
    if (agents) queue.kick();
    scheduler.start();
    // A snapshot of outro.db a day (online backup API; the newest three kept): checked hourly and at start.
    const backupTick = (): void => {
      commands = commands.then(async () => {
        try {
          const result = await backupIfDue(ctx);
          if (result.taken) log('info', `backup written: ${result.taken.file}`, { file: result.taken.file });
        } catch (error) {
          log('error', `backup failed: ${(error as Error).message}`);
        }
      });
    };
    backups.timer = setInterval(backupTick, 3600_000);
    backups.timer.unref();
    backupTick();
    log(
      'info',
      `daemon running (pid ${process.pid}), socket ${files.socket}, watching ${folders.length} folder(s)`,
      { pid: process.pid, watched: folders },
    );
    return { status, stopped, stop, isStopping: () => stopping !== undefined };
  } catch (error) {
    await server?.close();
    store?.close();
    releasePidFile(files.pidFile);
    throw error;
  }
}
