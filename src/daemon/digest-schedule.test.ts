import { afterEach, describe, expect, it } from 'vitest';
import { CronTimes, DigestScheduler } from './digest-schedule.js';

function setup(pattern: string, start: string, lastFire?: string, fail = false) {
  let now = new Date(start);
  const fired: Array<{ at: string; missed: boolean }> = [];
  const remembered: string[] = [];
  const scheduler = new DigestScheduler({
    times: new CronTimes(pattern, 'UTC'),
    now: () => new Date(now),
    lastFire: lastFire ? new Date(lastFire) : undefined,
    tickMs: 60_000,
    fire: async (fireTime, { missed }) => {
      fired.push({ at: fireTime.toISOString(), missed });
      if (fail) throw new Error('disk full');
    },
    remember: (fireTime) => remembered.push(fireTime.toISOString()),
  });
  return { scheduler, fired, remembered, setNow: (iso: string) => (now = new Date(iso)) };
}

describe('DigestScheduler', () => {
  const running: DigestScheduler[] = [];
  afterEach(async () => {
    for (const scheduler of running.splice(0)) await scheduler.stop();
  });

  it('runs only the latest of several fires missed during a sleep, once', async () => {
    const { scheduler, fired, remembered, setNow } = setup(
      '0 8,10 * * *',
      '2026-03-02T07:00:00Z',
      '2026-03-01T10:00:00Z',
    );
    running.push(scheduler);
    await scheduler.check();
    expect(fired).toEqual([]);
    expect(scheduler.nextFire()?.toISOString()).toBe('2026-03-02T08:00:00.000Z');
    setNow('2026-03-02T11:30:00Z'); // woke up after 08:00 and 10:00 passed
    await scheduler.check();
    await scheduler.check();
    expect(fired).toEqual([{ at: '2026-03-02T10:00:00.000Z', missed: true }]);
    expect(remembered).toEqual(['2026-03-02T10:00:00.000Z']);
    expect(scheduler.nextFire()?.toISOString()).toBe('2026-03-03T08:00:00.000Z');
  });

  it('fires on time when the clock reaches the fire time, not missed', async () => {
    const { scheduler, fired, setNow } = setup('0 8 * * *', '2026-03-02T07:59:00Z', '2026-03-01T08:00:00Z');
    running.push(scheduler);
    setNow('2026-03-02T08:00:01Z');
    await scheduler.check();
    expect(fired).toEqual([{ at: '2026-03-02T08:00:00.000Z', missed: false }]);
  });

  it('does not replay fires from before the first start ever', async () => {
    const { scheduler, fired } = setup('0 8 * * *', '2026-03-02T12:00:00Z');
    running.push(scheduler);
    await scheduler.check();
    expect(fired).toEqual([]);
  });

  it('records a failed fire and does not retry it until the next fire time', async () => {
    const { scheduler, fired, remembered } = setup(
      '0 8 * * *',
      '2026-03-02T09:00:00Z',
      '2026-03-01T08:00:00Z',
      true,
    );
    running.push(scheduler);
    await scheduler.check();
    await scheduler.check();
    expect(fired).toHaveLength(1);
    expect(remembered).toEqual(['2026-03-02T08:00:00.000Z']);
    expect(scheduler.lastResult).toMatchObject({ ok: false, error: 'disk full' });
  });

  it('rejects a schedule that is not a cron expression, saying how to write one', () => {
    expect(() => new CronTimes('every morning')).toThrow(/0 8 \* \* 1-5/);
  });
});
