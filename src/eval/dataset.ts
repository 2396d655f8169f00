import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { z } from 'zod';
import { OutroError } from '../domain/errors.js';

/**
 * A versioned eval dataset: a JSONL file whose first line is a header naming the pipeline task
 * it exercises, then one row per item. Rows: { id, input, expected, tags, curator }.
 */
export const DatasetHeader = z
  .object({
    kind: z.literal('dataset'),
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    /** Bump when rows change meaning; stored with every run. */
    version: z.string().min(1),
    /** The task runner that answers the rows: 'disentangle', 'annotate.decisions', 'ask' … */
    task: z.string().min(1),
    description: z.string().default(''),
    /** Where the rows came from (e.g. fixtures/workspace/truth.json). */
    source: z.string().optional(),
    /** Shared by every row (the roster of people and components, the workspace folder …). */
    context: z.record(z.string(), z.unknown()).default({}),
  })
  .strict();
export type DatasetHeader = z.infer<typeof DatasetHeader>;

export const DatasetRow = z
  .object({
    id: z.string().min(1),
    input: z.unknown(),
    expected: z.unknown(),
    tags: z.array(z.string()).default([]),
    /** Who wrote or checked the row: a person, or the generator that derived it from labels. */
    curator: z.string().min(1),
  })
  .strict();
export type DatasetRow = z.infer<typeof DatasetRow>;

export interface Dataset {
  header: DatasetHeader;
  rows: DatasetRow[];
  file: string;
}

/** Reads and validates a dataset file; every problem names the file and line. */
export function loadDataset(file: string): Dataset {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new OutroError(
      'INPUT_NOT_FOUND',
      `Cannot read the dataset ${file}. Give a path to a .jsonl file (the shipped ones are in evals/).`,
      { cause },
    );
  }
  return parseDataset(text, file);
}

export function parseDataset(text: string, file = 'dataset.jsonl'): Dataset {
  const lines = text
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '');
  if (lines.length === 0)
    throw invalid(file, 1, 'the file is empty; the first line must be a {"kind":"dataset",…} header');
  const header = DatasetHeader.safeParse(parseJson(lines[0].line, file, lines[0].number));
  if (!header.success)
    throw invalid(file, lines[0].number, `the header does not validate: ${issues(header.error)}`);
  const seen = new Set<string>();
  const rows = lines.slice(1).map(({ line, number }) => {
    const row = DatasetRow.safeParse(parseJson(line, file, number));
    if (!row.success) throw invalid(file, number, `the row does not validate: ${issues(row.error)}`);
    if (seen.has(row.data.id)) throw invalid(file, number, `duplicate row id ${row.data.id}`);
    seen.add(row.data.id);
    return row.data;
  });
  return { header: header.data, rows, file };
}

export function serializeDataset(header: DatasetHeader, rows: readonly DatasetRow[]): string {
  return [header, ...rows].map((value) => JSON.stringify(value)).join('\n') + '\n';
}

/** `evals/decisions.jsonl` → `decisions`, for messages. */
export function datasetLabel(dataset: Dataset): string {
  return `${dataset.header.name}@${dataset.header.version} (${basename(dataset.file)})`;
}

function parseJson(line: string, file: string, number: number): unknown {
  try {
    return JSON.parse(line);
  } catch (cause) {
    throw invalid(file, number, `not JSON (${(cause as Error).message})`);
  }
}

function issues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(row)'}: ${issue.message}`).join('; ');
}

function invalid(file: string, line: number, reason: string): OutroError {
  return new OutroError(
    'FORMAT_INVALID',
    `${file}:${line}: ${reason}. Each line is one JSON object; see docs "Evaluation".`,
  );
}
