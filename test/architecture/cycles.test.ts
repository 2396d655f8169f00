import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * No import cycles in src/: every relative import counts — static, dynamic (`import('…')`),
 * re-exports and type-only imports alike, since a type-only circle is still two files that cannot
 * be understood apart. Tests are left out (they import what they test).
 */
const SRC = resolve('src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')
      ? [full]
      : [];
  });
}

/** Relative specifiers this file imports or re-exports, statically or dynamically, types included. */
function importSpecifiers(source: string): string[] {
  const pattern =
    /(?:^|[\n;])\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|(?:^|[\n;])\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [...source.matchAll(pattern)]
    .map((match) => match[1] ?? match[2] ?? match[3])
    .filter((spec) => spec.startsWith('.'));
}

/** The file a relative specifier names (`./x.js` is `./x.ts` or `./x.tsx` in the sources), or undefined. */
function target(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const candidate of [
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.js$/, '.tsx'),
    base,
    `${base}.ts`,
    join(base, 'index.ts'),
  ]) {
    if (candidate.startsWith(SRC + sep) && existsSync(candidate) && /\.tsx?$/.test(candidate))
      return candidate;
  }
  return undefined;
}

/** The cycles a depth-first walk meets (at least one through every circle of files), each listed once, from its smallest file. */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles = new Map<string, string[]>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        const start = cycle.indexOf([...cycle].sort()[0]);
        const canonical = [...cycle.slice(start), ...cycle.slice(0, start)];
        cycles.set(canonical.join(' → '), canonical);
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return [...cycles.values()];
}

describe('import cycles in src/', () => {
  it('reads static, type-only, dynamic and re-export imports', () => {
    const source = [
      "import type { A } from './a.js';",
      "import { b } from './b.js';",
      "export { c } from './c.js';",
      "import './d.js';",
      "const e = await import('./e.js');",
      "import x from 'x';",
    ].join('\n');
    expect(importSpecifiers(source)).toEqual(['./a.js', './b.js', './c.js', './d.js', './e.js']);
  });

  it('finds a cycle and names its files in order', () => {
    const graph = new Map([
      ['b', ['c']],
      ['c', ['a']],
      ['a', ['b', 'd']],
      ['d', []],
    ]);
    expect(findCycles(graph)).toEqual([['a', 'b', 'c']]);
  });

  it('has none', () => {
    const graph = new Map<string, string[]>();
    for (const file of sourceFiles(SRC)) {
      const targets = importSpecifiers(readFileSync(file, 'utf8'))
        .map((spec) => target(file, spec))
        .filter((found): found is string => found !== undefined && found !== file);
      graph.set(relative(SRC, file), [...new Set(targets.map((found) => relative(SRC, found)))]);
    }
    expect(graph.size).toBeGreaterThan(100);
    const cycles = findCycles(graph).map((cycle) => [...cycle, cycle[0]].join(' → '));
    expect(cycles).toEqual([]);
  });
});
