import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What one `outro` command did under the fuzzer: its status, whether it hung, its peak memory. */
export interface Step {
  args: string[];
  status: number | null;
  signal: string | null;
  /** Killed by the fuzzer: ran past the time limit. */
  hung: boolean;
  /** Killed by the fuzzer: resident memory past the kill ceiling. */
  killedForMemory: boolean;
  ms: number;
  /** Peak resident memory of the process (MiB): /usr/bin/time's, or the highest polled from /proc. */
  maxRssMb: number;
  stderr: string;
}

const TIME = '/usr/bin/time';

function rssKiB(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/**
 * Runs `node bin/outro ARGS` in its own process group, through /usr/bin/time where there is one;
 * polls /proc every 200 ms and kills the group past `timeoutMs` or `killRssMb`.
 */
export async function runOutro(
  bin: string,
  args: string[],
  env: Record<string, string>,
  options: { timeoutMs: number; killRssMb: number; scratch: string },
): Promise<Step> {
  const timeFile = join(options.scratch, `time-${process.pid}-${Date.now()}-${Math.random()}.txt`);
  const command = existsSync(TIME)
    ? [TIME, '-f', '%M', '-o', timeFile, process.execPath, bin, ...args]
    : [process.execPath, bin, ...args];
  const started = performance.now();
  const child = spawn(command[0], command.slice(1), {
    env,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    if (stderr.length < 64_000) stderr += chunk;
  });
  let hung = false;
  let killedForMemory = false;
  let peakKiB = 0;
  const kill = (): void => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  const poll = setInterval(() => {
    const pids = [child.pid!, ...children(child.pid!)];
    const kib = Math.max(...pids.map(rssKiB));
    peakKiB = Math.max(peakKiB, kib);
    if (kib / 1024 > options.killRssMb) {
      killedForMemory = true;
      kill();
    }
  }, 200);
  const timer = setTimeout(() => {
    hung = true;
    kill();
  }, options.timeoutMs);
  const [status, signal] = await new Promise<[number | null, string | null]>((done) =>
    child.on('close', (code, sig) => done([code, sig])),
  );
  clearInterval(poll);
  clearTimeout(timer);
  let timeKiB = 0;
  if (existsSync(timeFile)) {
    const last = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1) ?? '';
    timeKiB = /^\d+$/.test(last) ? Number(last) : 0;
  }
  return {
    args,
    status,
    signal,
    hung,
    killedForMemory,
    ms: performance.now() - started,
    maxRssMb: Math.max(peakKiB, timeKiB) / 1024,
    stderr,
  };
}
