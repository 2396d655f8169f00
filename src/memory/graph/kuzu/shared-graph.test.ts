import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../../test-support/temp-dir.js';
import { component } from '../test-support/graph-builders.js';
import { acquireGraph, graphHandles } from './shared-graph.js';
import { KuzuGraphStore } from './kuzu-graph-store.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

describe('acquireGraph', () => {
  it('shares one open database between handles in a process and closes it with the last one', async () => {
    const temp = makeTempDir('outro-shared-graph-');
    cleanups.push(temp.cleanup);
    const [a, b] = await Promise.all([acquireGraph(temp.dir), acquireGraph(temp.dir)]);
    expect(graphHandles(temp.dir)).toBe(2);
    await a.write({
      records: { component: [component('component:billing', 'billing')] },
      slots: [],
      cursor: 3,
    });
    await a.close();
    await a.close(); // a second close of the same handle releases nothing more
    expect(graphHandles(temp.dir)).toBe(1);
    expect(await b.cursor()).toBe(3);
    await b.close();
    expect(graphHandles(temp.dir)).toBe(0);
    // Closed for real: a plain open of the same file now succeeds.
    const again = await KuzuGraphStore.open(temp.dir);
    expect((await again.get('component', ['component:billing'])).size).toBe(1);
    await again.close();
  });
});
