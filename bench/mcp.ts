/**
 * `npx tsx bench/mcp.ts [--runs 30] [--starts 10]` (`--runs 0`: startup only) (needs `npm run build`): ingests the Acme
 * sample workspace (fixtures/workspace) into a temp store, then times `outro mcp` as an assistant
 * runs it, with the SDK's client over stdio:
 * - startup (`--starts` fresh processes), the way an assistant starts it: spawn → `initialize`
 *   answered, the server's CPU time (user + system) by then, spawn → `tools/list` answered and
 *   spawn → the first `ask` answered (store, graph and answer code load then);
 * - warm tool calls (after one untimed call per tool), p50/p95 over `--runs` calls per tool, first
 *   with no daemon (the server holds the store and the graph), then through a running daemon.
 * Targets (issue 17): a warm call under 100 ms through the daemon, startup under 500 ms.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

const runs = Number(arg('runs', '30'));
const starts = Number(arg('starts', '10'));
const BIN = resolve('bin/outro');
const WORKSPACE = resolve('fixtures/workspace');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;

const CALLS: Array<[string, Record<string, unknown>]> = [
  ['ask', { question: 'who owns billing' }],
  ['ask (unknown)', { question: 'who owns the moon base' }],
  ['history', { entity: 'billing' }],
  ['brief', { since: '2026-11-19T08:30:00+01:00' }],
];

/**
 * Loaded with `--import` into a started server: writes the process's CPU time (user + system, ms)
 * to stderr when it first writes to stdout (the `initialize` reply).
 */
const CPU_PROBE = `data:text/javascript,${encodeURIComponent(
  "const write = process.stdout.write.bind(process.stdout); let done = false; process.stdout.write = (...args) => { if (!done) { done = true; const cpu = process.cpuUsage(); process.stderr.write('cpu ' + (cpu.user + cpu.system) / 1000 + '\\n'); } return write(...args); };",
)}`;

interface Start {
  /** spawn → `initialize` answered */
  initialize: number;
  /** CPU time of the server when it answered `initialize` */
  cpu: number;
  /** spawn → `tools/list` answered (asked as soon as `initialize` is) */
  toolsList: number;
  /** spawn → the first `ask` answered (asked after `tools/list`; no daemon: loads store, graph, answers) */
  firstAsk: number;
}

/** One start of `outro mcp`, timed as an assistant sees it. */
async function startOnce(env: Record<string, string>): Promise<Start> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', CPU_PROBE, BIN, 'mcp'], {
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const send = (message: object): void =>
    void child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
  const reply = (id: number): Promise<number> =>
    new Promise((done) => {
      const look = (): void => {
        if (stdout.includes(`"id":${id}`)) done(performance.now() - started);
        else child.stdout.once('data', look);
      };
      look();
    });
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  send({
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '0' } },
  });
  const initialize = await reply(1);
  send({ method: 'notifications/initialized' });
  send({ id: 2, method: 'tools/list' });
  const toolsList = await reply(2);
  send({ id: 3, method: 'tools/call', params: { name: 'ask', arguments: { question: 'who owns billing' } } });
  const firstAsk = await reply(3);
  child.stdin.end();
  await new Promise((done) => child.on('close', done));
  const cpu = Number(/^cpu (\S+)$/m.exec(stderr)?.[1] ?? NaN);
  return { initialize, cpu, toolsList, firstAsk };
}

async function timeCalls(env: Record<string, string>, label: string): Promise<void> {
  const client = new Client({ name: 'outro-bench', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [BIN, 'mcp'], env }));
  try {
    for (const [name, args] of CALLS) {
      const tool = name.split(' ')[0];
      await client.callTool({ name: tool, arguments: args });
      const times: number[] = [];
      for (let run = 0; run < runs; run += 1) {
        const started = performance.now();
        const result = await client.callTool({ name: tool, arguments: args });
        times.push(performance.now() - started);
        if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
      }
      console.log(
        `  ${label.padEnd(10)} ${name.padEnd(14)} p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}`,
      );
    }
  } finally {
    await client.close();
  }
}

const home = mkdtempSync(join(tmpdir(), 'outro-bench-mcp-'));
const env: Record<string, string> = {
  PATH: process.env.PATH ?? '',
  HOME: home,
  OUTRO_HOME: home,
  OUTRO_CONFIG: join(WORKSPACE, 'outro.yaml'),
  OUTRO_NOW: '2026-11-20T08:30:00+01:00',
};
try {
  const exports = ['slack', 'discord', 'teams', 'calendar.ics'].map((name) => join(WORKSPACE, name));
  const ingest = spawnSync(process.execPath, [BIN, 'ingest', ...exports, '--json'], {
    env,
    encoding: 'utf8',
  });
  if (ingest.status !== 0) throw new Error(`ingest failed: ${ingest.stderr}`);
  console.log(
    `mcp bench: Acme sample workspace; ${availableParallelism()} CPUs, load ${loadavg()[0].toFixed(1)}, node ${process.version}; ${runs} calls per tool, ${starts} starts`,
  );
  const startups: Start[] = [];
  for (let start = 0; start < starts; start += 1) startups.push(await startOnce(env));
  const line = (label: string, values: number[]): void =>
    console.log(
      `  startup    ${label.padEnd(22)} p50 ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))}, min ${ms(Math.min(...values))}`,
    );
  line(
    'spawn → initialize',
    startups.map((start) => start.initialize),
  );
  line(
    'CPU at initialize',
    startups.map((start) => start.cpu),
  );
  line(
    'spawn → tools/list',
    startups.map((start) => start.toolsList),
  );
  line(
    'spawn → first ask',
    startups.map((start) => start.firstAsk),
  );
  if (runs > 0) {
    await timeCalls(env, 'no daemon');
    const daemon = spawnSync(process.execPath, [BIN, 'daemon', 'start'], { env, encoding: 'utf8' });
    if (daemon.status !== 0) throw new Error(`daemon start failed: ${daemon.stderr}`);
    try {
      await timeCalls(env, 'daemon');
    } finally {
      spawnSync(process.execPath, [BIN, 'daemon', 'stop'], { env, encoding: 'utf8' });
    }
  }
} finally {
  rmSync(home, { recursive: true, force: true });
}
