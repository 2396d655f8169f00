import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openAskSources } from '../answers/ask/open-sources.js';
import { EVENT } from '../domain/events.js';
import { REPO_ROOT } from '../eval/dataset-files.js';
import type { AskWorkspace } from '../eval/tasks/ask-adapter.js';
import { makeAppContext, type AppContext, type OpenAppContext } from './app-context.js';
import { loadConfig } from './config.js';
import { meList } from './config-me.js';
import { graphReadsFromCopy, openGraphForQuery } from './graph.js';
import { ingestAndDrain } from './ingest-and-drain.js';
import { openStore } from './store.js';

/**
 * Temporary stores over fixture workspaces for `outro eval run` (the ask dataset): the exports
 * ingested with the workspace's own outro.yaml, the agents run until the bus drains, the graph
 * caught up. One per folder per run; everything is deleted by close().
 */
export class EvalWorkspaces {
  private readonly opened = new Map<string, Promise<AskWorkspace>>();
  private readonly dirs: string[] = [];
  private readonly contexts: OpenAppContext[] = [];
  private readonly closers: Array<() => Promise<void>> = [];

  /** `ctx`: the eval's own context (its clock and environment). */
  constructor(private readonly ctx: AppContext) {}

  open(dir: string): Promise<AskWorkspace> {
    const folder = resolve(REPO_ROOT, dir);
    let workspace = this.opened.get(folder);
    if (!workspace) {
      workspace = this.build(folder);
      this.opened.set(folder, workspace);
    }
    return workspace;
  }

  private async build(folder: string): Promise<AskWorkspace> {
    const temp = mkdtempSync(join(tmpdir(), 'outro-eval-'));
    this.dirs.push(temp);
    const paths = {
      dataDir: temp,
      configFile: join(folder, 'outro.yaml'),
      runtimeDir: join(temp, 'run'),
      logDir: join(temp, 'log'),
      cacheDir: join(temp, 'cache'),
      database: join(temp, 'outro.db'),
      graphDir: join(temp, 'graph'),
      backupDir: join(temp, 'backups'),
    };
    const ctx = makeAppContext({
      env: this.ctx.env,
      paths,
      now: () => this.ctx.now(),
      loadConfig,
      openStore,
    });
    this.contexts.push(ctx);
    // The exports only: not the story sources, the labels or the config beside them.
    const exports = readdirSync(folder)
      .filter((name) => !['story', 'truth.json', 'outro.yaml', 'README.md'].includes(name))
      .map((name) => join(folder, name));
    // The agents' runs are recorded under the eval's tracer (its item span), not on their own.
    await ingestAndDrain(
      ctx,
      { inputs: exports.map((path) => ({ path, shown: path })), agents: true },
      { worker: 'never', traced: false },
    );
    const store = ctx.store();
    const config = ctx.config();
    const { sources, close } = await openAskSources({
      db: store.db,
      // As a command reads it: the copy in the store unless OUTRO_GRAPH_READS=kuzu.
      openGraph: async () =>
        (await openGraphForQuery(paths.graphDir, 0, graphReadsFromCopy(ctx.env) ? store.db : undefined))
          .graph,
      me: meList(config),
      now: ctx.now(),
      timeZone: config.timezone,
    });
    this.closers.push(close);
    return { sources, facts: store.log.count(EVENT.factAsserted) };
  }

  async close(): Promise<void> {
    for (const close of this.closers) await close();
    for (const ctx of this.contexts) ctx.close();
    for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
  }
}
