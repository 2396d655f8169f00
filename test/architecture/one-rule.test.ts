import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * STYLE.md "To avoid: the same rule written twice". Each rule below had several copies that
 * drifted until two commands disagreed about the same data; this fails when a copy comes back.
 * It reads the source of src/, scripts/ and bench/ (tests and their helpers left out).
 */
const ROOT = resolve('.');

function sources(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory())
      return ['node_modules', 'test-support', 'testing'].includes(entry.name) ? [] : sources(full);
    return /\.(ts|tsx|mjs)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const FILES = ['src', 'scripts', 'bench']
  .flatMap((dir) => sources(join(ROOT, dir)))
  .map((file) => ({ path: relative(ROOT, file).split(sep).join('/'), text: readFileSync(file, 'utf8') }));

/** The files whose text matches, by repo-relative path. */
const where = (pattern: RegExp): string[] =>
  FILES.filter((file) => pattern.test(file.text))
    .map((file) => file.path)
    .sort();

describe('one rule, one place', () => {
  it('finds the files it checks', () => {
    expect(FILES.length).toBeGreaterThan(100);
  });

  it('groups identities into humans in pipeline/resolve/people.ts only, and reads them through one directory', () => {
    // A union-find over person.linked events is a second grouping rule.
    expect(where(/PersonLinked[\s\S]*parent\.set\(/)).toEqual(['src/pipeline/resolve/people.ts']);
    expect(where(/function groupHumans\b/)).toEqual(['src/pipeline/resolve/people.ts']);
    // Read models do not read person.linked themselves: they use the directory built on groupHumans.
    expect(where(/\bPersonLinked\b/).filter((path) => /^src\/(answers|cli|app|daemon)\//.test(path))).toEqual(
      ['src/answers/people/people-directory.ts'],
    );
    expect(
      FILES.filter((file) => /people-directory\.ts$|brief-people\.ts$/.test(file.path)).map(
        (file) => file.path,
      ),
    ).toEqual(['src/answers/people/people-directory.ts']);
  });

  it('does time-zone arithmetic in domain/time-zones.ts only', () => {
    // hour12: false lets Intl pick h24 (00:30 printed as 24:30); the shared formatter uses hourCycle h23.
    expect(where(/hour12:\s*false/)).toEqual([]);
    expect(where(/new Intl\.DateTimeFormat\(\s*'[^']*',\s*\{/)).toEqual(['src/domain/time-zones.ts']);
    expect(where(/resolvedOptions\(\)\.timeZone|getTimezoneOffset\(/)).toEqual(['src/domain/time-zones.ts']);
  });

  it('computes exponential backoff in domain/backoff.ts only', () => {
    expect(
      where(/\*\*\s*(?:Math\.max\(\s*0\s*,\s*)?\(?\s*(?:attempts?|retry|retries)\b|Math\.pow\(\s*2/),
    ).toEqual(['src/domain/backoff.ts']);
  });

  it('keeps one module of JSON value helpers for the connectors', () => {
    expect(FILES.filter((file) => file.path.endsWith('/json-values.ts')).map((file) => file.path)).toEqual([
      'src/connectors/json-values.ts',
    ]);
    expect(where(/function isRecord\(/)).toEqual(['src/connectors/json-values.ts']);
  });

  it('decides whether a meeting is cancelled in domain/meeting-status.ts only', () => {
    expect(where(/toUpperCase\(\)\s*[!=]==\s*'CANCELLED'/)).toEqual(['src/domain/meeting-status.ts']);
  });
});
