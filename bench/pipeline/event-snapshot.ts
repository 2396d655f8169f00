/**
 * Writes every event of a store — id, type, stream, times, causation, payload; not seq or
 * recorded_at — as JSON lines in log order, and prints two hashes: of the lines in log order and
 * of the lines sorted. Two runs that append the same events print the same sorted hash; the
 * same events in the same order print the same ordered hash. For checking that a speed-up
 * changed no event:
 *
 *   npx tsx bench/pipeline/event-snapshot.ts --out DIR  fixtures/workspace  path/to/outro.db …
 *
 * A folder is ingested and drained first: an evaluation workspace (truth.json with a period) as
 * `npm run eval:workspace` does, any other folder into a fresh store with its outro.yaml and a
 * fixed clock.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { makeAppContext } from '../../src/app/app-context.js';
import { ConfigSchema, loadConfig } from '../../src/app/config.js';
import { ingestAndDrain } from '../../src/app/ingest-and-drain.js';
import { resolvePaths } from '../../src/app/paths.js';
import { openStore, type Store } from '../../src/app/store.js';
import { evaluateWorkspace, workspaceExports } from '../../src/app/workspace-eval.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { out: { type: 'string' } },
});

export function eventLines(store: Store): string[] {
  const lines: string[] = [];
  for (const event of store.log.iterate())
    lines.push(
      JSON.stringify([
        event.id,
        event.type,
        event.stream,
        event.occurredAt,
        event.causationId,
        event.schemaVersion,
        event.payload,
      ]),
    );
  return lines;
}

const sha = (lines: readonly string[]): string =>
  createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);

function report(name: string, lines: string[]): void {
  const ordered = sha(lines);
  const sorted = sha([...lines].sort());
  console.log(`${name}: ${lines.length} events, ordered ${ordered}, sorted ${sorted}`);
  if (values.out) {
    mkdirSync(values.out, { recursive: true });
    writeFileSync(join(values.out, `${name}.jsonl`), `${lines.join('\n')}\n`);
  }
}

/** Ingests a folder of exports (its outro.yaml, if any) into a temporary store and drains the agents. */
async function ingestFolder(dir: string): Promise<string[]> {
  const home = mkdtempSync(join(tmpdir(), 'outro-snapshot-'));
  const ctx = makeAppContext({
    env: {},
    paths: { ...resolvePaths({ OUTRO_HOME: home }), configFile: join(dir, 'outro.yaml') },
    now: '2026-11-24T00:00:00.000Z',
    loadConfig: (file) => (existsSync(file) ? loadConfig(file) : ConfigSchema.parse({ timezone: 'UTC' })),
    openStore,
  });
  try {
    const result = await ingestAndDrain(
      ctx,
      { inputs: workspaceExports(dir).map((path) => ({ path, shown: path })), agents: true },
      { worker: 'never', traced: false },
    );
    if (result.agentsFailed) throw new Error(`agents failed on ${dir}: ${result.agentsFailed.message}`);
    return eventLines(ctx.store());
  } finally {
    ctx.close();
    rmSync(home, { recursive: true, force: true });
  }
}

const isEvalWorkspace = (dir: string): boolean =>
  existsSync(join(dir, 'truth.json')) &&
  'period' in (JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as object);

for (const input of positionals) {
  const name = basename(input).replace(/\.db$/, '');
  if (isEvalWorkspace(input)) {
    await evaluateWorkspace(input, { keepStore: async (store) => report(name, eventLines(store)) });
  } else if (!input.endsWith('.db')) {
    report(name, await ingestFolder(input));
  } else {
    const store = openStore(input);
    try {
      report(name, eventLines(store));
    } finally {
      store.close();
    }
  }
}
