import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, dirname, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layer table of docs/ARCHITECTURE.md, enforced: each folder under src/ may import only the layers listed.
 * `app/` holds the use cases (ingest, status…) shared by the CLI and the daemon.
 */
const ALLOWED: Record<string, readonly string[]> = {
  domain: [],
  connectors: ['domain'],
  memory: ['domain'],
  observability: ['domain', 'memory'],
  llm: ['domain', 'observability'],
  pipeline: ['domain', 'llm', 'observability'],
  answers: ['domain', 'memory', 'llm', 'observability', 'pipeline'],
  runtime: ['domain', 'memory', 'observability'],
  agents: ['domain', 'memory', 'observability', 'llm', 'pipeline', 'answers', 'runtime'],
  eval: [
    'domain',
    'connectors',
    'memory',
    'observability',
    'llm',
    'pipeline',
    'answers',
    'runtime',
    'agents',
  ],
  app: [
    'domain',
    'connectors',
    'memory',
    'observability',
    'llm',
    'pipeline',
    'answers',
    'runtime',
    'agents',
    'eval',
  ],
  daemon: [
    'domain',
    'connectors',
    'memory',
    'observability',
    'llm',
    'pipeline',
    'answers',
    'runtime',
    'agents',
    'app',
  ],
  cli: [
    'domain',
    'connectors',
    'memory',
    'observability',
    'llm',
    'pipeline',
    'answers',
    'runtime',
    'agents',
    'eval',
    'app',
    'daemon',
  ],
};
const UI_PACKAGES = ['ink', 'react', 'commander', 'ink-testing-library'];
const UI_FREE = Object.keys(ALLOWED).filter((layer) => layer !== 'cli');

const SRC = resolve('src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [
    ...text.matchAll(
      /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((match) => match[1] ?? match[2]);
}

const layerOf = (file: string): string => relative(SRC, file).split(sep)[0];

describe('layer boundaries', () => {
  const files = sourceFiles(SRC).filter(
    (file) =>
      layerOf(file) in ALLOWED &&
      !file.includes(`${sep}test-support${sep}`) &&
      !file.includes(`${sep}testing${sep}`),
  );

  it('finds the source files it checks', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('imports point one way (docs/ARCHITECTURE.md layer table)', () => {
    const violations: string[] = [];
    for (const file of files) {
      const layer = layerOf(file);
      for (const spec of imports(file)) {
        if (!spec.startsWith('.')) continue;
        const target = resolve(dirname(file), spec);
        if (!target.startsWith(SRC + sep)) continue;
        const targetLayer = layerOf(target);
        if (targetLayer !== layer && !ALLOWED[layer].includes(targetLayer))
          violations.push(`${relative(SRC, file)} imports ${spec} (${targetLayer})`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps ink, react and commander out of the core layers', () => {
    const violations: string[] = [];
    for (const file of files.filter((candidate) => UI_FREE.includes(layerOf(candidate)))) {
      for (const spec of imports(file))
        if (UI_PACKAGES.some((name) => spec === name || spec.startsWith(`${name}/`)))
          violations.push(`${relative(SRC, file)} imports ${spec}`);
    }
    expect(violations).toEqual([]);
  });
});
