import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Every `outro` invocation loads main.ts and, through it, what it imports statically. Command
// implementations load inside their actions (`await import(…)`), so startup stays small: this
// walks the static (value) imports from the entry point and checks none reaches the heavy parts.

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Specifiers of static value imports and re-exports (not `import type`, not `import()`). */
function staticImports(source: string): string[] {
  const found: string[] = [];
  const pattern = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*'([^']+)'|^\s*import\s+'([^']+)'/gm;
  for (const match of source.matchAll(pattern)) {
    if (match[5]) {
      found.push(match[5]);
      continue;
    }
    if (match[2]) continue; // import type / export type
    const clause = match[3];
    // `import { type A, type B } from` is erased too.
    const braces = /^\{([^}]*)\}$/.exec(clause.trim());
    if (braces && braces[1].split(',').every((name) => name.trim() === '' || name.trim().startsWith('type ')))
      continue;
    found.push(match[4]);
  }
  return found;
}

/** src-relative paths of the files reached from `entry`, and the packages they import. */
function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop() as string;
    const key = relative(SRC, file);
    if (files.has(key)) continue;
    files.add(key);
    for (const specifier of staticImports(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('node:')) continue;
      if (!specifier.startsWith('.')) {
        packages.add(
          specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0],
        );
        continue;
      }
      const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'));
      if (existsSync(target)) todo.push(target);
      else if (existsSync(target.replace(/\.ts$/, '.tsx'))) todo.push(target.replace(/\.ts$/, '.tsx'));
    }
  }
  return { files, packages };
}

describe('CLI startup imports', () => {
  it('reads static, type-only and brace-type imports apart', () => {
    const source = [
      "import type { A } from './a.js';",
      "import { type B, type C } from './b.js';",
      "import { d, type E } from './d.js';",
      "import f from 'f';",
      "export { g } from './g.js';",
      "import './side-effect.js';",
      "const lazy = await import('./lazy.js');",
    ].join('\n');
    expect(staticImports(source)).toEqual(['./d.js', 'f', './g.js', './side-effect.js']);
  });

  it('main.ts and the program load no use case, pipeline, connector, agent, memory, store or config code before a command runs', async () => {
    const { files, packages } = reach(join(SRC, 'cli', 'main.ts'));
    expect(files.has(join('cli', 'program.ts'))).toBe(false); // loaded when main() runs, not when bin/outro imports it
    // The program loads the command a run names (all of them for help): walk each command module too.
    const { commandsFor } = await import('./program.js');
    const commands = commandsFor([]).map((name) => join(SRC, 'cli', 'commands', `${name}.ts`));
    for (const entry of [join(SRC, 'cli', 'program.ts'), ...commands]) {
      const walked = reach(entry);
      for (const file of walked.files) files.add(file);
      for (const name of walked.packages) packages.add(name);
    }
    // Below cli/, only these small modules load at startup: types' helpers, paths, renderers' pure helpers.
    const light = new Set(
      [
        'app/app-context.ts',
        'app/paths.ts',
        'app/privacy-lines.ts',
        'app/conversation-where.ts',
        'app/describe-drain.ts',
        'app/run-statuses.ts',
        'daemon/daemon-paths.ts',
        'answers/brief/schedule-units.ts',
        'runtime/heap-growth.ts', // node:v8 alone: sets V8's heap growth before any work
      ].map((file) => join(...file.split('/'))),
    );
    const heavy = [...files].filter(
      (file) =>
        /^(pipeline|connectors|agents|memory|llm|runtime|eval|observability|answers|app|daemon)\//.test(
          file,
        ) && !light.has(file),
    );
    expect(heavy).toEqual([]);
    expect([...packages].sort()).toEqual(['commander']);
    expect(files.has(join('cli', 'commands', 'ask.ts'))).toBe(true); // the walk does reach the commands
  });

  it('the program loads only the command a run names first; help, completion and the rest load all', async () => {
    const { commandsFor } = await import('./program.js');
    expect(commandsFor(['ask', 'who owns billing'])).toEqual(['ask']);
    expect(commandsFor(['search', '--json', 'x'])).toEqual(['search']);
    const all = commandsFor([]);
    expect(all.length).toBeGreaterThan(20);
    expect(all.slice(0, 3)).toEqual(['init', 'ingest', 'status']); // help lists them in this order
    for (const argv of [
      ['--help'],
      ['help', 'ask'],
      ['completion', 'bash'],
      ['--config', 'x.yaml', 'ask'],
      ['asks'],
    ])
      expect(commandsFor(argv)).toEqual(all);
  });

  it('`outro mcp` (cli/mcp/main.ts) loads neither the MCP SDK nor zod nor app code before it answers initialize', () => {
    const { files, packages } = reach(join(SRC, 'cli', 'mcp', 'main.ts'));
    expect([...packages]).toEqual([]);
    expect(files.has(join('cli', 'mcp', 'serve.ts'))).toBe(false);
    const heavy = [...files].filter(
      (file) =>
        /^(pipeline|agents|memory|llm|runtime|eval|observability|answers|daemon)\//.test(file) ||
        (/^app\//.test(file) &&
          !['app/app-context.ts', 'app/paths.ts'].includes(file.split(/[\\/]/).join('/'))),
    );
    expect(heavy).toEqual([]);
    expect(files.has(join('cli', 'mcp', 'stdio-lines.ts'))).toBe(true); // the walk does reach it
  });

  it('a cold `ask` the search index answers (what call.ts, app/ask.ts and the command load for it) reaches no zod', () => {
    const loaded = [
      'cli/call.ts',
      'cli/commands/ask.ts',
      'app/operations.ts',
      'app/config-cache.ts',
      'app/store-database.ts',
      'app/ask.ts',
      'answers/ask/ask-by-retrieval.ts',
      'answers/ask/open-index-sources.ts',
      'answers/ask/render-answer.ts',
      'answers/channel-names.ts',
      'answers/people/people-directory.ts',
      'memory/people-queries.ts',
    ];
    const packages = new Set<string>();
    const files = new Set<string>();
    for (const file of loaded) {
      const walked = reach(join(SRC, ...file.split('/')));
      for (const name of walked.packages) packages.add(name);
      for (const name of walked.files) files.add(name);
    }
    expect([...packages].sort()).toEqual(['better-sqlite3']);
    expect(files.has(join('domain', 'events.ts'))).toBe(false);
    expect(files.has(join('app', 'store.ts'))).toBe(false);
  });
});
