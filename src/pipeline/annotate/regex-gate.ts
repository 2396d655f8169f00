/**
 * A cheap test that rules a pattern out before it runs: the literal strings a regex cannot match
 * without ("taking over" for `\b(?<p>…) (?:is|'s) taking over (?:the )?(?<y>…)`), read once from its
 * source. A text that holds none of them is not tried: most chat sentences hold none of a lexicon's
 * phrasings, and the unicode, case-insensitive, backtracking patterns cost far more than a
 * `String#includes` of their words. Exact by construction: a gate says "no" only where the pattern
 * cannot match; a construct it does not read (classes with ranges, backreferences, `v` flag) is no
 * constraint, and `g`/`y` patterns (whose `lastIndex` a skipped call would not reset) are never gated.
 */

/**
 * What one part of a pattern can match: `exact` every string (when few and known); `required`
 * clauses that every match satisfies, each by holding one of the clause's strings (none: no constraint).
 */
interface Reading {
  exact: string[] | null;
  required: string[][];
}

const MAX_EXACT = 64;
const NONE: Reading = { exact: null, required: [] };
const EMPTY: Reading = { exact: [''], required: [] };
/** Escapes of punctuation that stand for the character itself. */
const ESCAPED_LITERAL = /^[.\\/\-()[\]{}?*+|^$'"`#:<>!=,;&~@%_ ]$/;
const CONTROL: Record<string, string> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v' };

/** A literal character as the gate compares it, or null when its case folds unlike `toLowerCase` (so no literal). */
function literal(char: string): string | null {
  const lower = char.toLowerCase();
  // Only ASCII letters and caseless characters: a cased non-ASCII letter may fold to others under `iu`.
  if (char.charCodeAt(0) > 0x7f && lower !== char.toUpperCase()) return null;
  return lower;
}

function exactChar(char: string | null): Reading {
  return char === null ? NONE : { exact: [char], required: char ? [[char]] : [] };
}

class Parser {
  private at = 0;
  constructor(
    private readonly source: string,
    private readonly unicode: boolean,
  ) {}

  /** The whole pattern, or null when it holds syntax this reader does not know. */
  parse(): Reading | null {
    const reading = this.disjunction();
    return this.at === this.source.length ? reading : null;
  }

  private peek(): string {
    return this.source[this.at] ?? '';
  }

  private char(): string {
    const code = this.unicode ? this.source.codePointAt(this.at) : this.source.charCodeAt(this.at);
    const char = code === undefined ? '' : String.fromCodePoint(code);
    this.at += char.length;
    return char;
  }

  private disjunction(): Reading | null {
    const alternatives: Reading[] = [];
    for (;;) {
      const alternative = this.alternative();
      if (!alternative) return null;
      alternatives.push(alternative);
      if (this.peek() !== '|') break;
      this.at++;
    }
    if (alternatives.length === 1) return alternatives[0];
    const exact = alternatives.every((a) => a.exact)
      ? [...new Set(alternatives.flatMap((a) => a.exact ?? []))]
      : null;
    // One of the alternatives matched: the union of each one's best clause holds.
    const best = alternatives.map((a) => strongest(a.required));
    const required = best.every((clause) => clause !== null) ? [[...new Set(best.flat())]] : [];
    return { exact: exact && exact.length <= MAX_EXACT ? exact : null, required };
  }

  private alternative(): Reading | null {
    const terms: Reading[] = [];
    while (this.at < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      const term = this.term();
      if (!term) return null;
      terms.push(term);
    }
    return sequence(terms);
  }

  private term(): Reading | null {
    const atom = this.atom();
    if (!atom) return null;
    const quantifier = this.quantifier();
    if (!quantifier) return atom;
    const { min, max } = quantifier;
    if (this.peek() === '?') this.at++;
    if (min === 0) {
      const exact = max === 1 && atom.exact ? [...new Set(['', ...atom.exact])] : null;
      return { exact, required: [] };
    }
    return { exact: min === 1 && max === 1 ? atom.exact : null, required: atom.required };
  }

  private quantifier(): { min: number; max: number } | null {
    const next = this.peek();
    if (next === '*' || next === '+' || next === '?') {
      this.at++;
      return { min: next === '+' ? 1 : 0, max: next === '?' ? 1 : Infinity };
    }
    if (next !== '{') return null;
    const braces = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.at));
    if (!braces) return null;
    this.at += braces[0].length;
    const min = Number(braces[1]);
    return { min, max: braces[2] === undefined ? min : braces[3] ? Number(braces[3]) : Infinity };
  }

  private atom(): Reading | null {
    const next = this.char();
    if (next === '(') return this.group();
    if (next === '[') return this.characterClass();
    if (next === '\\') return this.escape();
    if (next === '^' || next === '$') return EMPTY;
    if (next === '.') return NONE;
    if (next === ')' || next === '*' || next === '+' || next === '?' || next === '|') return null;
    if (next === '{' && /^\d/.test(this.peek())) return null;
    return exactChar(literal(next));
  }

  private group(): Reading | null {
    let lookaround = false;
    if (this.source.startsWith('?:', this.at)) this.at += 2;
    else if (/^\?<?[=!]/.test(this.source.slice(this.at, this.at + 3))) {
      lookaround = true;
      this.at += this.source[this.at + 1] === '<' ? 3 : 2;
    } else if (this.source.startsWith('?<', this.at)) {
      const name = /^\?<[\p{L}\p{N}_$]+>/u.exec(this.source.slice(this.at));
      if (!name) return null;
      this.at += name[0].length;
    } else if (this.peek() === '?') return null;
    const inside = this.disjunction();
    if (!inside || this.peek() !== ')') return null;
    this.at++;
    // A lookaround matches no text of its own.
    return lookaround ? EMPTY : inside;
  }

  private characterClass(): Reading | null {
    const chars: string[] = [];
    let plain = this.peek() !== '^';
    while (this.at < this.source.length && this.peek() !== ']') {
      const next = this.char();
      if (next === '\\') {
        const escaped = this.char();
        if (ESCAPED_LITERAL.test(escaped)) chars.push(escaped);
        else if (CONTROL[escaped]) chars.push(CONTROL[escaped]);
        else if (escaped === 'p' || escaped === 'P' || escaped === 'u' || escaped === 'x') {
          plain = false;
          if (this.peek() === '{') this.at = this.source.indexOf('}', this.at) + 1 || this.source.length;
        } else plain = false;
      } else if (next === '-' && chars.length > 0 && this.peek() !== ']') plain = false;
      else chars.push(next);
    }
    if (this.peek() !== ']') return null;
    this.at++;
    if (!plain || chars.length === 0) return NONE;
    const folded = chars.map(literal);
    if (folded.some((char) => char === null)) return NONE;
    const exact = [...new Set(folded as string[])];
    return exact.length <= MAX_EXACT ? { exact, required: [exact] } : NONE;
  }

  private escape(): Reading | null {
    const next = this.char();
    if (next === 'b' || next === 'B') return EMPTY;
    if (CONTROL[next]) return exactChar(CONTROL[next]);
    if (ESCAPED_LITERAL.test(next)) return exactChar(literal(next));
    if (next === 'p' || next === 'P') {
      if (this.peek() !== '{') return null;
      const end = this.source.indexOf('}', this.at);
      if (end < 0) return null;
      this.at = end + 1;
      return NONE;
    }
    if (/^[dDwWsS]$/.test(next)) return NONE;
    // Backreferences, \u…, \x…, \c…, \0, \k<…>: read as no constraint only where their length is known.
    return null;
  }
}

