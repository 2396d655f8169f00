/**
 * A cheap test that rules a pattern out before it runs: the literal strings a regex cannot match
 * without ("taking over" for `\b(?<p>…) (?:is|'s) taking over (?:the )?(?<y>…)`), read once from its
 * source. A text that holds none of them is not tried: most chat sentences hold none of a lexicon's
 * phrasings, and the unicode, case-insensitive, backtracking patterns cost far more than a
 * `String#includes` of their words. Exact by construction: a gate says "no" only where the pattern
 * cannot match; a construct it does not read (classes with ranges, backreferences, `v` flag) is no
 * constraint, and `g`/`y` patterns (whose `lastIndex` a skipped call would not reset) are never gated.
 */

/** What one part of a pattern can match: `exact` every string (when few and known), `required` one of which any match holds. */
interface Reading {
  exact: string[] | null;
  required: string[] | null;
}

const MAX_EXACT = 64;
const NONE: Reading = { exact: null, required: null };
const EMPTY: Reading = { exact: [''], required: null };
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
  return char === null ? NONE : { exact: [char], required: char ? [char] : null };
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
    const required = alternatives.every((a) => a.required)
      ? [...new Set(alternatives.flatMap((a) => a.required ?? []))]
      : null;
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
      return { exact, required: null };
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
    return exact.length <= MAX_EXACT ? { exact, required: exact } : NONE;
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

/** A sequence: the most selective of its parts' requirements and of runs of exactly known parts joined. */
function sequence(terms: readonly Reading[]): Reading {
  const candidates: string[][] = [];
  let run: string[] | null = [''];
  let exact: string[] | null = [''];
  const closeRun = (): void => {
    if (run && run.every((text) => text.length > 0)) candidates.push(run);
    run = [''];
  };
  for (const term of terms) {
    if (term.required) candidates.push(term.required);
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
  return { exact, required: mostSelective(candidates) };
}

function product(left: readonly string[], right: readonly string[]): string[] | null {
  if (left.length * right.length > MAX_EXACT) return null;
  return [...new Set(left.flatMap((a) => right.map((b) => a + b)))];
}

/** The set whose shortest string is longest (fewest strings on a tie): the rarest to find by chance. */
function mostSelective(candidates: readonly string[][]): string[] | null {
  let best: string[] | null = null;
  let bestShortest = 0;
  for (const candidate of candidates) {
    const shortest = Math.min(...candidate.map((text) => text.length));
    if (shortest === 0) continue;
    if (!best || shortest > bestShortest || (shortest === bestShortest && candidate.length < best.length)) {
      best = candidate;
      bestShortest = shortest;
    }
  }
  // A string that holds another of the set adds nothing: finding it finds the other.
  return best && best.filter((text) => !best.some((other) => other !== text && text.includes(other)));
}

const gates = new WeakMap<RegExp, readonly string[] | null>();

/**
 * The literals (folded as `foldForGate` folds a text) of which every match of `pattern` holds one,
 * or null when none is known (the pattern is always tried).
 */
export function requiredLiterals(pattern: RegExp): readonly string[] | null {
  let known = gates.get(pattern);
  if (known === undefined) {
    const { flags, source } = pattern;
    const gated = !/[gyv]/.test(flags);
    known = gated ? (new Parser(source, flags.includes('u')).parse()?.required ?? null) : null;
    gates.set(pattern, known);
  }
  return known;
}

/**
 * A text as the gates compare it: lower case, and the long s as `s` (the one character besides
 * the Kelvin sign that case-folds to an ASCII letter, and the only one `toLowerCase` keeps).
 */
export function foldForGate(text: string): string {
  // The extractors test one sentence against list after list: the last text is folded once.
  if (text === lastText) return lastFolded;
  const lower = text.toLowerCase();
  lastFolded = lower.includes('ſ') ? lower.replaceAll('ſ', 's') : lower;
  lastText = text;
  return lastFolded;
}
let lastText = '';
let lastFolded = '';

/** False only when `pattern` cannot match the text `folded` was folded from (`foldForGate`). */
export function mayMatch(pattern: RegExp, folded: string): boolean {
  const required = requiredLiterals(pattern);
  if (!required) return true;
  for (const text of required) if (folded.includes(text)) return true;
  return false;
}

/** `patterns.some((pattern) => pattern.test(text))`, trying only the patterns whose literals the text holds. */
export function testAny(text: string, patterns: readonly RegExp[], folded = foldForGate(text)): boolean {
  for (const pattern of patterns) if (mayMatch(pattern, folded) && pattern.test(text)) return true;
  return false;
}
