/** Runs async work one at a time, in call order (Kùzu allows one write transaction at a time). */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }

  /** Resolves when everything queued so far has finished. */
  async drain(): Promise<void> {
    await this.tail;
  }
}
