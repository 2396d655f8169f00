/**
 * The answers of a pure function, by key, the latest `size` kept. A conversation that grows is
 * annotated again with every message it had: what is read from one message alone (its units, its
 * acts in the same context, its noun phrases) is read once.
 */
export class BoundedMemo<V> {
  private readonly answers = new Map<string, V>();

  constructor(private readonly size = 50_000) {}

  get(key: string, read: () => V): V {
    let answer = this.answers.get(key);
    if (answer === undefined) {
      answer = read();
      if (this.answers.size >= this.size) this.answers.delete(this.answers.keys().next().value as string);
      this.answers.set(key, answer);
    }
    return answer;
  }
}