/** A sequence: every part's clauses hold, and so does one for each run of exactly known parts joined. */
function sequence(terms: readonly Reading[]): Reading {
  const candidates: string[][] = [];
  let run: string[] | null = [''];
  let exact: string[] | null = [''];
  const closeRun = (): void => {
    if (run && run.every((text) => text.length > 0)) candidates.push(run);
    run = [''];
  };
  for (const term of terms) {
    candidates.push(...term.required);
    exact = exact && term.exact ? product(exact, term.exact) : null;
    if (!term.exact) {
      closeRun();
      continue;
    }
    const joined = product(run, term.exact);
    if (joined) run = joined;
    else {
      closeRun();
      run = term.exact;
    }
  }
  closeRun();
  return { exact, required: candidates };
}

function product(left: readonly string[], right: readonly string[]): string[] | null {
  if (left.length * right.length > MAX_EXACT) return null;
  return [...new Set(left.flatMap((a) => right.map((b) => a + b)))];
}

/**
 * A clause as cheap to look for as it can be: the longest string all its strings hold
 * (" taking over " for " is taking over ", " 's taking over ") where that is long enough, and
 * without strings that hold another of the clause (finding one finds the other).
 */
function reduced(clause: readonly string[]): string[] {
  const common = commonPart(clause);
  // Or each string's longest word ("sme", "subject matter expert" → "subject"): fewer strings to look for.
  const words = [...new Set(clause.map(longestWord))];
  let chosen = [...clause];
  for (const other of [[common], words])
    if (shortestOf(other) >= MIN_USEFUL && better(other, chosen)) chosen = other;
  return chosen.filter((text) => !chosen.some((other) => other !== text && text.includes(other)));
}

