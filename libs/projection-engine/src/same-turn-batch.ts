// Writes asked for in the same turn of the event loop, done as one: builds woken by the same event ask together, and
// each caller still gets its own answer, an error of its own or the batch's.

/** Does a batch's work; answers, per item in order, the error that item alone failed with, if any. */
export type BatchWork<T> = (items: readonly T[]) => Promise<readonly (Error | undefined)[]>;

export class SameTurnBatch<T> {
  private pending: { item: T; resolve: () => void; reject: (error: unknown) => void }[] = [];

  constructor(private readonly work: BatchWork<T>) {}

  add(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      // setImmediate runs after the I/O callbacks and promise continuations of this turn: the callers woken together
      // have all asked by then.
      if (this.pending.length === 0) setImmediate(() => void this.flush());
      this.pending.push({ item, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    try {
      const errors = await this.work(batch.map((entry) => entry.item));
      batch.forEach((entry, index) => {
        const error = errors[index];
        if (error) entry.reject(error);
        else entry.resolve();
      });
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  }
}
