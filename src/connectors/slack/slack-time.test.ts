import { describe, expect, it } from 'vitest';
import { slackTsToIso } from '../../domain/time.js';
import { slackTimeToIso } from './slack-time.js';

describe('slackTimeToIso', () => {
  it('gives exactly what slackTsToIso gives, across days, years and rounding edges', () => {
    const samples: unknown[] = [
      '1452837318.000002',
      '1736124366.9995',
      '1736124366.0005',
      '1736121599.9999',
      '1736121600',
      '0.5',
      '1',
      1459052866,
      '253402300799.999',
      '253402300800.5',
    ];
    let seed = 7;
    for (let i = 0; i < 20_000; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      samples.push(`${seed % 2_000_000_000}.${String(seed % 1_000_000).padStart(6, '0')}`);
    }
    for (const ts of samples) expect(slackTimeToIso(ts)).toBe(slackTsToIso(ts));
  });

  it('refuses what is not a positive time', () => {
    for (const ts of ['', 'abc', '-5', 0, null, undefined, {}, Number.NaN])
      expect(slackTimeToIso(ts)).toBeUndefined();
  });
});
