import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Event payloads are typed by the catalogue (src/domain/events.ts: EVENT_SCHEMAS, TypedEvent,
 * parseEvent, EventLog.readTyped): reading an event gives its payload's type, so no source file
 * casts a payload (`event.payload as X`, `JSON.parse(row.payload) as X`). Tests may still build
 * deliberately broken fixtures with casts.
 */
const SRC = resolve('src');
const CAST = /\bpayload\)?\s+as\s+(?!const\b)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('event payloads', () => {
  it('recognises a payload cast', () => {
    expect(CAST.test('const message = event.payload as MessagePosted;')).toBe(true);
    expect(CAST.test('const p = JSON.parse(row.payload) as PersonUpdated;')).toBe(true);
    expect(CAST.test('const payload = event.payload;')).toBe(false);
    expect(CAST.test("const TYPES = ['payload'] as const;")).toBe(false);
  });

  it('are never cast in source files (the typed event catalogue gives their types)', () => {
    const files = sourceFiles(SRC);
    expect(files.length).toBeGreaterThan(50);
    const casts = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, index) =>
          CAST.test(line) ? [`${relative(SRC, file)}:${index + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(casts).toEqual([]);
  });
});
