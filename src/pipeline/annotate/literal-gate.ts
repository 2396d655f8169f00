import { foldForGate, requiredLiterals } from './regex-gate.js';

/**
 * The gates of a list of patterns (regex-gate.ts), checked together: one pass of an Aho–Corasick
 * automaton over a folded text finds every gate literal it holds, and each pattern's gate is then
 * a few array reads instead of a `String#includes` per literal. A unit read against a hundred cue
 * patterns pays one pass. The answer is `mayMatch`'s for every pattern: a literal is found exactly
 * when the text holds it (overlapping and nested literals included).
 */
export class LiteralGate {
  /** Transitions of each state, by UTF-16 code unit. */
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Literal ids that end at each state (its own and those of its fail chain). */
  private readonly ends: number[][] = [[]];
  /** Each pattern's clauses as literal ids (null: no gate, always tried), by the pattern. */
  private readonly clauses = new Map<RegExp, number[][] | null>();
  /** `seen[id] === stamp`: literal `id` is in the text of the latest scan. */
  private seen: Int32Array;
  private stamp = 0;
  /** The text of the latest scan. */
  private last: string | undefined;

  constructor(patterns: Iterable<RegExp>) {
    const ids = new Map<string, number>();
    for (const pattern of patterns) {
      const required = requiredLiterals(pattern);
      this.clauses.set(
        pattern,
        required === null
          ? null
          : required
              // Every text holds the empty string: such a clause rules nothing out.
              .filter((clause) => !clause.includes(''))
              .map((clause) =>
                clause.map((literal) => {
                  let id = ids.get(literal);
                  if (id === undefined) ids.set(literal, (id = ids.size));
                  return id;
                }),
              ),
      );
    }
    for (const [literal, id] of ids) this.insert(literal, id);
    this.link();
    this.seen = new Int32Array(ids.size);
  }

  private insert(literal: string, id: number): void {
    let state = 0;
    for (let k = 0; k < literal.length; k++) {
      const code = literal.charCodeAt(k);
      let to = this.next[state].get(code);
      if (to === undefined) {
        to = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.ends.push([]);
        this.next[state].set(code, to);
      }
      state = to;
    }
    this.ends[state].push(id);
  }

  /** Fail links breadth first; each state also ends the literals its fail state ends. */
  private link(): void {
    const queue: number[] = [...this.next[0].values()];
    for (let at = 0; at < queue.length; at++) {
      const state = queue[at];
      for (const [code, to] of this.next[state]) {
        let fallback = this.fail[state];
        while (fallback !== 0 && !this.next[fallback].has(code)) fallback = this.fail[fallback];
        const target = this.next[fallback].get(code);
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        this.ends[to] = [...this.ends[to], ...this.ends[this.fail[to]]];
        queue.push(to);
      }
    }
  }

  /** Reads `text` (folded here, as `foldForGate` folds it); `mayMatch` answers for it until the next scan. */
  scan(text: string): this {
    this.last = text;
    const folded = foldForGate(text);
    this.stamp++;
    if (this.stamp === 0x7fffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
    let state = 0;
    for (let k = 0; k < folded.length; k++) {
      const code = folded.charCodeAt(k);
      let to = this.next[state].get(code);
      while (to === undefined && state !== 0) {
        state = this.fail[state];
        to = this.next[state].get(code);
      }
      state = to ?? 0;
      const ends = this.ends[state];
      for (let e = 0; e < ends.length; e++) this.seen[ends[e]] = this.stamp;
    }
    return this;
  }

  /** `scan(text)`, unless `text` was the latest text scanned. */
  scanned(text: string): this {
    return text === this.last ? this : this.scan(text);
  }

  /** False only when `pattern` cannot match the text last scanned (a pattern not in the list is always tried). */
  mayMatch(pattern: RegExp): boolean {
    const clauses = this.clauses.get(pattern);
    if (!clauses) return true;
    for (const clause of clauses) {
      let held = false;
      for (let k = 0; k < clause.length && !held; k++) held = this.seen[clause[k]] === this.stamp;
      if (!held) return false;
    }
    return true;
  }

  /** Whether any of `patterns` matches `text`, the text last scanned: `patterns.some((p) => p.test(text))`. */
  testsAny(patterns: readonly RegExp[], text: string): boolean {
    for (const pattern of patterns) if (this.mayMatch(pattern) && pattern.test(text)) return true;
    return false;
  }
}
