import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * A test worker that a test starts many times as a child process (the crash worker: some sixty
 * SIGKILLed starts a run), compiled once by the test instead of by `node --import tsx` at each
 * start (about 1 s of CPU each). The entry and the sources it reaches are transpiled as tsx does,
 * fresh each time, into dist/.test-workers/ (so packages resolve from the repository's node_modules).
 */
const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'dist', '.test-workers');

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)'(\.{1,2}\/[^']+)'/g;

function resolveImport(from: string, specifier: string): string | undefined {
  const target = resolve(dirname(from), specifier);
  for (const candidate of [target.replace(/\.js$/, '.ts'), target.replace(/\.js$/, '.tsx'), target])
    if (existsSync(candidate)) return candidate;
  return undefined;
}

/** Compiles `entry` (relative to the repository root) and what it imports; the compiled entry, to run with plain node. */
export function compileWorker(entry: string): string {
  const todo = [join(ROOT, entry)];
  const seen = new Set<string>();
  for (let file = todo.pop(); file !== undefined; file = todo.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const out = join(OUT, relative(ROOT, file));
    mkdirSync(dirname(out), { recursive: true });
    if (!/\.tsx?$/.test(file)) {
      copyFileSync(file, out);
      continue;
    }
    const source = readFileSync(file, 'utf8');
    const { outputText } = ts.transpileModule(source, {
      fileName: file,
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        jsx: ts.JsxEmit.ReactJSX,
        esModuleInterop: true,
      },
    });
    writeFileSync(out.replace(/\.tsx?$/, '.js'), outputText);
    for (const match of source.matchAll(SPECIFIER)) {
      // Unresolved: a path in a comment or string; a real import fails loudly when the worker starts.
      const target = resolveImport(file, match[1]);
      if (target !== undefined) todo.push(target);
    }
  }
  return join(OUT, entry.replace(/\.tsx?$/, '.js'));
}
