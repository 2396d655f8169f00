/** The dataset's link format: one `A B -` line per link, B replies to A (A <= B), `B B -` starts a conversation. */

export interface LineLink {
  /** The later message (0-based line number). */
  source: number;
  /** What it replies to (itself for a conversation start). */
  target: number;
}

export function readAnnotation(text: string): LineLink[] {
  const out: LineLink[] = [];
  for (const line of text.split(/\r?\n/u)) {
    const nums = line
      .trim()
      .split(/\s+/u)
      .filter((part) => part !== '-' && part !== '')
      .map(Number);
    if (nums.length < 2 || nums.some((num) => !Number.isInteger(num))) continue;
    const source = Math.max(nums[0], nums[1]);
    const target = Math.min(nums[0], nums[1]);
    out.push({ source, target });
  }
  return out;
}

export function writeAnnotation(links: readonly LineLink[]): string {
  const sorted = [...links].sort((a, b) => a.source - b.source || a.target - b.target);
  return sorted.map(({ source, target }) => `${target} ${source} -\n`).join('');
}
