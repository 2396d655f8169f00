import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createContext } from '../context.js';
import { outroVersion } from '../version.js';
import { serveMcp } from './serve.js';
import { EARLY_PROTOCOL_VERSIONS, initializeResult } from './server-info.js';
import { StdioLines } from './stdio-lines.js';
import { TOOLS_LIST } from './tools-list.generated.js';

const initialize = (id: number, protocolVersion: string): string =>
  `${JSON.stringify({
    jsonrpc: '2.0',
    id,
    method: 'initialize',
    params: { protocolVersion, capabilities: {}, clientInfo: { name: 'test', version: '0' } },
  })}\n`;

interface Wire {
  stdin: PassThrough;
  stdout: PassThrough;
  stderr: PassThrough;
  out: () => Array<{ id?: number; result?: Record<string, unknown>; error?: unknown }>;
  err: () => string;
}

function wire(): Wire {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return {
    stdin,
    stdout,
    stderr,
    out: () =>
      out
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as { id?: number; result?: Record<string, unknown> }),
    err: () => err,
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

/** Runs the real server (the SDK's McpServer) on `io` over an empty store, until stdin ends. */
function serve(io: Wire, transport?: StdioLines): Promise<void> {
  const home = mkdtempSync(join(tmpdir(), 'outro-mcp-lines-'));
  homes.push(home);
  const ctx = createContext({
    env: { HOME: home, OUTRO_HOME: home, OUTRO_NO_DAEMON: '1' },
    stdout: io.stdout,
    stderr: io.stderr,
  });
  return serveMcp(ctx, { stdin: io.stdin, stdout: io.stdout, ...(transport ? { transport } : {}) }).finally(
    () => ctx.close(),
  );
}

describe('StdioLines, the transport of outro mcp', () => {
  it('answers initialize before the server connects, and hands the server every line in order', async () => {
    const io = wire();
    const transport = new StdioLines(io.stdin, io.stdout, io.stderr, {
      initialize: (requested) => initializeResult(requested, '9.9.9'),
    });
    const seen: unknown[] = [];
    transport.onmessage = (message) => seen.push(message);
    transport.listen();
    io.stdin.write(initialize(1, '2025-06-18'));
    io.stdin.write('{"jsonrpc":"2.0","method":"notifications/initialized"}\n{"jsonrpc":"2.0",');
    io.stdin.write('"id":2,"method":"tools/list"}\n');
    await transport.firstLine;
    await tick();
    expect(io.out()).toEqual([{ jsonrpc: '2.0', id: 1, result: initializeResult('2025-06-18', '9.9.9') }]);
    expect(seen).toEqual([]); // nothing reaches a server that has not connected
    await transport.start();
    expect(seen.map((message) => (message as { method: string }).method)).toEqual([
      'initialize',
      'notifications/initialized',
      'tools/list',
    ]);
    // The server's own reply to the answered initialize is dropped; others go out.
    await transport.send({ jsonrpc: '2.0', id: 1, result: initializeResult('2025-06-18', '9.9.9') ?? {} });
    await transport.send({ jsonrpc: '2.0', id: 2, result: { tools: [] } });
    expect(io.out().map((reply) => reply.id)).toEqual([1, 2]);
    expect(io.err()).toBe('');
  });

  it('leaves initialize to the server for a protocol version it does not know, or a malformed request', async () => {
    for (const line of [
      initialize(1, '1999-01-01'),
      '{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18"}}\n',
      '{"jsonrpc":"2.0","id":1,"method":"ping"}\n',
      'not json\n',
    ]) {
      const io = wire();
      const transport = new StdioLines(io.stdin, io.stdout, io.stderr, {
        initialize: (requested) => initializeResult(requested, '9.9.9'),
      });
      transport.listen();
      io.stdin.write(line);
      await transport.firstLine;
      await tick();
      expect(io.out(), line).toEqual([]);
    }
  });

  it('says on stderr when the early reply differs from the server reply', async () => {
    const io = wire();
    const transport = new StdioLines(io.stdin, io.stdout, io.stderr, {
      initialize: (requested) => initializeResult(requested, '9.9.9'),
    });
    transport.listen();
    io.stdin.write(initialize(7, '2025-06-18'));
    await transport.firstLine;
    await transport.start();
    await transport.send({ jsonrpc: '2.0', id: 7, result: { protocolVersion: '2025-06-18' } });
    expect(io.out()).toHaveLength(1);
    expect(io.err()).toMatch(/early reply differs/);
  });

  it('ends once stdin has ended and the lines that waited reached the server', async () => {
    const io = wire();
    const transport = new StdioLines(io.stdin, io.stdout, io.stderr);
    let ended = false;
    void transport.ended.then(() => (ended = true));
    transport.listen();
    io.stdin.end('{"jsonrpc":"2.0","id":1,"method":"ping"}\n');
    await transport.firstLine;
    await tick();
    expect(ended).toBe(false);
    const seen: unknown[] = [];
    transport.onmessage = (message) => seen.push(message);
    await transport.start();
    await tick();
    expect(seen).toHaveLength(1);
    expect(ended).toBe(true);
  });
  it('answers tools/list before the server connects, only after an early initialize and without a cursor', async () => {
    const list = { tools: [{ name: 'x' }] };
    const run = async (lines: string[]): Promise<Array<number | undefined>> => {
      const io = wire();
      const transport = new StdioLines(io.stdin, io.stdout, io.stderr, {
        initialize: (requested) => initializeResult(requested, '9.9.9'),
        toolsList: list,
      });
      transport.listen();
      for (const line of lines) io.stdin.write(line);
      await transport.firstLine;
      await tick();
      return io.out().map((reply) => reply.id);
    };
    const toolsList = (id: number, params?: object): string =>
      `${JSON.stringify({ jsonrpc: '2.0', id, method: 'tools/list', ...(params ? { params } : {}) })}\n`;
    expect(await run([initialize(1, '2025-06-18'), toolsList(2), toolsList(3, {})])).toEqual([1, 2, 3]);
    expect(await run([toolsList(2)])).toEqual([]);
    expect(await run([initialize(1, '1999-01-01'), toolsList(2)])).toEqual([]);
    expect(await run([initialize(1, '2025-06-18'), toolsList(2, { cursor: 'next' })])).toEqual([1]);
  });
});

describe('the early initialize reply', () => {
  it('tools-list.generated.ts is what the SDK server lists (else run npx tsx scripts/mcp-tools-list.ts)', async () => {
    const io = wire();
    const served = serve(io);
    io.stdin.end('{"jsonrpc":"2.0","id":1,"method":"tools/list"}\n');
    await served;
    expect(io.out()[0].result).toEqual(TOOLS_LIST);
  });

  it('uses only protocol versions the SDK supports', () => {
    for (const version of EARLY_PROTOCOL_VERSIONS) expect(SUPPORTED_PROTOCOL_VERSIONS).toContain(version);
  });

  it.each(EARLY_PROTOCOL_VERSIONS)('is what the SDK server answers itself (protocol %s)', async (version) => {
    const io = wire();
    const served = serve(io);
    io.stdin.write(initialize(1, version));
    io.stdin.end();
    await served;
    const replies = io.out();
    expect(replies).toHaveLength(1);
    expect(replies[0].result).toEqual(initializeResult(version, outroVersion()));
  });

  it('is answered once when the server connects after it, and the server still serves', async () => {
    const io = wire();
    const transport = new StdioLines(io.stdin, io.stdout, io.stderr, {
      initialize: (requested) => initializeResult(requested, outroVersion()),
      toolsList: TOOLS_LIST,
    });
    transport.listen();
    io.stdin.write(initialize(1, '2025-06-18'));
    io.stdin.write('{"jsonrpc":"2.0","method":"notifications/initialized"}\n');
    io.stdin.write('{"jsonrpc":"2.0","id":2,"method":"tools/list"}\n');
    io.stdin.end();
    await transport.firstLine;
    await serve(io, transport);
    const replies = io.out();
    expect(replies.map((reply) => reply.id)).toEqual([1, 2]);
    expect((replies[1].result?.tools as unknown[]).length).toBe(6);
    expect(io.err()).not.toMatch(/differs/);
  });
});
