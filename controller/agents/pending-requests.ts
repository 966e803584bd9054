/** Requests sent on one connection that await their response, by envelope id. */
import type { WireBody } from "../../common/wire/types.js";

export interface PendingRequest {
  resolve(body: WireBody): void;
  reject(error: Error): void;
}

export class PendingRequests {
  private readonly byId = new Map<number, PendingRequest>();

  get size(): number {
    return this.byId.size;
  }

  add(id: number, pending: PendingRequest): void {
    this.byId.set(id, pending);
  }

  delete(id: number): void {
    this.byId.delete(id);
  }

  /** Hand a response to its request; false when nothing waits for it (late, or never asked). */
  settle(correlationId: number, body: WireBody): boolean {
    const pending = this.byId.get(correlationId);
    if (pending === undefined) return false;
    this.byId.delete(correlationId);
    pending.resolve(body);
    return true;
  }

  rejectAll(error: Error): void {
    const all = [...this.byId.values()];
    this.byId.clear();
    for (const pending of all) pending.reject(error);
  }
}
