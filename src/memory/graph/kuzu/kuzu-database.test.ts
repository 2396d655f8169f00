import { afterEach, describe, expect, it } from 'vitest';
import { isOutroError } from '../../../domain/errors.js';
import { makeTempDir } from '../../../test-support/temp-dir.js';
import { DEFAULT_GRAPH_MEMORY_MB, graphBufferPoolBytes, KuzuDatabase } from './kuzu-database.js';

const MiB = 1024 * 1024;

describe("the graph's buffer pool (issue 16: memory of an ingest with the agents)", () => {
  const saved = process.env.OUTRO_GRAPH_MEMORY_MB;
  afterEach(() => {
    if (saved === undefined) delete process.env.OUTRO_GRAPH_MEMORY_MB;
    else process.env.OUTRO_GRAPH_MEMORY_MB = saved;
  });

  it('is capped at 256 MiB unless OUTRO_GRAPH_MEMORY_MB says otherwise (0: Kùzu decides)', () => {
    expect(DEFAULT_GRAPH_MEMORY_MB).toBe(256);
    expect(graphBufferPoolBytes({})).toBe(256 * MiB);
    expect(graphBufferPoolBytes({ OUTRO_GRAPH_MEMORY_MB: ' ' })).toBe(256 * MiB);
    expect(graphBufferPoolBytes({ OUTRO_GRAPH_MEMORY_MB: '1024' })).toBe(1024 * MiB);
    expect(graphBufferPoolBytes({ OUTRO_GRAPH_MEMORY_MB: '0' })).toBe(0);
    for (const wrong of ['lots', '-5'])
      expect(() => graphBufferPoolBytes({ OUTRO_GRAPH_MEMORY_MB: wrong })).toThrow(/OUTRO_GRAPH_MEMORY_MB/);
  });

  it('is what the graph opens with: a wrong size is a config error, not a damaged graph', async () => {
    const temp = makeTempDir('outro-kuzu-pool-');
    try {
      process.env.OUTRO_GRAPH_MEMORY_MB = 'lots';
      const error = await KuzuDatabase.open(temp.dir).catch((caught: unknown) => caught);
      expect(isOutroError(error) && error.code).toBe('CONFIG_INVALID');
      process.env.OUTRO_GRAPH_MEMORY_MB = '64';
      const db = await KuzuDatabase.open(temp.dir);
      await db.command('CREATE NODE TABLE T(id STRING PRIMARY KEY)');
      expect(await db.read('MATCH (t:T) RETURN count(*) AS n')).toEqual([{ n: 0 }]);
      await db.close();
    } finally {
      temp.cleanup();
    }
  });
});
