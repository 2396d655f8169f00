/**
 * Words for entity lookup: lowercase letters and digits, English stopwords dropped, a light
 * suffix-stripping stem so "services" finds "service". The in-memory store indexes with it, and
 * the ask resolver uses it to decide whether a candidate really matches (whatever engine found it).
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  'a an and are as at be but by for from has have i if in into is it its me my no not of on or our so that the their them then there these they this to was we were what when where which who whom why will with you your'.split(
    ' ',
  ),
);

export function searchWords(text: string): string[] {
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !STOPWORDS.has(word));
  return [...new Set(words.map(stem))];
}

/** Strips common English suffixes; deliberately small (plurals, -ing, -ed). */
export function stem(word: string): string {
  if (word.length <= 3 || /^\d+$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is'))
    return word.slice(0, -1);
  return word;
}

/** The text an entity is found by (its name and aliases), as both graph engines index it. */
export function componentSearchText(component: { name: string | null; aliases: readonly string[] }): string {
  return [component.name ?? '', ...component.aliases].filter((value) => value !== '').join(' | ');
}
