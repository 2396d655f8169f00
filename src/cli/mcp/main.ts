import { toOutroError } from '../../domain/errors.js';
import { createContext } from '../context.js';
import type { MainResult } from '../main.js';
import { outroVersion } from '../version.js';
import { initializeResult } from './server-info.js';
import { StdioLines } from './stdio-lines.js';
import { TOOLS_LIST } from './tools-list.generated.js';

/**
 * `outro mcp` without commander: bin/outro comes here when `mcp` is the only argument, the way an
 * assistant starts it. It loads neither commander nor, until the client's first message is in and
 * `initialize` is answered, the MCP SDK and zod (most of a start): stdin is read at once and the
 * server (./serve.ts) is imported after the reply; `tools/list` asked while it loads is answered
 * from ./tools-list.generated.ts. Store, graph and answer code load on the first
 * tool call. Other forms (`outro --config F mcp`, `mcp --help`) go through main().
 */
export async function mainMcp(): Promise<MainResult> {
  let ctx: ReturnType<typeof createContext> | undefined;
  try {
    ctx = createContext();
    const transport = new StdioLines(process.stdin, process.stdout, ctx.stderr, {
      initialize: (requested) => initializeResult(requested, outroVersion()),
      toolsList: TOOLS_LIST,
    });
    transport.listen();
    await transport.firstLine;
    const { serveMcp } = await import('./serve.js');
    await serveMcp(ctx, { transport });
    return {};
  } catch (caught) {
    const error = toOutroError(caught);
    process.stderr.write(`outro: ${error.message}\n`);
    return { code: error.code };
  } finally {
    ctx?.close();
  }
}
