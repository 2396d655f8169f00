import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discordExport } from './support/inputs.js';
import { outro, scratch } from './support/run-outro.js';

async function holdGraph(graphDir: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve('test/hostile/support/hold-graph.ts'), graphDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  while (!out.includes('holding')) {
    if (child.exitCode !== null) throw new Error('the graph holder exited');
    await new Promise((done) => setTimeout(done, 50));
  }
  return child;
}

/**
 * Issue 16: without the daemon, 28 of 30 asks during an ingest exited 6 "Another process has the
 * graph open". Now a query answers from the graph's copy in the main store, which another process
 * holding Kùzu does not block; read from Kùzu (OUTRO_GRAPH_READS=kuzu), it waits a bounded time
 * (OUTRO_GRAPH_WAIT_MS) for the graph, then answers from the log, marked degraded.
 */
describe('hostile: ask while another process holds the graph', { timeout: 300_000 }, () => {
  let dirs: ReturnType<typeof scratch>;
  let holder: ChildProcess | undefined;
  beforeEach(() => (dirs = scratch()));
  afterEach(async () => {
    if (holder && holder.exitCode === null) {
      holder.kill('SIGTERM');
      await once(holder, 'exit');
    }
    dirs.cleanup();
  });

  it('answers from the copy in the store, or from the log marked "graph busy", the same answer as with the graph', async () => {
    const file = join(dirs.work, 'general.json');
    writeFileSync(file, discordExport({ messages: 40 }));
    expect(outro(dirs.home, ['ingest', file]).status).toBe(0);
    const question = 'who owns billing?';
    const free = outro(dirs.home, ['ask', question, '--json']);
    expect(free.status).toBe(0);

    holder = await holdGraph(join(dirs.home, 'graph'));
    const copy = outro(dirs.home, ['ask', question, '--json'], { env: { OUTRO_GRAPH_WAIT_MS: '0' } });
    expect(copy.stderr).toBe('');
    expect(copy.status).toBe(0);
    expect(JSON.parse(copy.stdout)).toMatchObject({
      degraded: false,
      text: (JSON.parse(free.stdout) as { text: string }).text,
    });

    const kuzu = { OUTRO_GRAPH_READS: 'kuzu' };
    const busy = outro(dirs.home, ['ask', question, '--json'], {
      env: { ...kuzu, OUTRO_GRAPH_WAIT_MS: '500' },
    });
    expect(busy.stderr).toBe('');
    expect(busy.status).toBe(0);
    const answer = JSON.parse(busy.stdout) as { degraded: boolean; degradedReason: string; text: string };
    expect(answer.degraded).toBe(true);
    expect(answer.degradedReason).toContain('graph busy');
    expect(answer.text).toBe((JSON.parse(free.stdout) as { text: string }).text);

    const text = outro(dirs.home, ['ask', question], { env: { ...kuzu, OUTRO_GRAPH_WAIT_MS: '0' } });
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('degraded: graph busy');
  });
});
