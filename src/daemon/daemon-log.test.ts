import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../test-support/temp-dir.js';
import { fileLogger } from './daemon-log.js';

describe('the daemon log', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir('od-log-');
  });
  afterEach(() => temp.cleanup());

  it('writes JSON lines and rotates to .1 past its size limit, keeping one generation', () => {
    const file = join(temp.dir, 'log', 'daemon.log');
    const log = fileLogger(file, () => new Date('2026-03-01T12:00:00Z'), undefined, 200);
    for (let index = 0; index < 6; index++) log('info', `entry ${index}`, { index });
    const current = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { message: string; index: number; time: string });
    const previous = readFileSync(`${file}.1`, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { index: number });
    expect(current.at(-1)).toEqual({
      time: '2026-03-01T12:00:00.000Z',
      level: 'info',
      message: 'entry 5',
      index: 5,
    });
    expect([...previous, ...current].map((entry) => entry.index)).toEqual(
      Array.from(
        { length: previous.length + current.length },
        (_, i) => 6 - previous.length - current.length + i,
      ),
    );
    expect(readFileSync(file, 'utf8').length).toBeLessThanOrEqual(200);
  });
});
