/** Who a message addresses or mentions, found from the names authors go by. */

const EDGE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const COMMON = new Set(
  'the and you all any one what how who why yes not but can for are was has had his her its out now new get got see use ' +
    'help ubuntu linux root user home here there this that then than just like some well sure okay thanks hello hey hi'.split(
      ' ',
    ),
);

const isWordChar = (code: number): boolean =>
  (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || code > 127;

/** Lower-case `word` without leading and trailing punctuation (a fast path for ASCII; others go through the regex). */
function trimWord(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && !isWordChar(word.charCodeAt(start))) start++;
  while (end > start && !isWordChar(word.charCodeAt(end - 1))) end--;
  const trimmed = start === 0 && end === word.length ? word : word.slice(start, end);
  return /[^\x00-\x7f]/u.test(trimmed) ? normalizeName(trimmed) : trimmed;
}

export function normalizeName(name: string): string {
  return name.toLowerCase().replace(EDGE, '');
}

/** The forms a name is typed in: as is, without trailing digits or underscores, before a `|`, first word. */
export function nameVariants(name: string): string[] {
  const base = normalizeName(name);
  const out = new Set<string>();
  if (base.length >= 2) out.add(base);
  const stripped = base.replace(/[\d_^`|-]+$/u, '').replace(EDGE, '');
  if (stripped.length >= 3) out.add(stripped);
  const beforeBar = normalizeName(base.split(/[|]/u)[0] ?? '');
  if (beforeBar.length >= 3) out.add(beforeBar);
  const words = base
    .split(/\s+/u)
    .map(normalizeName)
    .filter((word) => word.length > 0);
  if (words.length > 1) {
    if (words[0].length >= 2) out.add(words[0]);
    out.add(words.join(''));
  }
  return [...out];
}

export interface Addressing {
  /** Authors named at the start of the message (`nick: …`, `nick, …`, `@name …`). */
  addressed: string[];
  /** Authors named anywhere, the addressed ones included. */
  mentioned: string[];
  /** The text after the leading addressees. */
  body: string;
}

/** Maps typed names to author ids; when two authors share a name, the most recently active wins. */
export class NameIndex {
  private readonly byName = new Map<string, string[]>();

  add(author: string, names: readonly string[]): void {
    for (const name of names) {
      for (const variant of nameVariants(name)) {
        const authors = this.byName.get(variant);
        if (!authors) this.byName.set(variant, [author]);
        else if (!authors.includes(author)) authors.push(author);
      }
    }
  }

  resolve(word: string, lastSeen: (author: string) => number): string | undefined {
    const authors = this.byName.get(word);
    if (!authors) return undefined;
    if (authors.length === 1) return authors[0];
    let best = authors[0];
    for (const author of authors) if (lastSeen(author) > lastSeen(best)) best = author;
    return best;
  }

  /** Finds addressees and mentions in `text`; `recent` lists recently active authors for abbreviated `nick:` prefixes. */
  find(
    text: string,
    self: string,
    lastSeen: (author: string) => number,
    recent: readonly string[],
    recentNames: (author: string) => readonly string[],
  ): Addressing {
    const addressed: string[] = [];
    const mentioned = new Set<string>();
    const words = text.split(/\s+/u).filter((word) => word.length > 0);
    let consumed = 0;
    for (; consumed < words.length && consumed < 4; consumed++) {
      const raw = words[consumed];
      const punctuated = /[:,>]$/u.test(raw) || raw.startsWith('@');
      const word = normalizeName(raw);
      if (word === 'and' || word === '&') continue;
      let author = word.length > 0 ? this.resolve(word, lastSeen) : undefined;
      if (author && !punctuated && (COMMON.has(word) || word.length < 3)) author = undefined;
      if (!author && punctuated && word.length >= 3) author = this.byPrefix(word, recent, recentNames);
      if (!author || author === self) break;
      if (!addressed.includes(author)) addressed.push(author);
      mentioned.add(author);
      if (!punctuated && consumed === 0 && words.length > 1 && !/[:,]$/u.test(raw)) {
        consumed++;
        break;
      }
    }
    for (let k = consumed; k < words.length; k++) {
      if (words[k].length < 3) continue;
      const word = trimWord(words[k].toLowerCase());
      if (word.length < 3 || !this.byName.has(word) || COMMON.has(word)) continue;
      const author = this.resolve(word, lastSeen);
      if (author && author !== self) mentioned.add(author);
    }
    return { addressed, mentioned: [...mentioned], body: words.slice(consumed).join(' ') };
  }

  private byPrefix(
    word: string,
    recent: readonly string[],
    recentNames: (author: string) => readonly string[],
  ): string | undefined {
    let found: string | undefined;
    for (const author of recent) {
      const names = recentNames(author);
      if (!names.some((name) => name.startsWith(word))) continue;
      if (found && found !== author) return undefined;
      found = author;
    }
    return found;
  }
}
