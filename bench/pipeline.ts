/**
 * Whole-pipeline benchmark: generates a Slack export whose message texts are real chat (the IRC
 * corpus lines, `--text irc`, the default when ../shared has it) or synthetic work chat
 * (`--text synthetic`), measures the floor (read + JSON.parse of every file), then runs `outro
 * ingest` with agents in a child process (bench/pipeline/child.ts) and prints, per stage,
 * messages/s, wall and CPU seconds, and the child's peak RSS.
 *
 * With `--day N`, a day of N new messages (the same workspace, a week after the export ends) is
 * then ingested into the same store, and its stages and agent CPU time printed: the incremental cost.
 *
 *   npm run bench:pipeline -- --messages 10000 [--text irc|synthetic] [--day 5000] [--cpu-prof DIR] [--keep] [--json]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ChildReport } from './pipeline/child.js';
import { generateSlackExport } from './slack-gen/generate.js';
import { ircCorpusAvailable, IrcTextSource } from './slack-gen/irc-text.js';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '10000' },
    text: { type: 'string', default: 'irc' },
    'cpu-prof': { type: 'string' },
    day: { type: 'string', default: '0' },
    keep: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});

const messages = Number(values.messages);
if (!Number.isInteger(messages) || messages <= 0) throw new Error('--messages takes a positive integer');
if (values.text !== 'irc' && values.text !== 'synthetic') throw new Error('--text takes irc or synthetic');
const dayMessages = Number(values.day);
if (!Number.isInteger(dayMessages) || dayMessages < 0)
  throw new Error('--day takes a whole number of messages');
const text = values.text === 'irc' && !ircCorpusAvailable() ? 'synthetic' : values.text;
if (text !== values.text) console.log('the IRC corpus is not in ../shared: synthetic texts instead');

const work = mkdtempSync(join(tmpdir(), 'outro-bench-pipeline-'));
const exportDir = join(work, 'export');
const generated = await generateSlackExport({
  messages,
  out: exportDir,
  channels: 20,
  users: 200,
  seed: 1,
  zip: false,
  ...(text === 'irc' ? { texts: new IrcTextSource() } : {}),
});
console.log(
  `generated ${generated.messages.toLocaleString()} messages (${text} texts) in ${generated.files} files, ${(generated.bytes / 1024 ** 2).toFixed(1)} MiB`,
);

const floorStarted = performance.now();
for (const name of readdirSync(exportDir, { recursive: true, encoding: 'utf8' }))
  if (name.endsWith('.json')) JSON.parse(readFileSync(join(exportDir, name), 'utf8'));
const floorSeconds = (performance.now() - floorStarted) / 1000;

const profile = values['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', resolve(values['cpu-prof'])] : [];
/** `outro ingest` with agents of one export into `home`, in a child process (bench/pipeline/child.ts). */
function ingestInChild(dir: string): ChildReport {
  const child = spawnSync(
    process.execPath,
    [
      ...profile,
      '--import',
      'tsx',
      join(import.meta.dirname, 'pipeline', 'child.ts'),
      dir,
      join(work, 'home'),
    ],
    { encoding: 'utf8', maxBuffer: 64 * 1024 ** 2, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (child.status !== 0) throw new Error(`outro ingest (child) exited with ${child.status ?? child.signal}`);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '') as ChildReport;
}

const report = ingestInChild(exportDir);
printStages(report, generated.messages, floorSeconds);

let day: (ChildReport & { messages: number }) | undefined;
if (dayMessages > 0) {
  const dayDir = join(work, 'day');
  const next = await generateSlackExport({
    messages: dayMessages,
    out: dayDir,
    channels: 20,
    users: 200,
    seed: 2,
    zip: false,
    days: 1,
    firstDay: generated.days + 7,
    ...(text === 'irc' ? { texts: new IrcTextSource() } : {}),
  });
  day = { ...ingestInChild(dayDir), messages: next.messages };
  const agentCpu = day.stages.slice(1).reduce((sum, stage) => sum + stage.cpuSeconds, 0);
  console.log(
    `\na new day of ${next.messages.toLocaleString()} messages on that store: agents ${agentCpu.toFixed(2)} CPU s (read + store ${day.stages[0].cpuSeconds.toFixed(2)})`,
  );
  printStages(day, next.messages);
}
if (!values.keep) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);

function printStages(report: ChildReport, messages: number, floorSeconds?: number): void {
  const rate = (seconds: number): string =>
    seconds > 0 ? Math.round(messages / seconds).toLocaleString() : '—';
  const rows = [
    ...(floorSeconds === undefined
      ? []
      : [['JSON.parse floor', rate(floorSeconds), floorSeconds.toFixed(2), '', '']]),
    ...report.stages.map((stage) => [
      stage.stage,
      rate(stage.wallSeconds),
      stage.wallSeconds.toFixed(2),
      stage.cpuSeconds.toFixed(2),
      stage.eventsOut.toLocaleString(),
    ]),
    [
      'runtime (bus, commits)',
      '',
      Math.max(
        0,
        report.totalWallSeconds - report.stages.reduce((sum, stage) => sum + stage.wallSeconds, 0),
      ).toFixed(2),
      Math.max(
        0,
        report.totalCpuSeconds - report.stages.reduce((sum, stage) => sum + stage.cpuSeconds, 0),
      ).toFixed(2),
      '',
    ],
    [
      'whole pipeline',
      rate(report.totalWallSeconds),
      report.totalWallSeconds.toFixed(2),
      report.totalCpuSeconds.toFixed(2),
      report.events.toLocaleString(),
    ],
  ];
  const header = ['stage', 'msgs/s', 'wall s', 'CPU s', 'events out'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  for (const row of [header, ...rows])
    console.log(
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
        .join('  '),
    );
  console.log(
    `peak RSS ${report.peakRssMiB.toFixed(0)} MiB${report.agentsFailed ? `; agents failed: ${report.agentsFailed}` : ''}`,
  );
  const pool = report.annotatePool;
  const annotate = report.stages.find((stage) => stage.stage.startsWith('annotate'));
  if (annotate?.mainCpuSeconds)
    console.log(
      `annotate: ${annotate.mainCpuSeconds.toFixed(2)} CPU s on the main thread, ${(annotate.cpuSeconds - annotate.mainCpuSeconds).toFixed(2)} on other threads (workers, GC)`,
    );
  if (pool)
    console.log(
      `annotate pool (OUTRO_WORKERS=${process.env.OUTRO_WORKERS ?? 'default'}): ${pool.taken} conversations taken from workers, ${pool.redone} annotated again (input differed), ${pool.local} on the main thread`,
    );
}
if (values.json)
  console.log(
    JSON.stringify({ messages: generated.messages, text, floorSeconds, ...report, ...(day ? { day } : {}) }),
  );
