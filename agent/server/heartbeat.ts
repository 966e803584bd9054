/**
 * WebSocket-level liveness: ping every interval; a peer that has not answered (pong, or any
 * message) by the next tick is terminated. A dead peer is therefore dropped within two intervals.
 */
import type { WebSocket } from "ws";
import type { Clock } from "../../common/clock.js";

export interface HeartbeatOptions {
  readonly intervalS: number;
  readonly clock: Clock;
  /** Ends the heartbeat (the socket closed). */
  readonly signal: AbortSignal;
  /** Called just before a silent peer is terminated. */
  readonly onDead: () => void;
}

export interface Heartbeat {
  /** Note traffic from the peer (any message counts as a sign of life). */
  markAlive(): void;
}

export function startHeartbeat(socket: WebSocket, options: HeartbeatOptions): Heartbeat {
  let alive = true;
  const markAlive = (): void => {
    alive = true;
  };
  socket.on("pong", markAlive);
  const loop = async (): Promise<void> => {
    while (!options.signal.aborted) {
      await options.clock.sleep(options.intervalS, options.signal);
      if (!alive) {
        options.onDead();
        socket.terminate();
        return;
      }
      alive = false;
      if (socket.readyState !== socket.OPEN) return;
      socket.ping();
    }
  };
  loop().catch(() => {
    // Aborted: the socket closed, nothing left to watch.
  });
  return { markAlive };
}
