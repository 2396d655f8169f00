import { describe, expect, it } from 'vitest';
import { IngestQueue, type IngestRecord } from './ingest-queue.js';

function record(paths: string[]): IngestRecord {
  return { at: '2026-03-01T12:00:00.000Z', paths, status: 'ok', appended: paths.length, problems: 0 };
}

describe('IngestQueue', () => {
  it('runs one ingest at a time and merges exports that change meanwhile into the next run', async () => {
    const runs: string[][] = [];
    let release!: () => void;
    const first = new Promise<void>((resolve) => (release = resolve));
    const queue = new IngestQueue(async (paths) => {
      runs.push(paths);
      if (runs.length === 1) await first;
      return record(paths);
    });
    queue.enqueue(['/w/a']);
    queue.enqueue(['/w/c', '/w/b']);
    queue.enqueue(['/w/b']);
    expect(queue.busy).toBe(true);
    release();
    await queue.idle();
    expect(runs).toEqual([['/w/a'], ['/w/b', '/w/c']]);
    expect(queue.last?.paths).toEqual(['/w/b', '/w/c']);
    expect(queue.busy).toBe(false);
  });

  it('on stop, finishes the ingest in progress and drops what is only queued', async () => {
    const runs: string[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const queue = new IngestQueue(async (paths) => {
      runs.push(paths);
      await gate;
      return record(paths);
    });
    queue.enqueue(['/w/a']);
    queue.enqueue(['/w/b']);
    const stopped = queue.stop();
    release();
    await stopped;
    queue.enqueue(['/w/c']);
    await queue.idle();
    expect(runs).toEqual([['/w/a']]);
  });

  it('keeps going after a failed ingest and reports the error', async () => {
    const errors: string[] = [];
    const queue = new IngestQueue(
      async (paths) => {
        if (paths.includes('/w/bad')) throw new Error('disk full');
        return record(paths);
      },
      (error) => errors.push(error.message),
    );
    queue.enqueue(['/w/bad']);
    await queue.idle();
    queue.enqueue(['/w/good']);
    await queue.idle();
    expect(errors).toEqual(['disk full']);
    expect(queue.last?.paths).toEqual(['/w/good']);
  });
});

describe('IngestQueue.kick', () => {
  it('runs the job once with no paths', async () => {
    const runs: string[][] = [];
    const queue = new IngestQueue(async (paths) => {
      runs.push(paths);
      return record(paths);
    });
    queue.kick();
    await queue.idle();
    expect(runs).toEqual([[]]);
  });
});
