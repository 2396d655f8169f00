import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVALS_DIR, resolveDatasetFiles } from './dataset-files.js';
import { loadDataset, parseDataset } from './dataset.js';
import { EVAL_TASKS } from './task-registry.js';

const header = JSON.stringify({ kind: 'dataset', name: 'd', version: '1', task: 'ask' });
const row = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id, input: {}, expected: {}, curator: 'me', ...extra });

describe('datasets', () => {
  it('parses a header and rows, with tags defaulting to none', () => {
    const dataset = parseDataset(`${header}\n${row('a', { tags: ['x'] })}\n\n${row('b')}\n`);
    expect(dataset.header).toMatchObject({ name: 'd', task: 'ask', context: {}, description: '' });
    expect(dataset.rows.map((r) => [r.id, r.tags])).toEqual([
      ['a', ['x']],
      ['b', []],
    ]);
  });

  it('names the file and line of every problem', () => {
    expect(() => parseDataset('', 'e.jsonl')).toThrow(/^e\.jsonl:1: the file is empty/);
    expect(() => parseDataset(`${header}\n{oops`, 'e.jsonl')).toThrow(/^e\.jsonl:2: not JSON/);
    expect(() => parseDataset(`${header}\n${JSON.stringify({ id: 'a', input: 1 })}`, 'e.jsonl')).toThrow(
      /^e\.jsonl:2: the row does not validate: .*curator/,
    );
    expect(() => parseDataset(`${header}\n${row('a')}\n${row('a')}`, 'e.jsonl')).toThrow(
      /^e\.jsonl:3: duplicate row id a/,
    );
    expect(() => parseDataset(row('a'), 'e.jsonl')).toThrow(/^e\.jsonl:1: the header does not validate/);
  });

  it('resolves paths and shipped dataset names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'outro-ds-'));
    writeFileSync(join(dir, 'mine.jsonl'), `${header}\n`);
    expect(resolveDatasetFiles(['mine.jsonl'], dir)).toEqual([join(dir, 'mine.jsonl')]);
    expect(resolveDatasetFiles(['decisions'], dir)).toEqual([join(EVALS_DIR, 'decisions.jsonl')]);
    expect(() => resolveDatasetFiles(['nope'], dir)).toThrow(/No dataset "nope".*decisions/);
  });

  it('ships datasets for every understanding task, each naming a task outro knows', () => {
    const datasets = resolveDatasetFiles([]).map(loadDataset);
    expect(datasets.map((d) => d.header.name).sort()).toEqual([
      'action-items',
      'ask',
      'ask-workspace',
      'conversations',
      'decisions',
      'facts',
      'questions',
    ]);
    for (const dataset of datasets) {
      expect(EVAL_TASKS.has(dataset.header.task)).toBe(true);
      expect(dataset.rows.length).toBeGreaterThan(0);
    }
  });
});
