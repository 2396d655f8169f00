import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../src/app/operations.js';

const BIN = resolve('bin/outro');
const WORKSPACE = resolve('fixtures/workspace');
const EXPORTS = ['slack', 'discord', 'teams', 'calendar.ics'].map((name) => join(WORKSPACE, name));

interface Text {
  type: string;
  text: string;
}

function textOf(content: { uri: string } | undefined): string {
  return content && 'text' in content && typeof content.text === 'string' ? content.text : '';
}

/** What a tool call returns, as the SDK's client hands it over. */
interface ToolResult {
  isError?: boolean;
  content: Text[];
  structuredContent?: Record<string, unknown>;
}

/**
 * `outro mcp` driven the way an assistant drives it: the SDK's own client starts the compiled
 * server (bin/outro → dist/) as a child process on stdio, over a store holding the Acme sample
 * workspace, and calls every tool.
 */
describe('outro mcp, over stdio with the SDK client', () => {
  const home = mkdtempSync(join(tmpdir(), 'outro-mcp-'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: home,
    OUTRO_HOME: home,
    OUTRO_CONFIG: join(WORKSPACE, 'outro.yaml'),
    OUTRO_NOW: '2026-11-20T08:30:00+01:00',
  };
  let client: Client;
  let stderr = '';

  beforeAll(async () => {
    const ingest = spawnSync(process.execPath, [BIN, 'ingest', ...EXPORTS, '--json'], {
      env,
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(ingest.status, ingest.stderr).toBe(0);
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN, 'mcp'],
      env,
      stderr: 'pipe',
    });
    transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    client = new Client({ name: 'outro-test', version: '1.0.0' });
    await client.connect(transport);
  }, 300_000);

  afterAll(async () => {
    await client?.close();
    rmSync(home, { recursive: true, force: true });
  });

  const call = async (name: string, args: Record<string, unknown>): Promise<ToolResult> =>
    (await client.callTool({ name, arguments: args })) as ToolResult;

  it('initializes as outro, with instructions for the assistant', () => {
    expect(client.getServerVersion()?.name).toBe('outro');
    expect(client.getServerVersion()?.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(client.getServerCapabilities()?.tools).toBeDefined();
    expect(client.getServerCapabilities()?.resources).toBeDefined();
    expect(client.getInstructions()).toContain('known: false');
  });

  it('lists the six read-only tools, each with a title, a description and an input schema', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(
      ['ask', 'brief', 'history', 'items', 'people', 'search'].sort(),
    );
    for (const tool of tools) {
      expect(tool.title, tool.name).toBeTruthy();
      expect(tool.description?.length, tool.name).toBeGreaterThan(80);
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.annotations?.readOnlyHint).toBe(true);
    }
    const ask = tools.find((tool) => tool.name === 'ask');
    expect(ask?.inputSchema.required).toEqual(['question']);
    expect(ask?.outputSchema?.properties).toHaveProperty('known');
  });

  it('answers ask with its citations: source, channel name, author, time and native id', async () => {
    const result = await call('ask', { question: 'who owns billing' });
    expect(result.isError).toBeFalsy();
    expect(result.content[0].text).toContain('Marco Rossi owns billing');
    const answer = result.structuredContent as {
      known: boolean;
      confidence: number;
      evidence: Array<Record<string, string>>;
    };
    expect(answer.known).toBe(true);
    expect(answer.confidence).toBeGreaterThan(0.5);
    expect(answer.evidence.length).toBeGreaterThan(0);
    for (const evidence of answer.evidence) {
      expect(Object.keys(evidence)).toEqual(
        expect.arrayContaining([
          'source',
          'channel',
          'channelName',
          'messageId',
          'author',
          'time',
          'snippet',
        ]),
      );
      expect(evidence.channelName).not.toMatch(/^(slack|teams|discord):/);
    }
    expect(result.content[0].text).not.toMatch(/slack:C0/);
  });

  it('says "I don\'t know" with known: false when nothing supports an answer', async () => {
    const result = await call('ask', { question: 'who owns the moon base' });
    expect(result.isError).toBeFalsy();
    expect(result.content[0].text).toMatch(/^I don't know/);
    expect(result.structuredContent).toMatchObject({ known: false, confidence: 0 });
  });

  it('turns a bad argument into a tool error, and keeps serving', async () => {
    const bad = await call('ask', { question: 42 });
    expect(bad.isError).toBe(true);
    expect(bad.content[0].text).toMatch(/question/);
    const unknownKey = await call('history', { entity: 'billing', colour: 'blue' });
    expect(unknownKey.isError).toBe(true);
    const badDate = await call('ask', { question: 'who owns billing', asOf: 'someday' });
    expect(badDate.isError).toBe(true);
    expect(badDate.content[0].text).toContain('not a date');
    expect((await call('ask', { question: 'who owns billing' })).isError).toBeFalsy();
  });

  it('gives the brief as markdown and as the brief object, without marking it seen', async () => {
    const result = await call('brief', { since: '2026-11-19T08:30:00+01:00' });
    expect(result.isError).toBeFalsy();
    expect(result.content[0].text).toMatch(/^# Brief for Dana Whitfield/);
    const brief = result.structuredContent as { waiting: unknown[]; window: { from: string } };
    expect(brief.waiting.length).toBeGreaterThan(0);
    const again = await call('brief', {});
    expect((again.structuredContent as { window: { from: string } }).window.from).toBe('default');
  });

  it('gives the history of a component with its evidence', async () => {
    const result = await call('history', { entity: 'billing' });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ known: true, entity: { name: 'billing' } });
    const unknown = await call('history', { entity: 'the moon base' });
    expect(unknown.structuredContent).toMatchObject({ known: false, entity: null });
  });

  for (const [name, args] of [
    ['search', { query: 'refund' }],
    ['items', { kind: 'action', open: true }],
    ['people', { name: 'Priya' }],
  ] as const) {
    it(`calls the ${name} operation, or says it is not available in this build`, async () => {
      const result = await call(name, args);
      if (Object.hasOwn(OPERATIONS, name)) expect(result.isError, result.content[0].text).toBeFalsy();
      else {
        expect(result.isError).toBe(true);
        expect(result.content[0].text).toContain('not available in this build');
      }
    });
  }

  it('serves the brief and the latest digest as resources', async () => {
    const { resources } = await client.listResources();
    expect(resources.map((resource) => resource.uri).sort()).toEqual([
      'outro://brief',
      'outro://digest/latest',
    ]);
    const brief = await client.readResource({ uri: 'outro://brief' });
    expect(brief.contents[0]).toMatchObject({ mimeType: 'text/markdown' });
    expect(textOf(brief.contents[0])).toContain('# Brief for');
    await expect(client.readResource({ uri: 'outro://digest/latest' })).rejects.toThrow(/No digest/);
    const digest = spawnSync(process.execPath, [BIN, 'digest', '--json'], { env, encoding: 'utf8' });
    expect(digest.status, digest.stderr).toBe(0);
    const latest = await client.readResource({ uri: 'outro://digest/latest' });
    expect(textOf(latest.contents[0])).toMatch(/^---\n/);
  });

  it('writes nothing but its own log lines to stderr', () => {
    expect(stderr).not.toMatch(/outro mcp: .*Error/);
  });

  it('goes through the daemon when one runs', async () => {
    const started = spawnSync(process.execPath, [BIN, 'daemon', 'start'], { env, encoding: 'utf8' });
    expect(started.status, started.stderr).toBe(0);
    try {
      const result = await call('ask', { question: 'who owns billing' });
      expect(result.structuredContent).toMatchObject({ known: true });
      const log = readFileSync(join(home, 'log', 'daemon.log'), 'utf8');
      expect(log).toMatch(/"forwarded command","command":"ask"/);
    } finally {
      spawnSync(process.execPath, [BIN, 'daemon', 'stop'], { env, encoding: 'utf8' });
    }
  });
});

