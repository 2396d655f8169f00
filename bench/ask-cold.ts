/**
 * `npm run bench:ask-cold -- [--runs 5] [--home DIR] [QUESTION …]`: cold `outro ask` — a new
 * process per question running the compiled CLI (bin/outro → dist/), no daemon, no model — over a
 * store built once from the bundled sample workspace (fixtures/workspace, as `npm run demo`
 * ingests it). Prints per question the median wall time and CPU time (user + system of the child,
 * which is what a loaded machine does not inflate). --keep keeps the home; --home reuses a kept one.
 * Target (issue 14): cold ask < 500 ms.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '5' },
    home: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'outro');
if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
  console.log('dist/ is missing: run `npm run build` first');
  process.exit(1);
}
const workspace = join(root, 'fixtures', 'workspace');
const truth = JSON.parse(readFileSync(join(workspace, 'truth.json'), 'utf8')) as { now?: string };
const home = values.home ?? mkdtempSync(join(tmpdir(), 'outro-bench-ask-cold-'));
const env = {
  ...process.env,
  OUTRO_HOME: home,
  OUTRO_CONFIG: join(workspace, 'outro.yaml'),
  OUTRO_MODEL: '',
  // A daemon would answer instead: the point is the cold process.
  OUTRO_NO_DAEMON: '1',
  ...(truth.now ? { OUTRO_NOW: truth.now } : {}),
};

/** User + system CPU of waited-for children so far, in ms (Linux /proc/self/stat: cutime + cstime, 100 ticks a second); NaN elsewhere. */
function childUsage(): number {
  if (!existsSync('/proc/self/stat')) return Number.NaN;
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  // After "pid (comm) ": state is field 3, so cutime (16) and cstime (17) are at indexes 13 and 14.
  const ticks = Number(fields[13]) + Number(fields[14]);
  return (ticks * 1000) / 100;
}

/** Runs the CLI once; the children's CPU is counted only for those waited for, and spawnSync runs one at a time. */
function timed(args: string[]): { wallMs: number; cpuMs: number; status: number | null; stdout: string } {
  const cpuBefore = childUsage();
  const started = performance.now();
  const result = spawnSync(process.execPath, [bin, ...args], { env, encoding: 'utf8' });
  const wallMs = performance.now() - started;
  return { wallMs, cpuMs: childUsage() - cpuBefore, status: result.status, stdout: result.stdout };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

try {
  if (!values.home) {
    const started = performance.now();
    const ingest = timed([
      'ingest',
      ...['slack', 'discord', 'teams', 'calendar.ics'].map((path) => join(workspace, path)),
    ]);
    if (ingest.status !== 0 && ingest.status !== 3) throw new Error(`ingest failed: ${ingest.stdout}`);
    console.log(
      `store: fixtures/workspace ingested in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  const questions =
    positionals.length > 0
      ? positionals
      : [
          'who owns billing',
          'what did we decide about search',
          'when is the EMV certification',
          'what is the status of the rate limiter',
        ];
  const runs = Number(values.runs);
  console.log(
    `cold ask, ${runs} runs each (load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores, node ${process.version})`,
  );
  console.log('  median wall ms   median CPU ms   question');
  for (const question of questions) {
    timed(['ask', question]); // the page cache warm, like any second run
    const walls: number[] = [];
    const cpu: number[] = [];
    for (let run = 0; run < runs; run++) {
      const result = timed(['ask', question]);
      if (result.status !== 0) throw new Error(`ask "${question}" exited ${result.status}: ${result.stdout}`);
      walls.push(result.wallMs);
      cpu.push(result.cpuMs);
    }
    console.log(
      `  ${median(walls).toFixed(0).padStart(14)}   ${median(cpu).toFixed(0).padStart(13)}   ${question}`,
    );
  }
} finally {
  if (values.home || values.keep) console.log(`home kept at ${home}`);
  else rmSync(home, { recursive: true, force: true });
}
