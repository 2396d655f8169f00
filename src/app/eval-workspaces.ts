import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Agent } from '../runtime/agents/agent.js';
import { createAgents } from '../agents/index.js';
import { runUntilDrained } from '../agents/run-until-drained.js';
import { loadConfig, meList } from './config.js';
import { ingestPaths } from './ingest.js';
import { openStore, type Store } from './store.js';
import { CONNECTORS } from '../connectors/registry.js';
import { EVENT } from '../domain/events.js';
import { LogEvidenceSource } from '../memory/facts/evidence.js';
import { catchUpGraph } from '../memory/graph/catch-up.js';
import type { GraphStore } from '../memory/graph/graph-store.js';
import { acquireGraph } from '../memory/graph/kuzu/shared-graph.js';
import { allLinks, latestProfiles } from '../memory/people-queries.js';
import { PeopleDirectory } from '../answers/people/people-directory.js';
import { REPO_ROOT } from '../eval/dataset-files.js';
import type { AskWorkspace } from '../eval/tasks/ask-adapter.js';

/**
 * Temporary stores over fixture workspaces for `outro eval run` (the ask dataset): the exports
 * ingested with the workspace's own outro.yaml, the agents run until the bus drains, the graph
 * caught up. One per folder per run; everything is deleted by close().
 */
export class EvalWorkspaces {
  private readonly opened = new Map<string, Promise<AskWorkspace>>();
  private readonly dirs: string[] = [];
  private readonly stores: Store[] = [];
  private readonly graphs: GraphStore[] = [];

  constructor(private readonly now: () => Date) {}

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
    const store = openStore(join(temp, 'outro.db'), this.now);
    this.stores.push(store);
    const config = loadConfig(join(folder, 'outro.yaml'));
    // The exports only: not the story sources, the labels or the config beside them.
    const exports = readdirSync(folder).filter((name) => !['story', 'truth.json', 'outro.yaml', 'README.md'].includes(name)).map((name) => join(folder, name));
    await ingestPaths(store, exports, {
      connectors: CONNECTORS,
      connectorOptions: { now: this.now(), calendarPastDays: config.calendar.pastDays, calendarFutureDays: config.calendar.futureDays, defaultTimezone: config.timezone },
      aliases: config.people,
      worker: 'never',
    });
    const agents: Agent[] = createAgents({ db: store.db, log: store.log, now: this.now, config });
    try {
      await runUntilDrained({ db: store.db, log: store.log, now: this.now, agents, config });
    } finally {
      for (const agent of agents) await (agent as Agent & { close?: () => Promise<void> | void }).close?.();
    }
    const graph = await acquireGraph(join(temp, 'graph'));
    this.graphs.push(graph);
    await catchUpGraph(store.db, graph);
    return {
      sources: { graph, evidence: new LogEvidenceSource(store.db), people: new PeopleDirectory(latestProfiles(store.db), allLinks(store.db)), me: meList(config), now: this.now(), timeZone: config.timezone },
      facts: store.log.count(EVENT.factAsserted),
    };
  }

  async close(): Promise<void> {
    for (const graph of this.graphs) await graph.close();
    for (const store of this.stores) store.close();
    for (const dir of this.dirs) rmSync(dir, { recursive: true, force: true });
  }
}
