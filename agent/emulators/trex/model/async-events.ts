/**
 * TRex's interactive-mode event delivery (trex_publisher.cpp, TrexSTX session bookkeeping): each
 * event is queued per session with a per-session `seq`, the PUB socket only carries the 2-byte
 * wake-up `{}`, and clients fetch the queue with get_async_events. `acquire` registers its session
 * as a writer; the first get_async_events of an unknown session registers it as a reader. A
 * session whose queue is non-empty and that has not polled for 10 s gets no more events, and a
 * stale reader session is dropped.
 */

export const TrexEvent = Object.freeze({
  portStarted: 0,
  portStopped: 1,
  portPaused: 2,
  portResumed: 3,
  portFinishedTx: 4,
  portAcquired: 5,
  portReleased: 6,
  portError: 7,
  portAttrChanged: 8,
  profileStarted: 10,
  profileStopped: 11,
  profilePaused: 12,
  profileResumed: 13,
  profileFinishedTx: 14,
  profileError: 17,
  serverStopped: 100,
});

export interface QueuedEvent {
  readonly name: "trex-event";
  readonly type: number;
  readonly data: Record<string, unknown>;
  readonly seq: number;
}

interface SessionQueue {
  seq: number;
  events: QueuedEvent[];
  lastQueryS: number;
  reader: boolean;
}

const staleAfterS = 10;

export class AsyncEventHub {
  private readonly sessions = new Map<number, SessionQueue>();
  private readonly portSessions: number[];

  constructor(
    portCount: number,
    private readonly nowS: () => number,
    private readonly onTrigger: () => void,
  ) {
    this.portSessions = Array.from({ length: portCount }, () => 0);
  }

  publish(type: number, data: Record<string, unknown>): void {
    const now = this.nowS();
    for (const [id, session] of this.sessions) {
      if (session.events.length === 0 || now - session.lastQueryS < staleAfterS) {
        if (session.events.length === 0) session.lastQueryS = now;
        session.events.push({ name: "trex-event", type, data, seq: session.seq++ });
      } else if (session.reader) {
        this.sessions.delete(id);
      }
    }
    this.onTrigger();
  }

  /** get_async_events: the queued events (emptying the queue), or undefined for an unknown session. */
  take(sessionId: number): QueuedEvent[] | undefined {
    const session = this.sessions.get(sessionId);
    if (!session) return undefined;
    const events = session.events;
    session.events = [];
    session.lastQueryS = this.nowS();
    return events;
  }

  /** Register a session (reader: by get_async_events; writer: by acquire). */
  addSession(sessionId: number, reader: boolean): void {
    const existing = this.sessions.get(sessionId);
    if (existing) {
      if (!reader) existing.reader = false;
      return;
    }
    this.sessions.set(sessionId, { seq: 0, events: [], lastQueryS: this.nowS(), reader });
  }

  /** TrexSTX::add_session_id(port, session): the port's owner session becomes a writer. */
  attachPort(port: number, sessionId: number): void {
    if (sessionId === 0) return;
    const previous = this.portSessions[port] ?? 0;
    const wasReferenced = this.references(sessionId) > 0;
    this.portSessions[port] = sessionId;
    if (!wasReferenced) this.addSession(sessionId, false);
    if (previous > 0 && previous !== sessionId && this.references(previous) === 0) this.demote(previous);
  }

  /** TrexSTX::remove_session_id(port): a session that owns no port any more becomes a reader. */
  detachPort(port: number): void {
    const previous = this.portSessions[port] ?? 0;
    this.portSessions[port] = 0;
    if (previous > 0 && this.references(previous) === 0) this.demote(previous);
  }

  private references(sessionId: number): number {
    return this.portSessions.filter((id) => id === sessionId).length;
  }

  private demote(sessionId: number): void {
    const session = this.sessions.get(sessionId);
    if (session) session.reader = true;
  }
}
