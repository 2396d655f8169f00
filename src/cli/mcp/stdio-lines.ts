import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { isRecord } from '../../connectors/json-values.js';

/** The most a message may take on stdin (as the SDK's own stdio transport allows). */
const MAX_LINE = 10 * 1024 * 1024;

/** What outro answers before the SDK loads. */
export interface EarlyAnswers {
  /** The `initialize` result for the requested protocol version, or undefined to leave it to the SDK. */
  initialize(requestedVersion: unknown): Record<string, unknown> | undefined;
  /** The `tools/list` result (answered early only after an early `initialize`). */
  toolsList?: Record<string, unknown>;
}

/**
 * The MCP stdio transport of `outro mcp`: newline-delimited JSON-RPC on stdin and stdout, as the
 * SDK's StdioServerTransport, but listening before the SDK is loaded. Loading the SDK and zod takes
 * most of a start, and an assistant waits for the `initialize` reply, so with `early` the first
 * `initialize` request is answered at once from ./server-info.ts, and `tools/list` requests that
 * come before the server connects from ./tools-list.generated.ts. The requests still reach the
 * SDK's server when it connects (it records the client), and its own replies to them are dropped
 * (checked against the early ones: a difference is reported on stderr). Lines that arrive before
 * the server connects wait for it, in order.
 */
export class StdioLines implements Transport {
  onmessage?: (message: JSONRPCMessage) => void;
  onclose?: () => void;
  onerror?: (error: Error) => void;
  /** Turns a line into a message: the SDK's deserializeMessage (set by ./serve.ts), else JSON.parse. */
  parse: (line: string) => JSONRPCMessage = (line) => JSON.parse(line) as JSONRPCMessage;

  /** Resolves when the first line arrives (or stdin ends without one). */
  readonly firstLine: Promise<void>;
  /** Resolves when stdin has ended and every line has gone to the server. */
  readonly ended: Promise<void>;

  private buffer = '';
  private readonly waiting: string[] = [];
  private started = false;
  private stdinEnded = false;
  /** Replies already sent, by request id, as JSON of their result. */
  private readonly answered = new Map<string | number, string>();
  private sawFirst = false;
  /** Whether `initialize` was answered here. */
  private initialized = false;
  private resolveFirst!: () => void;
  private resolveEnded!: () => void;

  constructor(
    private readonly stdin: NodeJS.ReadableStream,
    private readonly stdout: NodeJS.WritableStream,
    private readonly stderr: NodeJS.WritableStream,
    private readonly early?: EarlyAnswers,
  ) {
    this.firstLine = new Promise((resolve) => (this.resolveFirst = resolve));
    this.ended = new Promise((resolve) => (this.resolveEnded = resolve));
  }

  /** Starts reading stdin (before the server connects: lines wait for it). */
  listen(): void {
    this.stdin.setEncoding('utf8');
    this.stdin.on('data', this.onData);
    this.stdin.on('error', this.onError);
    this.stdin.once('end', this.onEnd);
    this.stdin.once('close', this.onEnd);
  }

  /** Called by the SDK's server on connect: hands it the lines that waited. */
  async start(): Promise<void> {
    if (this.started) throw new Error('StdioLines already started.');
    this.started = true;
    for (const line of this.waiting.splice(0)) this.deliver(line);
    if (this.stdinEnded) this.resolveEnded();
  }

  async send(message: JSONRPCMessage): Promise<void> {
    const id = 'id' in message && !('method' in message) ? message.id : undefined;
    const sent = id === undefined ? undefined : this.answered.get(id);
    if (id !== undefined && sent !== undefined) {
      this.answered.delete(id);
      const own = 'result' in message ? JSON.stringify(message.result) : JSON.stringify(message);
      if (own !== sent)
        this.stderr.write(
          `outro mcp: an early reply differs from the SDK's (${own.slice(0, 200)}); update src/cli/mcp/server-info.ts or run scripts/mcp-tools-list.ts\n`,
        );
      return;
    }
    await this.write(message);
  }

  async close(): Promise<void> {
    this.stdin.off('data', this.onData);
    this.stdin.off('error', this.onError);
    if (this.stdin.listenerCount('data') === 0) this.stdin.pause();
    this.buffer = '';
    this.onclose?.();
  }

  private write(message: unknown): Promise<void> {
    return new Promise((resolve) => {
      if (this.stdout.write(`${JSON.stringify(message)}\n`)) resolve();
      else this.stdout.once('drain', resolve);
    });
  }

  private readonly onData = (chunk: string | Buffer): void => {
    this.buffer += chunk.toString();
    for (let end = this.buffer.indexOf('\n'); end >= 0; end = this.buffer.indexOf('\n')) {
      const line = this.buffer.slice(0, end).replace(/\r$/, '');
      this.buffer = this.buffer.slice(end + 1);
      this.take(line);
    }
    if (this.buffer.length > MAX_LINE) {
      this.buffer = '';
      this.onError(new Error(`A message on stdin is over ${MAX_LINE} bytes.`));
    }
  };

  private readonly onError = (error: Error): void => {
    this.onerror?.(error);
  };

  private readonly onEnd = (): void => {
    if (this.stdinEnded) return;
    this.stdinEnded = true;
    this.resolveFirst();
    if (this.started) this.resolveEnded();
  };

  private take(line: string): void {
    if (!this.started) this.answerEarly(line, !this.sawFirst);
    if (!this.sawFirst) {
      this.sawFirst = true;
      this.resolveFirst();
    }
    if (this.started) this.deliver(line);
    else this.waiting.push(line);
  }

  private deliver(line: string): void {
    let message: JSONRPCMessage;
    try {
      message = this.parse(line);
    } catch (error) {
      this.onerror?.(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    this.onmessage?.(message);
  }

  /** Answers a first `initialize`, then `tools/list`, before the server connects, when the result is known here. */
  private answerEarly(line: string, first: boolean): void {
    if (!this.early) return;
    let request: unknown;
    try {
      request = JSON.parse(line);
    } catch {
      return;
    }
    if (!isRecord(request)) return;
    const { jsonrpc, id, method, params } = request;
    if (jsonrpc !== '2.0' || (typeof id !== 'string' && typeof id !== 'number') || this.answered.has(id))
      return;
    if (method === 'tools/list' && this.initialized && this.early.toolsList) {
      // A page other than the first (a cursor) is left to the SDK.
      if (params !== undefined && (!isRecord(params) || params.cursor !== undefined)) return;
      this.reply(id, this.early.toolsList);
      return;
    }
    if (method !== 'initialize' || !first) return;
    // Only a request the SDK would accept too (it checks capabilities and clientInfo).
    if (!isRecord(params) || !isRecord(params.capabilities) || !isRecord(params.clientInfo)) return;
    if (typeof params.clientInfo.name !== 'string' || typeof params.clientInfo.version !== 'string') return;
    const result = this.early.initialize(params.protocolVersion);
    if (!result) return;
    this.initialized = true;
    this.reply(id, result);
  }

  private reply(id: string | number, result: Record<string, unknown>): void {
    this.answered.set(id, JSON.stringify(result));
    void this.write({ jsonrpc: '2.0', id, result });
  }
}
