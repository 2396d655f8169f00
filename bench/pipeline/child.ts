/**
 * The child process of `npm run bench:pipeline`: runs `outro ingest` with agents — the same app
 * call the CLI makes (`ingestAndDrain`, default reader and tracing) — on one export into a fresh
 * home, timing each stage: read+store (until the events are stored and people linked), then each
 * agent's `handle` (wall and CPU seconds, batches, events out). Prints one JSON line on stdout.
 *
 *   node --import tsx bench/pipeline/child.ts EXPORT_DIR OUTRO_HOME
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { createAgents } from '../../src/agents/index.js';
import { AnnotationsAgent } from '../../src/agents/annotations/annotations-agent.js';
import { makeAppContext } from '../../src/app/app-context.js';
import { ConfigSchema, loadConfig } from '../../src/app/config.js';
import { ingestAndDrain } from '../../src/app/ingest-and-drain.js';
import { resolvePaths } from '../../src/app/paths.js';
import { openStore } from '../../src/app/store.js';
import type { Agent } from '../../src/runtime/agents/agent.js';
import { limitHeapGrowth } from '../../src/runtime/heap-growth.js';

export interface StageTiming {
  stage: string;
  wallSeconds: number;
  /** Every thread of the process (worker threads included). */
  cpuSeconds: number;
  /** The main thread alone (Linux; 0 elsewhere). */
  mainCpuSeconds?: number;
  batches: number;
  eventsOut: number;
}

export interface ChildReport {
  /** Events in the log at the end: stored by the ingest and produced by the agents. */
  events: number;
  stages: StageTiming[];
  totalWallSeconds: number;
  totalCpuSeconds: number;
  peakRssMiB: number;
  agentsFailed?: string;
  /** Annotate pool: conversations whose worker output was taken, annotated again, or never sent. */
  annotatePool?: { taken: number; redone: number; local: number };
}

const cpuSeconds = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
};

