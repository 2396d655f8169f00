import type { IngestProgress } from '../app/ingest.js';
import type { ReplayProgress } from '../memory/graph/rebuild.js';
import type { AgentProgress } from '../runtime/agents/agent-runtime.js';
import { plural } from './output.js';

type Stream = NodeJS.WritableStream & { isTTY?: boolean };

/**
 * Progress goes to stderr on a terminal only: never when stderr is piped, with --json, under CI
 * (CI set, not "false"/"0"), with NO_COLOR set, or on a dumb terminal.
 */
export function showsProgress(
  stderr: Stream,
  env: Readonly<Record<string, string | undefined>>,
  json: boolean | undefined,
): boolean {
  if (json || !stderr.isTTY) return false;
  if (env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0') return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return env.TERM !== 'dumb';
}

const count = (n: number): string => n.toLocaleString('en-US');

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60
    ? `${minutes}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`
    : `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, '0')}m`;
}

/** Per second, once a second of work has passed. */
function perSecond(done: number, elapsedMs: number): number | undefined {
  return elapsedMs < 1000 || done === 0 ? undefined : done / (elapsedMs / 1000);
}

/** " · 2,300 msg/s", or nothing before the first second. */
function rate(done: number, unit: string, elapsedMs: number): string {
  const speed = perSecond(done, elapsedMs);
  return speed === undefined ? '' : ` · ${count(Math.round(speed))} ${unit}/s`;
}

/** " · ETA 12s" from the pace so far, or nothing before the first second or when nothing is left. */
function eta(done: number, total: number, elapsedMs: number): string {
  const speed = perSecond(done, elapsedMs);
  return speed === undefined || total <= done ? '' : ` · ETA ${duration((total - done) / speed)}`;
}

/**
 * One status line on stderr, redrawn in place at most every 100 ms (the last state always shows
 * when `done()` clears it): files and messages read while ingesting, then each agent stage with
 * what it handled and what still waits, rates and ETAs; for replay, events read then the load.
 */
export class ProgressLine {
  private last = 0;
  private shown = false;
  private line = '';
  // Ingest
  private input: { path: string; files: number; done: number; started: number } | undefined;
  private messages = 0;
  private readStarted: number | undefined;
  // Agents: when each started, and what each still has waiting.
  private readonly agentStarted = new Map<string, number>();
  private readonly waiting = new Map<string, number>();
  // Replay
  private replayStarted: number | undefined;

  constructor(
    private readonly stream: Stream,
    private readonly now: () => number = () => performance.now(),
  ) {}

  ingest = (progress: IngestProgress): void => {
    const at = this.now();
    this.readStarted ??= at;
    if (progress.type === 'input') {
      this.input = { path: progress.path, files: progress.files, done: 0, started: at };
      this.draw(`reading ${progress.path}`, true);
      return;
    }
    if (progress.type !== 'batch' || !this.input) return;
    this.input.done++;
    this.messages += progress.messages;
    const { path, files, done, started } = this.input;
    const of = files > 1 ? ` ${count(Math.min(done, files))}/${plural(files, 'file')}` : '';
    this.draw(
      `reading ${path}${of} · ${plural(this.messages, 'message')}${rate(this.messages, 'msg', at - this.readStarted)}${files > 1 ? eta(done, files, at - started) : ''}`,
    );
  };

  agents = (progress: AgentProgress): void => {
    const at = this.now();
    if (!this.agentStarted.has(progress.agent)) this.agentStarted.set(progress.agent, at);
    this.waiting.set(progress.agent, progress.pending);
    const elapsed = at - this.agentStarted.get(progress.agent)!;
    const others = [...this.waiting].filter(([agent, pending]) => agent !== progress.agent && pending > 0);
    const later =
      others.length > 0
        ? ` (then ${others.map(([agent, pending]) => `${agent} ${count(pending)}`).join(', ')})`
        : '';
    this.draw(
      `agents: ${progress.agent} ${count(progress.handled)} handled, ${count(progress.pending)} waiting${rate(progress.handled, 'events', elapsed)}${eta(progress.handled, progress.handled + progress.pending, elapsed)}${later}`,
    );
  };

  replay = (progress: ReplayProgress): void => {
    const at = this.now();
    this.replayStarted ??= at;
    if (progress.phase === 'loading')
      this.draw(`replay: loading the graph (${plural(progress.events, 'event')} read)`, true);
    else
      this.draw(
        `replay: reading the log ${count(progress.events)}/${count(progress.total)} events${rate(progress.events, 'events', at - this.replayStarted)}${eta(progress.events, progress.total, at - this.replayStarted)}`,
      );
  };

  /** Clears the line, so the command's own output starts on a clean one. */
  done(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }

  private draw(line: string, force = false): void {
    const at = this.now();
    this.line = line;
    if (!force && this.shown && at - this.last < 100) return;
    this.last = at;
    this.shown = true;
    const width = (this.stream as { columns?: number }).columns ?? 100;
    this.stream.write(
      `\r\x1b[K${this.line.length > width - 1 ? `${this.line.slice(0, width - 2)}…` : this.line}`,
    );
  }
}
