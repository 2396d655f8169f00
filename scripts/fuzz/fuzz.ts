// `npm run fuzz`: mutates the fixture exports (fixtures/workspace, fixtures/holdout) and runs the built
// CLI over each mutated export: `outro ingest --no-agents` (the readers, the log) into a fresh
// $OUTRO_HOME; every --agents-every'th run (default 25) instead ingests with the agents and then
// runs `outro ask` and `outro brief --json` where something was stored (an ingest with the agents
// costs ~11 s, one without ~1.7 s: 1,000 runs all with the agents took ~2 h on 2 shared cores).
// Records crashes (exit 1, a signal or a stack trace), hangs (past --timeout, default 30 s) and
// memory past --max-rss (default 1024 MiB), and writes a summary. Not part of `npm test`: it takes
// minutes. See README "Hostile input".
//
//   npm run fuzz -- [--runs 1000] [--seed 1] [--jobs 2] [--agents-every 25] [--minutes M] [--out DIR] [--keep]
//   npm run fuzz -- --replay SEED [--keep]      one case again (with the agents), by the seed the summary printed
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { writeCase, type FuzzCase } from './cases.js';
import { MUTATIONS } from './mutate.js';
import { runSeed } from './random.js';
import { runOutro, type Step } from './run-outro.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'outro');
const FIXTURES = join(ROOT, 'fixtures');

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '1' },
    jobs: { type: 'string', default: '2' },
    'agents-every': { type: 'string', default: '25' },
    minutes: { type: 'string' },
    replay: { type: 'string' },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
    timeout: { type: 'string', default: '30' },
    'max-rss': { type: 'string', default: '1024' },
  },
});

const runs = Number(values.runs);
const seed = Number(values.seed);
const jobs = Math.min(2, Math.max(1, Number(values.jobs)));
const agentsEvery = Math.max(1, Number(values['agents-every']));
const timeoutMs = Number(values.timeout) * 1000;
const maxRssMb = Number(values['max-rss']);
const deadline = values.minutes ? Date.now() + Number(values.minutes) * 60_000 : Infinity;
if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
  console.error('fuzz: the CLI is not built; run `npm run build` first.');
  process.exit(2);
}
const out = values.out ?? mkdtempSync(join(tmpdir(), 'outro-fuzz-'));
mkdirSync(out, { recursive: true });

type Failure = 'crash' | 'hang' | 'memory';
interface Outcome {
  case: Omit<FuzzCase, 'input'> & { agents: boolean };
  steps: Array<Omit<Step, 'stderr'> & { failure?: Failure; stderrTail?: string }>;
  failures: Failure[];
}

const STACK = /^\s+at .+:\d+:\d+\)?$/m;

function failureOf(step: Step): Failure | undefined {
  if (step.hung) return 'hang';
  if (step.killedForMemory || step.maxRssMb > maxRssMb) return 'memory';
  if (step.status === 1 || (step.status ?? 0) > 128 || step.signal !== null || STACK.test(step.stderr))
    return 'crash';
  return undefined;
}

