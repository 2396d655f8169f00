/**
 * Ingest benchmark: generates (or reuses) a synthetic Slack export, measures the floor — reading
 * and JSON.parse of the same files — then a full `outro ingest` into a fresh store, and prints
 * messages/s, the ratio to the floor, and peak RSS.
 *
 *   npx tsx bench/ingest.ts [--messages 200000] [--dir EXISTING_EXPORT] [--zip] [--keep]
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ingestPaths } from '../src/app/ingest.js';
import { openStore } from '../src/app/store.js';
import { slackConnector } from '../src/connectors/slack/slack-connector.js';
import { generateSlackExport } from './slack-gen/generate.js';

const { values } = parseArgs({
  options: {
    messages: { type: 'string', default: '200000' },
    dir: { type: 'string' },
    zip: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

const work = mkdtempSync(join(tmpdir(), 'outro-bench-ingest-'));
let exportPath = values.dir;
let messages = Number(values.messages);
if (!exportPath) {
  exportPath = join(work, values.zip ? 'export.zip' : 'export');
  const generated = await generateSlackExport({
    messages,
    out: exportPath,
    channels: 20,
    users: 200,
    seed: 1,
    zip: values.zip,
  });
  console.log(
    `generated ${generated.messages.toLocaleString()} messages in ${generated.files} files (${(generated.bytes / 1024 ** 2).toFixed(0)} MiB) in ${generated.seconds.toFixed(1)} s`,
  );
  messages = generated.messages;
}

function jsonFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(dir, name));
}

let floorSeconds = Number.NaN;
if (statSync(exportPath).isDirectory()) {
  const started = performance.now();
  let parsed = 0;
  for (const file of jsonFiles(exportPath)) {
    const value = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (Array.isArray(value)) parsed += value.length;
  }
  floorSeconds = (performance.now() - started) / 1000;
  console.log(
    `floor: read + JSON.parse of every file: ${floorSeconds.toFixed(2)} s (${Math.round(messages / floorSeconds).toLocaleString()} messages/s, ${parsed.toLocaleString()} records)`,
  );
}

const store = openStore(join(work, 'home', 'outro.db'));
const started = performance.now();
const summary = await ingestPaths(store, [exportPath], {
  connectors: [slackConnector],
  connectorOptions: { now: new Date('2026-11-24T00:00:00Z'), calendarPastDays: 30, calendarFutureDays: 90 },
});
const seconds = (performance.now() - started) / 1000;
const rate = messages / seconds;
const peakRssMiB = process.resourceUsage().maxRSS / 1024;
console.log(
  `ingest: ${summary.files.toLocaleString()} files, ${summary.events.toLocaleString()} events, ${summary.appended.toLocaleString()} appended in ${seconds.toFixed(2)} s`,
);
console.log(
  `        ${Math.round(rate).toLocaleString()} messages/s; ratio to the parse floor ${Number.isNaN(floorSeconds) ? 'n/a (zip)' : (floorSeconds / seconds).toFixed(2)}; peak RSS ${peakRssMiB.toFixed(0)} MiB`,
);

const again = performance.now();
const second = await ingestPaths(store, [exportPath], {
  connectors: [slackConnector],
  connectorOptions: { now: new Date('2026-11-24T00:00:00Z'), calendarPastDays: 30, calendarFutureDays: 90 },
});
console.log(
  `re-ingest of the same export: ${second.appended} appended in ${((performance.now() - again) / 1000).toFixed(2)} s`,
);
store.close();
if (!values.keep) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);
