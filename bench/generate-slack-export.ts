/**
 * Writes a deterministic, realistic Slack workspace export for benchmarks and tests:
 *
 *   npx tsx bench/generate-slack-export.ts --messages 1000000 --out /tmp/slack-1m [--channels 20] [--users 200] [--seed 1] [--days N] [--zip] [--force]
 *
 * users.json, channels.json, groups.json, dms.json, mpims.json and one YYYY-MM-DD.json per
 * conversation and day, with threads (~30% replies), mentions, edits, reactions, joins, bots,
 * file shares, huddles, links and entities. `--zip` writes OUT (or OUT.zip) instead of a folder.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateSlackExport } from './slack-gen/generate.js';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

function positiveInt(value: string | undefined, flag: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback === undefined) fail(`--${flag} is required`);
    return fallback;
  }
  const number = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(number) || number < 1) fail(`--${flag} must be a positive integer, got ${value}`);
  return number;
}

const { values } = parseArgs({
  options: {
    messages: { type: 'string' },
    out: { type: 'string' },
    channels: { type: 'string' },
    users: { type: 'string' },
    seed: { type: 'string' },
    days: { type: 'string' },
    zip: { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
  },
});

if (values.out === undefined) fail('--out DIR is required');
const zip = values.zip === true;
const out = zip && !values.out.endsWith('.zip') ? `${values.out}.zip` : values.out;
if (existsSync(out) && (zip || readdirSync(out).length > 0)) {
  if (values.force !== true) fail(`${out} exists; choose a new path or pass --force to replace it`);
  rmSync(out, { recursive: true, force: true });
}
const summary = await generateSlackExport({
  messages: positiveInt(values.messages, 'messages'),
  out,
  channels: positiveInt(values.channels, 'channels', 20),
  users: positiveInt(values.users, 'users', 200),
  seed: positiveInt(values.seed, 'seed', 1),
  days: values.days === undefined ? undefined : positiveInt(values.days, 'days'),
  zip,
});
const mib = (summary.bytes / 1024 ** 2).toFixed(1);
process.stdout.write(
  `wrote ${summary.path}: ${summary.files} files, ${summary.messages} messages (${summary.replies} thread replies, ${((100 * summary.replies) / summary.messages).toFixed(1)}%) over ${summary.days} days, ` +
    `${summary.bytes} bytes (${mib} MiB) in ${summary.seconds.toFixed(2)} s (${Math.round(summary.messages / summary.seconds)} messages/s)\n`,
);
