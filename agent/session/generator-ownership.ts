/**
 * One controller session owns the traffic generator at a time. A session claims it with its first
 * trial and keeps it until the session has ended and its last trial has settled; meanwhile other
 * sessions' trials are refused with AGENT_BUSY.
 */
export class GeneratorOwnership {
  private ownerSessionId: string | undefined;

  /** True when `sessionId` owns the generator now (claimed just now or before). */
  tryClaim(sessionId: string): boolean {
    if (this.ownerSessionId === undefined) this.ownerSessionId = sessionId;
    return this.ownerSessionId === sessionId;
  }

  get owner(): string | undefined {
    return this.ownerSessionId;
  }

  /** Give the generator up; only its owner can. */
  release(sessionId: string): void {
    if (this.ownerSessionId === sessionId) this.ownerSessionId = undefined;
  }
}
