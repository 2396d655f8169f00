import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { OutroError } from '../domain/errors.js';
import type { ControlReply, RunReply } from '../daemon/protocol.js';

type Request = { id: string | number; op: 'ping' | 'status' | 'stop' } | { id: string | number; op: 'run'; argv: string[]; cwd: string; env: Record<string, string>; stdoutIsTTY: boolean };

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

let nextId = 1;

/**
 * Sends one request to the daemon on `socket` and resolves with its reply. Rejects with
 * DAEMON_NOT_RUNNING when nothing listens (no socket file, or a stale one: ECONNREFUSED), and with
 * TIMEOUT after `timeoutMs` (0: no limit; a forwarded ingest may take minutes).
 */
export async function sendRequest<R extends ControlReply | RunReply>(socket: string, request: WithoutId<Request>, timeoutMs = 5_000): Promise<R> {
  const id = nextId++;
  if (!existsSync(socket)) throw new OutroError('DAEMON_NOT_RUNNING', 'The outro daemon is not running. Start it with `outro daemon start`.');
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
    const timer = timeoutMs > 0 ? setTimeout(() => finish(new OutroError('TIMEOUT', `The outro daemon did not answer within ${timeoutMs} ms. Check \`outro daemon status\` or its log.`)), timeoutMs) : undefined;
    connection.on('connect', () => connection.write(`${JSON.stringify({ ...request, id })}\n`));
    connection.on(
      'data',
      lineReader((line) => {
        try {
          const reply = JSON.parse(line) as R;
          if (reply.id === id) finish(undefined, reply);
        } catch (cause) {
          finish(new OutroError('INTERNAL', `The outro daemon sent a reply that is not JSON: ${line.slice(0, 200)}`, { cause }));
        }
      }),
    );
    connection.on('error', (error: NodeJS.ErrnoException) => {
      const gone = error.code === 'ECONNREFUSED' || error.code === 'ENOENT' || error.code === 'ENOTSOCK';
      finish(gone ? new OutroError('DAEMON_NOT_RUNNING', 'The outro daemon is not running (a stale socket was left behind). Start it with `outro daemon start`.', { cause: error }) : new OutroError('INTERNAL', `Talking to the outro daemon failed: ${error.message}`, { cause: error }));
    });
    connection.on('close', () => finish(new OutroError('DAEMON_NOT_RUNNING', 'The outro daemon closed the connection before answering (it may be stopping).')));
  });
}

/** A control request; a reply with ok:false becomes an OutroError. */
export async function control(socket: string, op: 'ping' | 'status' | 'stop', timeoutMs = 5_000): Promise<unknown> {
  const reply = await sendRequest<ControlReply>(socket, { op }, timeoutMs);
  if (!reply.ok) throw new OutroError('INTERNAL', `The outro daemon refused "${op}": ${reply.error?.message ?? 'no reason given'}`);
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

/** Commands that never go through the daemon: they manage it, or need no stores. */
// schedule: the crontab line must name this user's node, HOME and PATH, not the daemon's.
const LOCAL_COMMANDS = new Set(['daemon', 'doctor', 'help', 'schedule']);
const LOCAL_FLAGS = new Set(['--help', '-h', '--version', '-V']);
/** Global options that take a value (their value is not the command name). */
const VALUE_OPTIONS = new Set(['--config']);

/** The command name in `argv` (after global options), or undefined. */
export function commandName(argv: readonly string[]): string | undefined {
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (VALUE_OPTIONS.has(arg)) {
      index++;
      continue;
    }
    if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/** Whether this invocation should run in the daemon when one is up. */
export function shouldForward(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): boolean {
  if (env.OUTRO_NO_DAEMON === '1') return false;
  if (argv.some((arg) => LOCAL_FLAGS.has(arg))) return false;
  const command = commandName(argv);
  return command !== undefined && !LOCAL_COMMANDS.has(command);
}

export interface ForwardStreams {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * Runs the command in the daemon when one answers on `socket`: same argv, the client's cwd and
 * OUTRO_NOW / OUTRO_CONFIG, output written back to the client's streams. Returns undefined when no
 * daemon runs (the caller then runs the command itself), else the stable error code (or none).
 */
export async function forwardToDaemon(
  socket: string,
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  streams: ForwardStreams,
): Promise<{ code?: string } | undefined> {
  if (!existsSync(socket)) return undefined;
  const forwardedEnv: Record<string, string> = {};
  for (const key of ['OUTRO_NOW', 'OUTRO_CONFIG'] as const) {
    const value = env[key];
    if (value !== undefined && value !== '') forwardedEnv[key] = value;
  }
  let reply: RunReply;
  try {
    reply = await sendRequest<RunReply>(socket, { op: 'run', argv: [...argv], cwd: process.cwd(), env: forwardedEnv, stdoutIsTTY: false }, 0);
  } catch (error) {
    if (error instanceof OutroError && error.code === 'DAEMON_NOT_RUNNING' && error.cause !== undefined) return undefined;
    throw error;
  }
  const failed = reply as unknown as ControlReply;
  if (failed.ok === false) throw new OutroError('INTERNAL', `The outro daemon could not run the command: ${failed.error?.message ?? 'no reason given'}`);
  if (reply.stdout) streams.stdout.write(reply.stdout);
  if (reply.stderr) streams.stderr.write(reply.stderr);
  return reply.exitCode === 0 ? {} : { code: reply.code ?? 'INTERNAL' };
}
