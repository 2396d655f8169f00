#!/usr/bin/env node
// `npm run demo`: ingest the bundled sample workspace into a fresh demo home and show it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const workspace = join(root, 'fixtures', 'workspace');
const home = join(root, '.outro-demo');
rmSync(home, { recursive: true, force: true });

const truthFile = join(workspace, 'truth.json');
const truth = existsSync(truthFile) ? JSON.parse(readFileSync(truthFile, 'utf8')) : {};
const env = {
  ...process.env,
  OUTRO_HOME: home,
  OUTRO_CONFIG: join(workspace, 'outro.yaml'),
  ...(truth.now ? { OUTRO_NOW: truth.now } : {}),
};

function outro(...args) {
  console.log(`\n$ outro ${args.map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ')}`);
  const result = spawnSync(process.execPath, [join(root, 'bin', 'outro'), ...args], {
    env,
    stdio: 'inherit',
  });
  // 3 = partial success (some input skipped): still worth showing the rest.
  if (result.status !== 0 && result.status !== 3) process.exit(result.status ?? 1);
}

console.log(`Demo home: ${home} (removed and rebuilt on every run)`);
// The exports only: story/, truth.json and outro.yaml beside them are the generator's sources and labels.
outro('ingest', ...['slack', 'discord', 'teams', 'calendar.ics'].map((path) => join(workspace, path)));
outro('status');
outro('brief', '--since', '7d');
outro('ask', 'who owns billing');
outro('ask', 'what did we decide about search');
outro('digest', '--dir', join(home, 'digests'));
