import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAskRows } from './ask-rows.js';

function fileWith(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'outro-ask-rows-')), 'ask.json');
  writeFileSync(file, content);
  return file;
}

describe('loadAskRows', () => {
  it('reads rows in the truth ask format, extra fields kept', () => {
    const rows = loadAskRows(
      fileWith(
        JSON.stringify([
          { q: 'who owns billing', as_of: '2026-11-20', answer_contains_any: ['marco'], why: 'said so' },
          { q: 'what is the wifi password', as_of: '2026-11-20', answer_unknown: true },
        ]),
      ),
    );
    expect(rows.map((row) => row.q)).toEqual(['who owns billing', 'what is the wifi password']);
    expect(rows[0].answer_contains_any).toEqual(['marco']);
    expect(rows[1].answer_unknown).toBe(true);
  });

  it('names the file and the missing field when a row has no as_of', () => {
    expect(() => loadAskRows(fileWith(JSON.stringify([{ q: 'who owns billing' }])))).toThrow(
      /ask\.json is not a list of ask rows \(0\.as_of/,
    );
  });

  it('says a file that is not JSON could not be read', () => {
    expect(() => loadAskRows(fileWith('{not json'))).toThrow(/could not be read as JSON/);
  });

  it('reads the committed ask probe sets', () => {
    for (const name of ['ask-holdout-tuning', 'ask-workspace-tuning', 'ask-holdout-heldout']) {
      const file = new URL(`../../../fixtures/probes/${name}.json`, import.meta.url);
      const rows = loadAskRows(file.pathname);
      expect(rows.length).toBe((JSON.parse(readFileSync(file, 'utf8')) as unknown[]).length);
      expect(rows.length).toBeGreaterThanOrEqual(40);
    }
  });
});
