/**
 * Self-introductions ("Lou here", "I'm Leila from Brightwater"): which chat messages may open with
 * one. The exact filter is SQL (`introductionFilter`: the cues in the first 200 characters, ASCII case
 * folded, as SQLite's lower() and LIKE do); `mayIntroduce` is a cheaper superset a writer checks
 * in JavaScript before keeping a message aside (people-queries.ts reads those with the SQL filter).
 */
export const INTRODUCTION_CUES = [
  ' here',
  "it's ",
  'its ',
  'this is ',
  "i'm ",
  'i’m ',
  'im ',
  'i am ',
  'my name is ',
];

/** The SQL condition over a text expression, with one `?` per cue (bind `introductionPatterns()`). */
export function introductionFilter(text: string): string {
  const head = `lower(substr(${text}, 1, 200))`;
  return `(${INTRODUCTION_CUES.map(() => `${head} LIKE ?`).join(' OR ')})`;
}

export function introductionPatterns(): string[] {
  return INTRODUCTION_CUES.map((cue) => `%${cue}%`);
}

/**
 * True for every text the SQL filter accepts (and some it does not): the first 400 UTF-16 units hold
 * at least the first 200 characters, and JavaScript's lowercasing folds ASCII as SQLite does (and more).
 */
export function mayIntroduce(text: string): boolean {
  const head = text.slice(0, 400).toLowerCase();
  return INTRODUCTION_CUES.some((cue) => head.includes(cue));
}
