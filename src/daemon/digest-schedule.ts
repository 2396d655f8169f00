import { Cron } from 'croner';
import { OutroError } from '../domain/errors.js';

/** The fire times of a cron expression, computed with croner (no timers of its own). */
export class CronTimes {
  private readonly cron: Cron;

  constructor(
    readonly pattern: string,
    readonly timezone?: string,
  ) {
    try {
      this.cron = new Cron(pattern, { paused: true, timezone });
    } catch (cause) {
      throw new OutroError(
        'CONFIG_INVALID',
        `digest.schedule "${pattern}" is not a cron expression (${(cause as Error).message}). Example: "0 8 * * 1-5" (08:00 on weekdays).`,
        { cause },
      );
    }
  }

  /** The first fire strictly after `after`, or undefined when the pattern never fires again. */
  next(after: Date): Date | undefined {
    return this.cron.nextRun(after) ?? undefined;
  }

  /** The latest fire in (after, until], or undefined when none. */
  latestBetween(after: Date, until: Date): Date | undefined {
    let latest: Date | undefined;
    let cursor = this.next(after);
    for (let guard = 0; cursor && cursor.getTime() <= until.getTime() && guard < 100_000; guard++) {
      latest = cursor;
      cursor = this.next(cursor);
    }
    return latest;
  }
}

export interface DigestSchedulerOptions {
  times: CronTimes;
  now: () => Date;
  /** The last fire already handled (from the state file); undefined on the very first start. */
  lastFire: Date | undefined;
  /** Writes the digest for a fire time; must be idempotent for the same time. */
  fire: (fireTime: Date, info: { missed: boolean }) => Promise<{ file: string; written: boolean } | void>;
  /** Persists the handled fire time (called after `fire` succeeds). */
  remember: (fireTime: Date) => void;
  /** Checks at least this often, so a wake from sleep is noticed within it. */
  tickMs?: number;
  log?: (level: 'info' | 'error', message: string, fields?: Record<string, unknown>) => void;
}

/**
 * Fires the digest schedule. Instead of trusting one long timer (which a laptop's sleep stretches),
 * it checks the wall clock every `tickMs` and whenever the next fire is due: every fire time in
 * (last handled, now] is due, and only the LATEST of them runs — a night of missed fires after a
 * sleep produces one digest on wake, not many. The handled time is stored, so a restart or a
 * second check never fires the same time twice.
 */
export class DigestScheduler {
  private timer: NodeJS.Timeout | undefined;
  private lastFire: Date;
  private lastCheck: Date;
  private checking: Promise<void> | undefined;
  private stopped = false;
  lastResult:
    | { fireTime: string; ok: boolean; missed: boolean; file?: string; written?: boolean; error?: string }
    | undefined;

  constructor(private readonly options: DigestSchedulerOptions) {
    const now = options.now();
    // First start ever: do not replay fires from before the daemon existed.
    this.lastFire = options.lastFire ?? now;
    this.lastCheck = now;
  }

  start(): void {
    this.stopped = false;
    void this.check();
  }

  /** The next fire after the last handled one (what `daemon status` shows). */
  nextFire(): Date | undefined {
    const now = this.options.now();
    const from = this.lastFire.getTime() > now.getTime() ? this.lastFire : now;
    return this.options.times.next(from);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.checking;
  }

  /** Runs the latest due fire, if any; public so tests and a wake signal can force a check. */
  check(): Promise<void> {
    this.checking ??= this.runCheck().finally(() => {
      this.checking = undefined;
      this.arm();
    });
    return this.checking;
  }

  private async runCheck(): Promise<void> {
    const now = this.options.now();
    const tick = this.options.tickMs ?? 30_000;
    const gap = now.getTime() - this.lastCheck.getTime();
    if (gap > tick * 3 + 60_000)
      this.options.log?.('info', 'wall clock jumped (sleep or clock change)', {
        seconds: Math.round(gap / 1000),
      });
    this.lastCheck = now;
    const due = this.options.times.latestBetween(this.lastFire, now);
    if (!due) return;
    const missed = now.getTime() - due.getTime() > tick * 2;
    try {
      const outcome = await this.options.fire(due, { missed });
      this.lastResult = {
        fireTime: due.toISOString(),
        ok: true,
        missed,
        ...(outcome ? { file: outcome.file, written: outcome.written } : {}),
      };
    } catch (error) {
      // A failed digest is logged and not retried until the next fire time (no hot loop).
      this.lastResult = { fireTime: due.toISOString(), ok: false, missed, error: (error as Error).message };
      this.options.log?.('error', `digest for ${due.toISOString()} failed: ${(error as Error).message}`, {
        fireTime: due.toISOString(),
        error: (error as Error).message,
      });
    }
    this.lastFire = due;
    this.options.remember(due);
  }

  private arm(): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    const tick = this.options.tickMs ?? 30_000;
    const next = this.nextFire();
    const untilNext = next ? next.getTime() - this.options.now().getTime() : tick;
    this.timer = setTimeout(() => void this.check(), Math.max(50, Math.min(tick, untilNext + 50)));
    this.timer.unref?.();
  }
}
