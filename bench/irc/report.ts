/** Formats bench results beside the published numbers. */
import type { DisentanglementScores } from '../../src/eval/conversations/metrics.js';
import { PUBLISHED_TEST } from './published.js';

const pct = (value: number | undefined): string =>
  value === undefined ? '    -' : value.toFixed(1).padStart(5);

export interface Speed {
  messages: number;
  disentangleMs: number;
  endToEndMs: number;
  /** CPU time of the end-to-end pass. */
  cpuMs: number;
}

export function formatReport(
  split: string,
  files: number,
  scores: DisentanglementScores,
  speed: Speed,
  version: string,
): string {
  const s = scores;
  const rows = [
    `IRC disentanglement (Kummerfeld et al. 2019), split ${split}: ${files} files, ${s.messages} scored messages; model ${version}`,
    '',
    `${'system'.padEnd(30)} ${'linkP'.padStart(5)} ${'linkR'.padStart(5)} ${'linkF'.padStart(5)} ${'VI'.padStart(5)} ${'1-1'.padStart(5)} ${'convP'.padStart(5)} ${'convR'.padStart(5)} ${'convF'.padStart(5)}`,
    `${`outro (${split})`.padEnd(30)} ${pct(100 * s.link.precision)} ${pct(100 * s.link.recall)} ${pct(100 * s.link.f1)} ${pct(100 * s.vi)} ${pct(100 * s.oneToOne)} ${pct(100 * s.conversation.precision)} ${pct(100 * s.conversation.recall)} ${pct(100 * s.conversation.f1)}`,
    ...PUBLISHED_TEST.map(
      (row) =>
        `${`${row.system} (test)`.padEnd(30)} ${pct(undefined)} ${pct(undefined)} ${pct(row.linkF)} ${pct(row.vi)} ${pct(row.oneToOne)} ${pct(undefined)} ${pct(undefined)} ${pct(row.convF)}`,
    ),
    '',
    'VI = 1 − VI/log2(n); 1-1 = one-to-one overlap; conv = exact-match conversations (single-message ones left out).',
    `speed: ${Math.round((speed.messages / speed.disentangleMs) * 1000).toLocaleString('en-US')} messages/s disentangling only, ` +
      `${Math.round((speed.messages / speed.endToEndMs) * 1000).toLocaleString('en-US')} messages/s end to end (read, parse, disentangle, links), ` +
      `${Math.round((speed.messages / speed.cpuMs) * 1000).toLocaleString('en-US')} messages per CPU second end to end, ` +
      `over ${speed.messages.toLocaleString('en-US')} log lines (context lines included), one thread.`,
  ];
  return rows.join('\n');
}
