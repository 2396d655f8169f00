import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * docs/ARCHITECTURE.md "Layers": only memory/ touches storage. Outside src/memory/, no source file imports
 * better-sqlite3 or kuzu, reaches into memory/**\/kuzu/** (the graph is opened through
 * memory/graph/open-graph.ts), or runs SQL (`.prepare(`, `db.exec(`); each store is an interface
 * or a function in memory/.
 */
const SRC = resolve('src');
const STORAGE_PACKAGES = ['better-sqlite3', 'kuzu'];
const SQL = /\.prepare\(|\bdb\.exec\(/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

function imports(text: string): string[] {
  return [
    ...text.matchAll(
      /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g,
    ),
  ].map((match) => match[1] ?? match[2] ?? match[3]);
}

const layerOf = (file: string): string => relative(SRC, file).split(sep)[0];

describe('storage boundary', () => {
  const files = sourceFiles(SRC).filter((file) => layerOf(file) !== 'memory');

  it('finds the source files it checks', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('reads the imports it checks', () => {
    const text = [
      "import type { Statement } from 'better-sqlite3';",
      "const k = await import('../memory/graph/kuzu/shared-graph.js');",
      "import 'kuzu';",
    ].join('\n');
    expect(imports(text)).toEqual(['better-sqlite3', '../memory/graph/kuzu/shared-graph.js', 'kuzu']);
  });

  it('keeps better-sqlite3, kuzu and memory/**/kuzu/** out of every layer but memory/', () => {
    const violations: string[] = [];
    for (const file of files) {
      for (const spec of imports(readFileSync(file, 'utf8'))) {
        const isPackage = STORAGE_PACKAGES.some((name) => spec === name || spec.startsWith(`${name}/`));
        const target = spec.startsWith('.') ? relative(SRC, resolve(dirname(file), spec)) : '';
        const isKuzuModule = target.startsWith(`memory${sep}`) && target.split(sep).includes('kuzu');
        if (isPackage || isKuzuModule) violations.push(`${relative(SRC, file)} imports ${spec}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('runs SQL only in memory/', () => {
    const violations = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          SQL.test(line) ? [`${relative(SRC, file)}:${index + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(violations).toEqual([]);
  });
});
