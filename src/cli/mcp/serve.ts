import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { deserializeMessage } from '@modelcontextprotocol/sdk/shared/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { toOutroError } from '../../domain/errors.js';
import type { CliContext } from '../context.js';
import { outroVersion } from '../version.js';
import { mcpCalls } from './calls.js';
import { RESOURCES } from './resources.js';
import { INSTRUCTIONS, serverInfo } from './server-info.js';
import { StdioLines } from './stdio-lines.js';
import { TOOLS, type OutroTool, type ToolCalls } from './tools.js';

export interface ServeOptions {
  stdin?: NodeJS.ReadableStream;
  stdout?: NodeJS.WritableStream;
  /** A transport already listening (bin/outro's fast start, ./main.ts); else one on stdin and stdout. */
  transport?: StdioLines;
}

/**
 * `outro mcp`: serves the tools and resources over stdio until the client closes stdin. Only
 * JSON-RPC goes to stdout: console output is sent to stderr while the server runs. Calls go to
 * the daemon when one answers on its socket (it owns the stores and the graph), else run here
 * with this process's store, opened on the first call and kept open.
 */
export async function serveMcp(ctx: CliContext, options: ServeOptions = {}): Promise<void> {
  const restoreConsole = consoleToStderr();
  const server = new McpServer(serverInfo(outroVersion()), {
    instructions: INSTRUCTIONS,
    capabilities: { logging: {} },
  });
  const calls = mcpCalls(ctx);
  for (const tool of TOOLS) registerTool(server, tool, calls, ctx);
  for (const resource of RESOURCES)
    server.registerResource(
      resource.name,
      resource.uri,
      { title: resource.title, description: resource.description, mimeType: 'text/markdown' },
      async (uri) => ({
        contents: [{ uri: uri.href, mimeType: 'text/markdown', text: await resource.read(calls) }],
      }),
    );

  const transport = options.transport ?? listening(options, ctx);
  transport.parse = deserializeMessage;
  try {
    await server.connect(transport);
    const answered = trackRequests(transport);
    await new Promise<void>((resolve) => {
      transport.onclose = resolve;
      // The client closed stdin: answer what it already asked (a piped script waits for it), then stop.
      let ending = false;
      const end = (): void => {
        if (ending) return;
        ending = true;
        void answered().then(() => server.close());
      };
      void transport.ended.then(end);
    });
    await calls.settled();
  } finally {
    restoreConsole();
  }
}

function listening(options: ServeOptions, ctx: CliContext): StdioLines {
  const transport = new StdioLines(
    options.stdin ?? process.stdin,
    options.stdout ?? process.stdout,
    ctx.stderr,
  );
  transport.listen();
  return transport;
}

/**
 * Counts the requests the transport received and the replies it sent; `answered()` resolves once
 * every request has its reply (at most a minute after it is asked).
 */
function trackRequests(transport: StdioLines): () => Promise<void> {
  const pending = new Set<string | number>();
  let wake: (() => void) | undefined;
  const receive = transport.onmessage;
  transport.onmessage = (message) => {
    if ('method' in message && 'id' in message) pending.add(message.id);
    receive?.(message);
  };
  const send = transport.send.bind(transport);
  transport.send = async (message) => {
    await send(message);
    if (!('method' in message) && 'id' in message && message.id !== undefined) {
      pending.delete(message.id);
      if (pending.size === 0) wake?.();
    }
  };
  return async () => {
    // The last request may still be on its way from the read buffer to its handler.
    await new Promise((resolve) => setImmediate(resolve));
    if (pending.size === 0) return;
    await new Promise<void>((resolve) => {
      wake = resolve;
      setTimeout(resolve, 60_000).unref();
    });
  };
}

function registerTool(server: McpServer, tool: OutroTool, calls: ToolCalls, ctx: CliContext): void {
  server.registerTool(
    tool.name,
    {
      title: tool.title,
      description: tool.description,
      inputSchema: tool.input,
      ...(tool.output ? { outputSchema: tool.output } : {}),
      annotations: { title: tool.title, readOnlyHint: true, openWorldHint: false, idempotentHint: true },
    },
    async (args: unknown): Promise<CallToolResult> => {
      try {
        const answer = await tool.run(calls, args);
        return { content: [{ type: 'text', text: answer.text }], structuredContent: answer.structured };
      } catch (caught) {
        const error = toOutroError(caught);
        if (error.code === 'INTERNAL' && caught instanceof Error)
          ctx.stderr.write(`outro mcp: ${tool.name}: ${caught.stack ?? caught.message}\n`);
        return { isError: true, content: [{ type: 'text', text: `outro: ${error.message}` }] };
      }
    },
  );
}

/** While the server runs, console.log and friends write to stderr: stdout carries JSON-RPC only. */
function consoleToStderr(): () => void {
  const saved = { log: console.log, info: console.info, debug: console.debug };
  console.log = console.info = console.debug = console.error;
  return () => Object.assign(console, saved);
}
