// Preloaded into a child outro (node --import): on exit, writes its wall time and peak RSS to
// $OUTRO_USAGE_FILE, so a test can hold a run to a time and memory ceiling.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const file = process.env.OUTRO_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ ms: performance.now(), maxRssKiB: usage.maxRSS }));
  });
}
