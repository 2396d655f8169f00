import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ProgressLine, showsProgress } from './progress.js';

function terminal(columns = 200) {
  const stream = Object.assign(new PassThrough(), { isTTY: true, columns });
  let written = '';
  stream.on('data', (chunk: Buffer) => (written += chunk.toString()));
  /** The line as the terminal shows it now: what follows the last carriage return and erase. */
  const shown = () => written.split('\r\x1b[K').pop() ?? '';
  return { stream, written: () => written, shown };
}

describe('showsProgress', () => {
  const tty = { isTTY: true } as NodeJS.WritableStream & { isTTY: boolean };
  it('shows progress on a terminal only: not piped, not with --json, not under CI or NO_COLOR, not on a dumb terminal', () => {
    expect(showsProgress(tty, {}, false)).toBe(true);
    expect(showsProgress(tty, { CI: 'false' }, false)).toBe(true);
    expect(showsProgress({ isTTY: false } as typeof tty, {}, false)).toBe(false);
    expect(showsProgress(tty, {}, true)).toBe(false);
    expect(showsProgress(tty, { CI: 'true' }, false)).toBe(false);
    expect(showsProgress(tty, { NO_COLOR: '1' }, false)).toBe(false);
    expect(showsProgress(tty, { TERM: 'dumb' }, false)).toBe(false);
  });
});

describe('ProgressLine', () => {
  it('shows files of a folder, messages, their rate and an ETA while ingesting', () => {
    const { stream, shown } = terminal();
    let now = 0;
    const line = new ProgressLine(stream, () => now);
    line.ingest({ type: 'input', path: 'slack.zip', format: 'slack-export', files: 10 });
    expect(shown()).toBe('reading slack.zip');
    for (let file = 1; file <= 4; file++) {
      now = file * 500;
      line.ingest({ type: 'batch', path: `general/${file}.json`, events: 120, messages: 100, appended: 120 });
    }
    // 4 of 10 files in 2 s: 6 left at 2 files/s.
    expect(shown()).toBe('reading slack.zip 4/10 files · 400 messages · 200 msg/s · ETA 3s');
  });

  it('shows each agent stage with what it handled, what waits, the rate and an ETA, and what waits for later stages', () => {
    const { stream, shown } = terminal();
    let now = 0;
    const line = new ProgressLine(stream, () => now);
    line.agents({ agent: 'conversations', handled: 500, pending: 1500 });
    now = 2000;
    line.agents({ agent: 'conversations', handled: 1000, pending: 1000 });
    expect(shown()).toBe('agents: conversations 1,000 handled, 1,000 waiting · 500 events/s · ETA 2s');
    now = 2200;
    line.agents({ agent: 'annotations', handled: 50, pending: 950 });
    expect(shown()).toBe('agents: annotations 50 handled, 950 waiting (then conversations 1,000)');
  });

  it('redraws at most every 100 ms, shows replay phases, and clears its line when done', () => {
    const { stream, written, shown } = terminal();
    let now = 0;
    const line = new ProgressLine(stream, () => now);
    line.replay({ phase: 'reading', events: 10_000, total: 40_000 });
    now = 50;
    line.replay({ phase: 'reading', events: 20_000, total: 40_000 });
    expect(shown()).toBe('replay: reading the log 10,000/40,000 events');
    now = 1000;
    line.replay({ phase: 'reading', events: 20_000, total: 40_000 });
    expect(shown()).toBe('replay: reading the log 20,000/40,000 events · 20,000 events/s · ETA 1s');
    line.replay({ phase: 'loading', events: 40_000, total: 40_000 });
    expect(shown()).toBe('replay: loading the graph (40,000 events read)');
    line.done();
    expect(written().endsWith('\r\x1b[K')).toBe(true);
    expect(shown()).toBe('');
  });

  it('cuts a line wider than the terminal', () => {
    const { stream, shown } = terminal(20);
    new ProgressLine(stream, () => 0).ingest({
      type: 'input',
      path: 'a/very/long/path/to/an/export.zip',
      format: 'slack-export',
      files: 1,
    });
    expect(shown()).toBe('reading a/very/lon…');
  });
});
