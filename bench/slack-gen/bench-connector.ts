/**
 * Measures the Slack connector alone against bare JSON.parse of the same day files:
 *
 *   npx tsx bench/slack-gen/bench-connector.ts DIR_OR_ZIP [--rounds 3]
 *
 * Baseline: read + strict UTF-8 decode + JSON.parse of every day file (what any reader must do).
 * Connector: slackConnector.read() over the same tree, every event consumed. Best of N rounds each.
 */
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { slackConnector } from '../../src/connectors/slack/slack-connector.js';
import { readLayout } from '../../src/connectors/slack/slack-layout.js';
import { decodeUtf8, openDirTree, openZipTree, type Tree } from '../../src/connectors/tree.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '3' } },
});
const input = positionals[0];
if (input === undefined) throw new Error('usage: bench-connector.ts DIR_OR_ZIP [--rounds 3]');
const rounds = Number(values.rounds);
const open = (): Promise<Tree> =>
  statSync(input).isDirectory()
    ? openDirTree(input)
    : openZipTree(input, { maxTotalBytes: 64 * 1024 ** 3, maxRatio: 1000 });

/** CPU seconds (user + system, all threads) since `since`: less disturbed than wall time on a busy machine. */
const cpuSince = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

async function bareParse(): Promise<{ seconds: number; cpu: number; messages: number; bytes: number }> {
  const tree = await open();
  const layout = readLayout(tree.list());
  const cpu = process.cpuUsage();
  const started = performance.now();
  let messages = 0;
  let bytes = 0;
  for (const conversation of layout?.conversations ?? []) {
    for (const entry of conversation.dayFiles) {
      const buffer = await tree.read(entry);
      bytes += buffer.length;
      messages += (JSON.parse(decodeUtf8(buffer, entry)) as unknown[]).length;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuSince(cpu);
  await tree.close();
  return { seconds, cpu: cpuSeconds, messages, bytes };
}

async function connector(): Promise<{
  seconds: number;
  cpu: number;
  events: number;
  posted: number;
  problems: number;
}> {
  const tree = await open();
  const cpu = process.cpuUsage();
  const started = performance.now();
  let events = 0;
  let posted = 0;
  let problems = 0;
  const options = { now: new Date('2026-01-01T00:00:00Z'), calendarPastDays: 0, calendarFutureDays: 0 };
  for await (const item of slackConnector.read(
    { format: 'slack-export', path: input, container: 'tree', tree },
    options,
  )) {
    if (item.kind === 'problem') {
      problems++;
      continue;
    }
    events += item.events.length;
    for (const event of item.events) if (event.type === 'message.posted') posted++;
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuSeconds = cpuSince(cpu);
  await tree.close();
  return { seconds, cpu: cpuSeconds, events, posted, problems };
}

let bestBare: Awaited<ReturnType<typeof bareParse>> | undefined;
let bestConnector: Awaited<ReturnType<typeof connector>> | undefined;
let bestBareCpu = Infinity;
let bestConnectorCpu = Infinity;
for (let round = 0; round < rounds; round++) {
  const bare = await bareParse();
  const mapped = await connector();
  if (bestBare === undefined || bare.seconds < bestBare.seconds) bestBare = bare;
  if (bestConnector === undefined || mapped.seconds < bestConnector.seconds) bestConnector = mapped;
  bestBareCpu = Math.min(bestBareCpu, bare.cpu);
  bestConnectorCpu = Math.min(bestConnectorCpu, mapped.cpu);
  process.stdout.write(
    `round ${round + 1}: bare ${bare.seconds.toFixed(2)} s wall / ${bare.cpu.toFixed(2)} s CPU, connector ${mapped.seconds.toFixed(2)} s wall / ${mapped.cpu.toFixed(2)} s CPU\n`,
  );
}
if (bestBare === undefined || bestConnector === undefined) throw new Error('no rounds run');
const bareRate = bestBare.messages / bestBare.seconds;
const connectorRate = bestConnector.posted / bestConnector.seconds;
process.stdout.write(
  `bare read+decode+JSON.parse: ${bestBare.messages} messages, ${(bestBare.bytes / 1024 ** 2).toFixed(1)} MiB in ${bestBare.seconds.toFixed(2)} s = ${Math.round(bareRate)} messages/s (${(bestBare.bytes / 1024 ** 2 / bestBare.seconds).toFixed(0)} MiB/s)\n` +
    `connector: ${bestConnector.posted} messages posted, ${bestConnector.events} events, ${bestConnector.problems} problems in ${bestConnector.seconds.toFixed(2)} s = ${Math.round(connectorRate)} messages/s\n` +
    `ratio connector / bare (wall, best of ${rounds}): ${(connectorRate / bareRate).toFixed(2)}\n` +
    `ratio connector / bare (CPU, best of ${rounds}): ${(bestBareCpu / bestConnectorCpu).toFixed(2)} (${bestBareCpu.toFixed(2)} s vs ${bestConnectorCpu.toFixed(2)} s)\n`,
);
