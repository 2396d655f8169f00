import { chmodSync, mkdirSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { errorToWire, lineReader, RequestSchema, type DaemonReply, type DaemonRequest } from './protocol.js';

export type RequestHandler = (request: DaemonRequest) => Promise<DaemonReply>;

/**
 * Serves the protocol on a Unix socket: the folder is created 0700 and the socket chmod 0600, so
 * only the owner can connect. No TCP. A malformed line gets an error reply and the connection
 * stays open.
 */
export class IpcServer {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();

  constructor(
    private readonly socketPath: string,
    private readonly handle: RequestHandler,
    private readonly onError: (error: Error) => void = () => {},
  ) {}

  async listen(runtimeDir: string): Promise<void> {
    mkdirSync(runtimeDir, { recursive: true, mode: 0o700 });
    chmodSync(runtimeDir, 0o700);
    rmSync(this.socketPath, { force: true });
    const server = createServer((socket) => this.accept(socket));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      const previous = process.umask(0o177);
      try {
        server.listen(this.socketPath, () => {
          server.off('error', reject);
          resolve();
        });
      } finally {
        process.umask(previous);
      }
    });
    chmodSync(this.socketPath, 0o600);
    server.on('error', (error) => this.onError(error));
  }

  /** Stops accepting, ends open connections, removes the socket file. */
  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.end();
    setTimeout(() => {
      for (const socket of this.sockets) socket.destroy();
    }, 1_000).unref();
    await closed;
    rmSync(this.socketPath, { force: true });
  }

  private accept(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.on(
      'data',
      lineReader((line) => void this.answer(socket, line)),
    );
  }

  private async answer(socket: Socket, line: string): Promise<void> {
    let reply: DaemonReply;
    let parsedJson: unknown;
    try {
      parsedJson = JSON.parse(line);
    } catch {
      parsedJson = undefined;
    }
    const parsed = RequestSchema.safeParse(parsedJson);
    if (!parsed.success) {
      const id = (parsedJson as { id?: string | number } | undefined)?.id ?? null;
      reply = {
        id: id as string | number,
        ok: false,
        error: {
          code: 'USAGE',
          message: `Not a valid outro daemon request: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`,
        },
      };
    } else {
      try {
        reply = await this.handle(parsed.data);
      } catch (error) {
        reply = { id: parsed.data.id, ok: false, error: errorToWire(error) };
      }
    }
    if (!socket.destroyed) socket.write(`${JSON.stringify(reply)}\n`);
  }
}
