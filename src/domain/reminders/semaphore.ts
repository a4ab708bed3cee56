/** A counting semaphore: at most `size` holders at once, served in order. */
export class Semaphore {
  private held = 0;
  private readonly queue: (() => void)[] = [];

  constructor(private readonly size: number) {}

  /** @returns the function that leaves */
  async enter(): Promise<() => void> {
    if (this.held >= this.size) {
      await new Promise<void>((resolve) => this.queue.push(resolve));
    } else {
      this.held += 1;
    }
    let left = false;
    return () => {
      if (left) {
        return;
      }
      left = true;
      const next = this.queue.shift();
      if (next) {
        next();
      } else {
        this.held -= 1;
      }
    };
  }
}