/** The main thread's CPU seconds (utime + stime of /proc/thread-self/stat, in 10 ms ticks); 0 where there is no /proc. */
function mainCpuSeconds(): number {
  if (!existsSync('/proc/thread-self/stat')) return 0;
  const stat = readFileSync('/proc/thread-self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * BENCH_PROFILE="STAGE FROM TO OUT": a CPU profile of that stage's batches FROM..TO (1-based)
 * written to OUT (a .cpuprofile): what the late batches of a long stage spend. TO `end`: until the
 * drain ends (every later batch of every stage included).
 */
const window = process.env.BENCH_PROFILE?.split(' ');
const session = window ? new Session() : undefined;
let profiling = false;
async function profileWindow(stage: string, batch: number, starting: boolean): Promise<void> {
  if (!window || !session || window[0] !== stage) return;
  if (starting && batch === Number(window[1])) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    profiling = true;
  } else if (!starting && batch === Number(window[2])) {
    await stopProfile();
  }
}
async function stopProfile(): Promise<void> {
  if (!window || !session || !profiling) return;
  profiling = false;
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(window[3], JSON.stringify(profile));
}

/** The agent with its `handle` timed into `timing`. */
function timed(agent: Agent, timing: StageTiming): Agent {
  const handle = agent.handle.bind(agent);
  return Object.assign(Object.create(Object.getPrototypeOf(agent) as object) as Agent, agent, {
    handle: async (...args: Parameters<Agent['handle']>) => {
      await profileWindow(agent.name, timing.batches + 1, true);
      const wall = performance.now();
      const cpu = cpuSeconds();
      const mainCpu = mainCpuSeconds();
      try {
        const out = await handle(...args);
        timing.eventsOut += out.length;
        return out;
      } finally {
        timing.batches++;
        timing.wallSeconds += (performance.now() - wall) / 1000;
        timing.cpuSeconds += cpuSeconds() - cpu;
        timing.mainCpuSeconds = (timing.mainCpuSeconds ?? 0) + mainCpuSeconds() - mainCpu;
        await profileWindow(agent.name, timing.batches, false);
        logMemory(
          `${timing.stage} batch ${timing.batches}, ${timing.eventsOut} out, ${timing.cpuSeconds.toFixed(1)} CPU s`,
        );
      }
    },
    close: agent.close?.bind(agent),
  });
}

const STAGE_OF: Record<string, string> = {
  'channel-counts': 'channel counts',
  conversations: 'disentangle',
  annotations: 'annotate + resolve + facts',
  'graph-projector': 'graph projection',
  'search-index': 'search index',
};

// As the CLI does first thing (src/cli/main.ts): set after the ingest, the limit comes too late.
limitHeapGrowth();
const [exportDir, home] = process.argv.slice(2);
if (!exportDir || !home) throw new Error('usage: child.ts EXPORT_DIR OUTRO_HOME');
const configFile = join(exportDir, 'outro.yaml');
const ctx = makeAppContext({
  // OUTRO_WORKERS: threads that annotate (1: the main thread alone).
  env: process.env.OUTRO_WORKERS ? { OUTRO_WORKERS: process.env.OUTRO_WORKERS } : {},
  paths: { ...resolvePaths({ OUTRO_HOME: home }), configFile },
  now: '2026-11-24T00:00:00.000Z',
  loadConfig: (file) => (existsSync(file) ? loadConfig(file) : ConfigSchema.parse({ timezone: 'UTC' })),
  openStore,
});

const started = performance.now();
const cpuStarted = cpuSeconds();
/**
 * BENCH_MEMLOG=1: after a batch, at most every 5 s, the stage and the process's memory on stderr
 * (finds what grows; a timer would not fire: the drain runs in microtasks).
 */
let logged = 0;
function logMemory(stage: string): void {
  if (!process.env.BENCH_MEMLOG || performance.now() - logged < 5_000) return;
  logged = performance.now();
  const mib = (bytes: number): string => (bytes / 1024 ** 2).toFixed(0);
  const memory = process.memoryUsage();
  console.error(
    `[mem] ${((logged - started) / 1000).toFixed(0)} s, ${(cpuSeconds() - cpuStarted).toFixed(0)} CPU s, ${stage}: rss ${mib(memory.rss)} heap ${mib(memory.heapUsed)} external ${mib(memory.external)} MiB`,
  );
}
const read: StageTiming = { stage: 'read + store', wallSeconds: 0, cpuSeconds: 0, batches: 1, eventsOut: 0 };
const timings: StageTiming[] = [];
let agents: Agent[] | undefined;
let annotations: AnnotationsAgent | undefined;
const result = await ingestAndDrain(
  ctx,
  { inputs: [{ path: exportDir, shown: exportDir }], agents: true },
  {
    onIngested: (summary) => {
      read.wallSeconds = (performance.now() - started) / 1000;
      read.cpuSeconds = cpuSeconds() - cpuStarted;
      read.eventsOut = summary.appended;
    },
    agents: () => {
      const store = ctx.store();
      agents = createAgents({
        db: store.db,
        log: store.log,
        now: () => ctx.now(),
        config: ctx.config(),
        env: ctx.env,
      }).map((agent) => {
        if (agent instanceof AnnotationsAgent) annotations = agent;
        const timing = {
          stage: STAGE_OF[agent.name] ?? agent.name,
          wallSeconds: 0,
          cpuSeconds: 0,
          batches: 0,
          eventsOut: 0,
        };
        timings.push(timing);
        return timed(agent, timing);
      });
      return agents;
    },
  },
);
const annotatePool = annotations?.poolStats();
for (const agent of agents ?? []) await agent.close?.();
if (window?.[2] === 'end') await stopProfile();
const totalWallSeconds = (performance.now() - started) / 1000;
const report: ChildReport = {
  events: read.eventsOut + timings.reduce((sum, timing) => sum + timing.eventsOut, 0),
  stages: [read, ...timings],
  totalWallSeconds,
  totalCpuSeconds: cpuSeconds() - cpuStarted,
  peakRssMiB: process.resourceUsage().maxRSS / 1024,
  ...(result.agentsFailed ? { agentsFailed: result.agentsFailed.message } : {}),
  ...(annotatePool ? { annotatePool } : {}),
};
ctx.close();
console.log(JSON.stringify(report));