/** Runs case `caseSeed`: ingest without the agents, or (`agents`) with them, then ask and brief. */
async function runCase(caseSeed: number, agents: boolean): Promise<Outcome> {
  const scratch = mkdtempSync(join(tmpdir(), `outro-fuzz-${caseSeed}-`));
  const home = join(scratch, 'home');
  mkdirSync(home);
  const fuzzCase = writeCase(FIXTURES, caseSeed, join(scratch, 'input'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    OUTRO_HOME: home,
    OUTRO_NO_DAEMON: '1',
    OUTRO_MODEL: 'none',
    OUTRO_NOW: fuzzCase.fixture === 'workspace' ? '2026-11-20T07:30:00Z' : '2026-11-27T14:00:00Z',
    OUTRO_CONFIG: join(FIXTURES, fuzzCase.fixture, 'outro.yaml'),
  };
  const options = { timeoutMs, killRssMb: Math.max(maxRssMb * 2, 2048), scratch };
  const ingestArgs = agents ? ['ingest', fuzzCase.input] : ['ingest', fuzzCase.input, '--no-agents'];
  const steps: Step[] = [await runOutro(BIN, ingestArgs, env, options)];
  const ingest = steps[0];
  if (agents && !failureOf(ingest) && (ingest.status === 0 || ingest.status === 3)) {
    steps.push(await runOutro(BIN, ['ask', 'who owns billing?'], env, options));
    steps.push(await runOutro(BIN, ['brief', '--json'], env, options));
  }
  if (values.keep) console.info(`kept ${scratch}`);
  else rmSync(scratch, { recursive: true, force: true });
  const { input: _input, ...named } = fuzzCase;
  const recorded = steps.map(({ stderr, ...step }): Outcome['steps'][number] => {
    const failure = failureOf({ stderr, ...step });
    return failure ? { ...step, failure, stderrTail: stderr.slice(-2000) } : step;
  });
  return {
    case: { ...named, agents },
    steps: recorded,
    failures: recorded.flatMap((step) => (step.failure ? [step.failure] : [])),
  };
}

function line(outcome: Outcome): string {
  const c = outcome.case;
  const statuses = outcome.steps.map(
    (step) => `${step.args[0]} ${step.hung ? 'hang' : (step.status ?? step.signal)}`,
  );
  const rss = Math.max(...outcome.steps.map((step) => step.maxRssMb)).toFixed(0);
  return `seed ${c.seed}${c.agents ? ' [agents]' : ''} ${c.mutation} ${c.file}: ${c.detail} → ${statuses.join(', ')} (${rss} MiB)${
    outcome.failures.length > 0 ? ` FAILED: ${outcome.failures.join(', ')}` : ''
  }`;
}

if (values.replay !== undefined) {
  const outcome = await runCase(Number(values.replay), true);
  console.info(line(outcome));
  for (const step of outcome.steps) if (step.stderrTail) console.info(step.stderrTail);
  process.exit(outcome.failures.length > 0 ? 1 : 0);
}

const started = Date.now();
const outcomes: Outcome[] = [];
let next = 0;
const fuzzerErrors: number[] = [];
async function worker(): Promise<void> {
  while (next < runs && Date.now() < deadline) {
    const index = next++;
    const caseSeed = runSeed(seed, index);
    let outcome: Outcome;
    try {
      outcome = await runCase(caseSeed, index % agentsEvery === 0);
    } catch (error) {
      // A bug in the fuzzer itself: say which seed, go on with the others.
      console.error(
        `fuzz: seed ${caseSeed} could not be built or run: ${(error as Error).stack ?? String(error)}`,
      );
      fuzzerErrors.push(caseSeed);
      continue;
    }
    outcomes.push(outcome);
    console.info(`[${outcomes.length}/${runs}] ${line(outcome)}`);
  }
}
await Promise.all(Array.from({ length: jobs }, worker));

const perMutation = Object.fromEntries(
  MUTATIONS.map((mutation) => {
    const mine = outcomes.filter((outcome) => outcome.case.mutation === mutation);
    const count = (failure: Failure): number =>
      mine.filter((outcome) => outcome.failures.includes(failure)).length;
    const exits: Record<string, number> = {};
    for (const outcome of mine) {
      const status = String(outcome.steps[0].hung ? 'hang' : outcome.steps[0].status);
      exits[status] = (exits[status] ?? 0) + 1;
    }
    return [
      mutation,
      {
        runs: mine.length,
        crash: count('crash'),
        hang: count('hang'),
        memory: count('memory'),
        ingestExit: exits,
      },
    ];
  }),
);
const allSteps = outcomes.flatMap((outcome) => outcome.steps);
const summary = {
  seed,
  runs: outcomes.length,
  requested: runs,
  jobs,
  withAgents: outcomes.filter((outcome) => outcome.case.agents).length,
  minutes: Number(((Date.now() - started) / 60_000).toFixed(1)),
  limits: { timeoutS: timeoutMs / 1000, maxRssMb },
  failures: {
    crash: outcomes.filter((outcome) => outcome.failures.includes('crash')).length,
    hang: outcomes.filter((outcome) => outcome.failures.includes('hang')).length,
    memory: outcomes.filter((outcome) => outcome.failures.includes('memory')).length,
  },
  fuzzerErrors,
  peakRssMb: Math.round(Math.max(0, ...allSteps.map((step) => step.maxRssMb))),
  slowestS: Number((Math.max(0, ...allSteps.map((step) => step.ms)) / 1000).toFixed(1)),
  slowest: outcomes
    .flatMap((outcome) =>
      outcome.steps.map((step) => ({ seed: outcome.case.seed, command: step.args[0], ms: step.ms })),
    )
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 5)
    .map((step) => ({ ...step, ms: Math.round(step.ms) })),
  perMutation,
  failed: outcomes
    .filter((outcome) => outcome.failures.length > 0)
    .map((outcome) => ({ ...outcome, replay: `npm run fuzz -- --replay ${outcome.case.seed}` })),
};
writeFileSync(join(out, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
console.info(
  `\nfuzz: ${summary.runs} runs (${summary.withAgents} with the agents, ask and brief) in ${summary.minutes} min (seed ${seed}, ${jobs} at a time): ` +
    `${summary.failures.crash} crashes, ${summary.failures.hang} hangs over ${timeoutMs / 1000} s, ` +
    `${summary.failures.memory} over ${maxRssMb} MiB; peak ${summary.peakRssMb} MiB, slowest command ${summary.slowestS} s.`,
);
for (const [mutation, counts] of Object.entries(perMutation))
  console.info(
    `  ${mutation.padEnd(14)} ${String(counts.runs).padStart(4)} runs, ${counts.crash} crash, ${counts.hang} hang, ${counts.memory} memory; ingest exits ${JSON.stringify(counts.ingestExit)}`,
  );
for (const failed of summary.failed) console.info(`  ${failed.replay}  # ${line(failed)}`);
console.info(`summary: ${join(out, 'summary.json')}`);
process.exit(summary.runs > 0 && Object.values(summary.failures).every((count) => count === 0) ? 0 : 1);
