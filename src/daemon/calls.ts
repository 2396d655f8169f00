import { makeAppContext, type Env, type OpenAppContext } from '../app/app-context.js';
import { loadConfig } from '../app/config.js';
import { runOperation } from '../app/operations.js';
import { parseCall } from '../app/parse-call.js';
import type { OutroPaths } from '../app/paths.js';
import { openStore } from '../app/store.js';
import { errorToWire, type CallRequest, type DaemonReply } from './protocol.js';

/**
 * Answers one call from the CLI: the operation's input checked against its schema, the use case
 * run with the client's config file and clock (the daemon's own environment and data dir), its
 * result returned as data — or the error it threw, with its code. The call gets its own store
 * connection, closed when it is done.
 */
export async function answerCall(
  host: { env: Env; paths: OutroPaths },
  request: CallRequest,
): Promise<DaemonReply> {
  let ctx: OpenAppContext | undefined;
  try {
    const call = parseCall(request.name, request.input);
    ctx = makeAppContext({
      env: host.env,
      paths: { ...host.paths, configFile: request.context.configFile },
      now: request.context.now,
      loadConfig,
      openStore,
    });
    return { id: request.id, ok: true, result: await runOperation(ctx, call.name, call.input as never) };
  } catch (error) {
    return { id: request.id, ok: false, error: errorToWire(error) };
  } finally {
    ctx?.close();
  }
}
