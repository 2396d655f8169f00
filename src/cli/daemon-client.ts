import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { OutroError } from '../domain/errors.js';
import type { CallSettings } from '../app/app-context.js';
import type { DaemonReply } from '../daemon/protocol.js';

type Request =
  | { id: string | number; op: 'ping' | 'status' | 'stop' }
  | { id: string | number; op: 'call'; name: string; input: unknown; context: CallSettings };

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

let nextId = 1;

/**
 * Sends one request to the daemon on `socket` and resolves with its reply. Rejects with
 * DAEMON_NOT_RUNNING when nothing listens (no socket file, or a stale one: ECONNREFUSED), and with
 * TIMEOUT after `timeoutMs` (0: no limit; a forwarded ingest may take minutes).
 */
export async function sendRequest<R extends DaemonReply = DaemonReply>(
  socket: string,
  request: WithoutId<Request>,
  timeoutMs = 5_000,
): Promise<R> {
  const id = nextId++;
  if (!existsSync(socket))
    throw new OutroError(
      'DAEMON_NOT_RUNNING',
      'The outro daemon is not running. Start it with `outro daemon start`.',
    );
  // The protocol module pulls in zod: loaded only when a request is sent.
  const { lineReader } = await import('../daemon/protocol.js');
  return new Promise<R>((resolve, reject) => {
    const connection = connect(socket);
    let settled = false;
    const finish = (error: Error | undefined, reply?: R): void => {
      if (settled) return;
      settled = true;
      if (timer) clearTimeout(timer);
      connection.destroy();
      if (error) reject(error);
      else resolve(reply as R);
    };
    const timer =
      timeoutMs > 0
        ? setTimeout(
            () =>
              finish(
                new OutroError(
                  'TIMEOUT',
                  `The outro daemon did not answer within ${timeoutMs} ms. Check \`outro daemon status\` or its log.`,
                ),
              ),
            timeoutMs,
          )
        : undefined;
    connection.on('connect', () => connection.write(`${JSON.stringify({ ...request, id })}\n`));
    connection.on(
      'data',
      lineReader((line) => {
        try {
          const reply = JSON.parse(line) as R;
          if (reply.id === id) finish(undefined, reply);
        } catch (cause) {
          finish(
            new OutroError(
              'INTERNAL',
              `The outro daemon sent a reply that is not JSON: ${line.slice(0, 200)}`,
              { cause },
            ),
          );
        }
      }),
    );
    connection.on('error', (error: NodeJS.ErrnoException) => {
      const gone = error.code === 'ECONNREFUSED' || error.code === 'ENOENT' || error.code === 'ENOTSOCK';
      finish(
        gone
          ? new OutroError(
              'DAEMON_NOT_RUNNING',
              'The outro daemon is not running (a stale socket was left behind). Start it with `outro daemon start`.',
              { cause: error },
            )
          : new OutroError('INTERNAL', `Talking to the outro daemon failed: ${error.message}`, {
              cause: error,
            }),
      );
    });
    connection.on('close', () =>
      finish(
        new OutroError(
          'DAEMON_NOT_RUNNING',
          'The outro daemon closed the connection before answering (it may be stopping).',
        ),
      ),
    );
  });
}

/** A control request; a reply with ok:false becomes an OutroError. */
export async function control(
  socket: string,
  op: 'ping' | 'status' | 'stop',
  timeoutMs = 5_000,
): Promise<unknown> {
  const reply = await sendRequest(socket, { op }, timeoutMs);
  if (!reply.ok) throw new OutroError('INTERNAL', `The outro daemon refused "${op}": ${reply.error.message}`);
  return reply.result;
}

/** True when a daemon answers a ping on `socket`. */
export async function daemonAnswers(socket: string, timeoutMs = 2_000): Promise<boolean> {
  try {
    await control(socket, 'ping', timeoutMs);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs an operation of src/app in the daemon when one answers on `socket`: `{op: 'call', name,
 * input, context}`. Resolves `{answered: false}` when no daemon runs (no socket, or a stale one
 * left by a crash: the caller then runs the operation itself), else the result; an error the
 * operation threw in the daemon is thrown here again, with its code.
 */
export async function callDaemon(
  socket: string,
  name: string,
  input: unknown,
  context: CallSettings,
): Promise<{ answered: false } | { answered: true; result: unknown }> {
  if (!existsSync(socket)) return { answered: false };
  let reply: DaemonReply;
  try {
    // No time limit: a forwarded ingest or eval may take minutes.
    reply = await sendRequest(socket, { op: 'call', name, input, context }, 0);
  } catch (error) {
    if (error instanceof OutroError && error.code === 'DAEMON_NOT_RUNNING' && error.cause !== undefined)
      return { answered: false };
    throw error;
  }
  if (!reply.ok) {
    const { errorFromWire } = await import('../daemon/protocol.js');
    throw errorFromWire(reply.error);
  }
  return { answered: true, result: reply.result };
}
