/**
 * Holds replies while closed: the emulator's pause() for fault tests ("TRex stopped answering").
 * Requests are still read; their replies go out, in order, once the gate opens again.
 */
export class ReplyGate {
  private waiting: Promise<void> | undefined;
  private release: (() => void) | undefined;

  close(): void {
    if (this.waiting) return;
    this.waiting = new Promise<void>((resolve) => {
      this.release = resolve;
    });
  }

  open(): void {
    this.release?.();
    this.waiting = undefined;
    this.release = undefined;
  }

  /** Resolves at once when open, else when open() is next called. */
  passed(): Promise<void> {
    return this.waiting ?? Promise.resolve();
  }
}
