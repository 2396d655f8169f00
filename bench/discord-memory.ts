/**
 * Peak memory of `outro ingest` over a generated DiscordChatExporter channel (issue 16).
 *
 *   npx tsx bench/discord-memory.ts [--messages 200000] [--runs 1] [--no-agents] [--timeline FILE]
 *
 * Generates one channel (a message every 37 s, 5 authors) once per size under the temp dir, then
 * runs the built CLI (`npm run build` first) into a fresh OUTRO_HOME per run, sampling VmRSS,
 * RssAnon and RssFile from /proc every 0.5 s. Prints peak RSS, its split at the peak, and CPU
 * seconds (user+sys, /usr/bin/time). `--timeline FILE` writes each sample (seconds, MB) with the
 * stderr lines the CLI printed since the last one, to see which phase holds the peak.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeDiscordExport } from '../test/hostile/support/inputs.js';

interface Sample {
  t: number;
  rss: number;
  anon: number;
  file: number;
  lines: string[];
}

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
};
const messages = Number(option('--messages', '200000'));
const runs = Number(option('--runs', '1'));
const timeline = option('--timeline', '');
const agents = !args.includes('--no-agents');

const file = join(tmpdir(), `outro-discord-${messages}.json`);
if (!existsSync(file)) await writeDiscordExport(file, { messages });

for (let run = 1; run <= runs; run++) {
  const home = mkdtempSync(join(tmpdir(), 'outro-mem-'));
  const load = loadavg()[0];
  const result = await measure(home);
  rmSync(home, { recursive: true, force: true });
  const peak = result.samples.reduce(
    (best, sample) => (sample.rss > best.rss ? sample : best),
    result.samples[0],
  );
  console.log(
    `run ${run}: ${messages} messages${agents ? '' : ' --no-agents'}: peak ${peak.rss.toFixed(0)} MB ` +
      `(anon ${peak.anon.toFixed(0)}, file ${peak.file.toFixed(0)}) at ${peak.t.toFixed(1)} s of ` +
      `${result.wall.toFixed(1)} s; max RSS ${result.maxRssMb.toFixed(0)} MB; CPU ${result.cpu.toFixed(1)} s; ` +
      `exit ${result.code}; load ${load.toFixed(1)}`,
  );
  if (timeline)
    writeFileSync(
      runs > 1 ? `${timeline}.${run}` : timeline,
      result.samples
        .map(
          (s) =>
            `${s.t.toFixed(1)}\t${s.rss.toFixed(0)}\t${s.anon.toFixed(0)}\t${s.file.toFixed(0)}` +
            (s.lines.length > 0 ? `\t${s.lines.join(' | ').slice(0, 300)}` : ''),
        )
        .join('\n') + '\n',
    );
}

async function measure(
  home: string,
): Promise<{ samples: Sample[]; wall: number; cpu: number; maxRssMb: number; code: number | null }> {
  const timeFile = join(home, 'time.txt');
  const cli = ['bin/outro', 'ingest', file, ...(agents ? [] : ['--no-agents'])];
  const child = spawn('/usr/bin/time', ['-f', '%U %S %M', '-o', timeFile, process.execPath, ...cli], {
    env: { ...process.env, OUTRO_HOME: home, OUTRO_NO_DAEMON: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const started = performance.now();
  const samples: Sample[] = [];
  let lines: string[] = [];
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    for (const line of chunk.split(/[\r\n]+/)) if (line.trim() !== '') lines.push(line.trim());
  });
  const sample = (): void => {
    const pid = nodePid(child.pid!);
    if (pid === undefined) return;
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (key: string): number =>
        Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
      samples.push({
        t: (performance.now() - started) / 1000,
        rss: kb('VmRSS'),
        anon: kb('RssAnon'),
        file: kb('RssFile'),
        lines,
      });
      lines = [];
    } catch {
      // exited between the look-up and the read
    }
  };
  const timer = setInterval(sample, 500);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(timer);
  const [user, sys, maxKb] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return {
    samples,
    wall: (performance.now() - started) / 1000,
    cpu: user + sys,
    maxRssMb: maxKb / 1024,
    code,
  };
}

/** The node process under /usr/bin/time. */
function nodePid(timePid: number): number | undefined {
  try {
    const children = readFileSync(`/proc/${timePid}/task/${timePid}/children`, 'utf8').trim();
    return children === '' ? undefined : Number(children.split(' ')[0]);
  } catch {
    return undefined;
  }
}
