import { z } from 'zod';

/**
 * The daemon's socket protocol: newline-delimited JSON, one request per line, one reply per
 * request (matched by `id`; replies may come back in any order). `op` defaults to `run`.
 */
export const RunRequestSchema = z.object({
  id: z.union([z.string(), z.number()]),
  op: z.literal('run').default('run'),
  /** The CLI arguments after `outro`, exactly as typed. */
  argv: z.array(z.string()),
  /** The client's working directory: relative paths in argv resolve against it. */
  cwd: z.string(),
  /** The subset of the client's environment that changes a command's result. */
  env: z.object({ OUTRO_NOW: z.string().optional(), OUTRO_CONFIG: z.string().optional() }).default({}),
  stdoutIsTTY: z.boolean().default(false),
});

export const ControlRequestSchema = z.object({
  id: z.union([z.string(), z.number()]),
  op: z.enum(['ping', 'status', 'stop']),
});

export const RequestSchema = z.union([ControlRequestSchema, RunRequestSchema]);

export type RunRequest = z.infer<typeof RunRequestSchema>;
export type ControlRequest = z.infer<typeof ControlRequestSchema>;
export type DaemonRequest = z.infer<typeof RequestSchema>;

/** What running one CLI command in the daemon produced. */
export interface RunReply {
  id: string | number;
  /** 0 on success, 1 otherwise; `code` is the stable error code bin/outro maps to an exit status. */
  exitCode: number;
  code?: string;
  stdout: string;
  stderr: string;
}

export interface ControlReply {
  id: string | number;
  ok: boolean;
  result?: unknown;
  error?: { code: string; message: string };
}

export type DaemonReply = RunReply | ControlReply;

/** The env keys forwarded with a command (see RunRequestSchema.env). */
export const FORWARDED_ENV = ['OUTRO_NOW', 'OUTRO_CONFIG'] as const;

/** Splits a byte stream into lines; calls `onLine` for each complete one. */
export function lineReader(onLine: (line: string) => void): (chunk: Buffer | string) => void {
  let buffered = '';
  return (chunk) => {
    buffered += chunk.toString();
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      if (line.trim() !== '') onLine(line);
      newline = buffered.indexOf('\n');
    }
  };
}