describe('outro mcp on the wire', () => {
  it('writes only JSON-RPC to stdout and exits 0 when stdin closes', async () => {
    const home = mkdtempSync(join(tmpdir(), 'outro-mcp-wire-'));
    try {
      const child = spawn(process.execPath, [BIN, 'mcp'], {
        env: { PATH: process.env.PATH, HOME: home, OUTRO_HOME: home },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
      const send = (message: object): void => void child.stdin.write(`${JSON.stringify(message)}\n`);
      send({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: {
          protocolVersion: '2025-06-18',
          capabilities: {},
          clientInfo: { name: 'wire', version: '0' },
        },
      });
      send({ jsonrpc: '2.0', method: 'notifications/initialized' });
      send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
      // An empty store: the answer is "I don't know", not an error.
      send({
        jsonrpc: '2.0',
        id: 3,
        method: 'tools/call',
        params: { name: 'ask', arguments: { question: 'who owns billing' } },
      });
      send({
        jsonrpc: '2.0',
        id: 4,
        method: 'tools/call',
        params: { name: 'brief', arguments: { since: 7 } },
      });
      while (!/"id":4/.test(stdout)) await new Promise((wait) => setTimeout(wait, 50));
      child.stdin.end();
      expect(await exited).toBe(0);
      const lines = stdout.split('\n').filter((line) => line !== '');
      expect(lines.length).toBe(4);
      const replies = lines.map(
        (line) => JSON.parse(line) as { jsonrpc: string; id: number; result?: ToolResult },
      );
      for (const reply of replies) expect(reply.jsonrpc).toBe('2.0');
      replies.sort((a, b) => a.id - b.id);
      expect(replies.map((reply) => reply.id)).toEqual([1, 2, 3, 4]);
      expect(replies[2].result?.structuredContent).toMatchObject({ known: false });
      expect(replies[3].result?.isError).toBe(true);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  }, 60_000);
});
