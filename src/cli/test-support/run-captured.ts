import { PassThrough } from 'node:stream';
import { runLocal } from '../main.js';

/** Runs the CLI in this process (no daemon) with its output captured, for command tests. */
export async function runCaptured(
  env: NodeJS.ProcessEnv,
  argv: string[],
): Promise<{ code?: string; stdout: string; stderr: string }> {
  const [stdout, stderr] = [new PassThrough(), new PassThrough()];
  const chunks: string[][] = [[], []];
  stdout.on('data', (chunk: Buffer) => chunks[0].push(chunk.toString()));
  stderr.on('data', (chunk: Buffer) => chunks[1].push(chunk.toString()));
  const result = await runLocal(argv, { env, stdout, stderr });
  return { code: result.code, stdout: chunks[0].join(''), stderr: chunks[1].join('') };
}
