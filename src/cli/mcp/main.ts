import { toOutroError } from '../../domain/errors.js';
import { createContext } from '../context.js';
import type { MainResult } from '../main.js';
import { serveMcp } from './serve.js';

/**
 * `outro mcp` without commander: bin/outro comes here when `mcp` is the only argument, the way an
 * assistant starts it, so the server answers `initialize` sooner (the commander program and every
 * command's registration are never loaded). Other forms (`outro --config F mcp`, `mcp --help`) go
 * through main().
 */
export async function mainMcp(): Promise<MainResult> {
  let ctx: ReturnType<typeof createContext> | undefined;
  try {
    ctx = createContext();
    await serveMcp(ctx);
    return {};
  } catch (caught) {
    const error = toOutroError(caught);
    process.stderr.write(`outro: ${error.message}\n`);
    return { code: error.code };
  } finally {
    ctx?.close();
  }
}