function longestWord(text: string): string {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? ['']).reduce((a, b) => (b.length > a.length ? b : a));
}

/** The clause that rules out the most texts at the least cost (`better`), or null when there is none. */
function strongest(clauses: readonly string[][]): string[] | null {
  let best: string[] | null = null;
  for (const clause of clauses.map(reduced)) if (!best || better(clause, best)) best = clause;
  return best;
}

/** The clauses a gate checks: the strongest few, strongest first. */
function chosenClauses(clauses: readonly string[][]): string[][] {
  const useful = clauses.map(reduced).filter((clause) => shortestOf(clause) >= MIN_USEFUL);
  const sorted = useful.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  // A clause whose every string holds a string of another kept clause adds nothing to it.
  const implies = (a: readonly string[], b: readonly string[]): boolean =>
    a.every((text) => b.some((other) => text.includes(other)));
  const kept: string[][] = [];
  for (const clause of sorted)
    if (
      !kept.some((other) => implies(other, clause)) &&
      !sorted.some((other) => implies(other, clause) && !implies(clause, other))
    )
      kept.push(clause);
  const single = strongest(clauses);
  return kept.length > 0 ? kept.slice(0, MAX_CLAUSES) : single ? [single] : [];
}

const MAX_CLAUSES = 3;

function shortestOf(clause: readonly string[]): number {
  return Math.min(...clause.map((text) => text.length));
}

const MIN_USEFUL = 4;

function better(a: readonly string[], b: readonly string[]): boolean {
  const shortestA = shortestOf(a);
  const shortestB = shortestOf(b);
  const usefulA = shortestA >= MIN_USEFUL;
  const usefulB = shortestB >= MIN_USEFUL;
  if (usefulA !== usefulB) return usefulA;
  if (usefulA && a.length !== b.length) return a.length < b.length;
  return shortestA > shortestB || (shortestA === shortestB && a.length < b.length);
}

/** The longest string every string of the set holds. */
function commonPart(texts: readonly string[]): string {
  const shortest = texts.reduce((a, b) => (b.length < a.length ? b : a));
  for (let length = shortest.length; length > 0; length--)
    for (let start = 0; start + length <= shortest.length; start++) {
      const part = shortest.slice(start, start + length);
      if (texts.every((text) => text.includes(part))) return part;
    }
  return '';
}

const gates = new WeakMap<RegExp, readonly string[][] | null>();

/**
 * The clauses (folded as `foldForGate` folds a text) every match of `pattern` satisfies, each by
 * holding one of the clause's strings; null when none is known (the pattern is always tried).
 */
export function requiredLiterals(pattern: RegExp): readonly string[][] | null {
  let known = gates.get(pattern);
  if (known === undefined) {
    const { flags, source } = pattern;
    const reading = /[gyv]/.test(flags) ? null : new Parser(source, flags.includes('u')).parse();
    const clauses = reading ? chosenClauses(reading.required) : [];
    known = clauses.length > 0 ? clauses : null;
    gates.set(pattern, known);
  }
  return known;
}

/**
 * A text as the gates compare it: lower case, and the long s as `s` (the one character besides
 * the Kelvin sign that case-folds to an ASCII letter, and the only one `toLowerCase` keeps).
 */
export function foldForGate(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('ſ') ? lower.replaceAll('ſ', 's') : lower;
}

/** False only when `pattern` cannot match the text `folded` was folded from (`foldForGate`). */
export function mayMatch(pattern: RegExp, folded: string): boolean {
  const clauses = requiredLiterals(pattern);
  if (!clauses) return true;
  for (const clause of clauses) if (!clause.some((text) => folded.includes(text))) return false;
  return true;
}
