import { cpSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';

import { MUTATIONS, mutate, type Mutation } from './mutate.js';
import { random } from './random.js';

/**
 * One fuzz case, named by its seed: which fixture export (fixtures/workspace or fixtures/holdout),
 * which file in it, which mutation. `write` lays the mutated export out in a folder for `outro ingest`:
 * a Slack export as a folder (its top-level lists and the channel of the mutated file), a Teams
 * folder whole, a Discord file or a calendar alone.
 */
export interface FuzzCase {
  seed: number;
  fixture: 'workspace' | 'holdout';
  source: 'slack' | 'discord' | 'teams' | 'ics';
  /** The mutated file, relative to fixtures/. */
  file: string;
  mutation: Mutation;
  detail: string;
  /** Where the input lies, once written (a folder or a file): what `outro ingest` is given. */
  input: string;
}

const SOURCES = ['slack', 'discord', 'teams', 'ics'] as const;

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}

function exportsOf(fixtures: string, fixture: string, source: (typeof SOURCES)[number]): string[] {
  const root = join(fixtures, fixture);
  if (source === 'ics') return [join(root, 'calendar.ics')];
  try {
    return files(join(root, source));
  } catch {
    return [];
  }
}

/** Builds case `seed` and writes its input under `into`. */
export function writeCase(fixtures: string, seed: number, into: string): FuzzCase {
  const rng = random(seed);
  const fixture = rng.pick(['workspace', 'holdout'] as const);
  const sources = SOURCES.filter((source) => exportsOf(fixtures, fixture, source).length > 0);
  const source = rng.pick(sources);
  const candidates = exportsOf(fixtures, fixture, source);
  const target = rng.pick(candidates);
  const mutation = rng.pick(MUTATIONS);
  // swap-files: another file of this export (Slack's users.json for a day file) or of another source.
  const others = [
    ...candidates.filter((path) => path !== target),
    ...SOURCES.filter((other) => other !== source).flatMap((other) => exportsOf(fixtures, fixture, other)),
  ];
  const other = readFileSync(rng.pick(others));
  const original = readFileSync(target);
  const mutated = mutate(original, target.endsWith('.ics'), mutation, rng, other);

  mkdirSync(into, { recursive: true });
  let input: string;
  if (source === 'slack') {
    const root = join(fixtures, fixture, 'slack');
    input = join(into, 'slack');
    const channels = readdirSync(root).filter((name) => statSync(join(root, name)).isDirectory());
    const channel = relative(root, target).includes('/')
      ? relative(root, target).split('/')[0]
      : rng.pick(channels);
    for (const name of readdirSync(root)) {
      if (name.endsWith('.json')) cpSync(join(root, name), join(input, name));
    }
    cpSync(join(root, channel), join(input, channel), { recursive: true });
    const at = join(input, relative(root, target));
    mkdirSync(dirname(at), { recursive: true });
    writeFileSync(at, mutated.bytes);
  } else if (source === 'teams') {
    input = join(into, 'teams');
    cpSync(join(fixtures, fixture, 'teams'), input, { recursive: true });
    writeFileSync(join(input, basename(target)), mutated.bytes);
  } else {
    input = join(into, basename(target));
    writeFileSync(input, mutated.bytes);
  }
  return {
    seed,
    fixture,
    source,
    file: relative(fixtures, target),
    mutation,
    detail: mutated.detail,
    input,
  };
}
