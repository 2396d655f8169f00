import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CsvFile } from './csv-file.js';

describe('CsvFile', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'outro-csv-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes every row whole, across its buffer, in UTF-8, quoting only what must be', () => {
    const csv = new CsvFile(join(dir, 'rows.csv'));
    const long = 'ü'.repeat(70_000); // over the 64 KB buffer by itself, two bytes a character
    const expected: string[] = [];
    for (let index = 0; index < 5_000; index++) {
      csv.write([`k${index}`, index, index % 2 === 0, null, 'café 🚀', 'a,"b"']);
      expected.push(`k${index},${index},${index % 2 === 0},,café 🚀,"a,""b"""`);
      if (index === 2_500) {
        csv.write([long, 'line\nbreak']);
        expected.push(`${long},"line\nbreak"`);
      }
    }
    csv.close();
    expect(csv.rows).toBe(5_001);
    expect(csv.hasNewlines).toBe(true);
    expect(readFileSync(join(dir, 'rows.csv'), 'utf8')).toBe(`${expected.join('\n')}\n`);
  });
});
