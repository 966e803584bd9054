/**
 * Guards the listening socket against connection floods: caps open TCP connections in total and
 * per peer address (extra connections are destroyed on arrival, before any byte is parsed), and
 * drops a connection that has not completed its WebSocket upgrade within `handshakeTimeoutS`.
 */
import type { Socket } from "node:net";
import type { Clock } from "../../common/clock.js";

export interface ConnectionGuardPolicy {
  /** Open TCP connections in total (authenticated sessions included). */
  readonly maxConnections: number;
  /** Open TCP connections from one address. */
  readonly maxConnectionsPerPeer: number;
  /** Time a connection has to finish TLS and the authenticated upgrade, seconds. */
  readonly handshakeTimeoutS: number;
}

export const DEFAULT_CONNECTION_GUARD: ConnectionGuardPolicy = Object.freeze({ maxConnections: 256, maxConnectionsPerPeer: 32, handshakeTimeoutS: 10 });

/** The address part of a socket's peer, IPv4-mapped IPv6 written as IPv4. */
export function peerAddress(socket: Pick<Socket, "remoteAddress">): string {
  const address = socket.remoteAddress ?? "unknown";
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice(7) : address;
}

function connectionKey(socket: Pick<Socket, "remoteAddress" | "remotePort">): string {
  return `${socket.remoteAddress ?? "?"}|${socket.remotePort ?? "?"}`;
}

export interface GuardRefusal {
  readonly peer: string;
  readonly reason: "total" | "per-peer" | "handshake-timeout";
}

export class ConnectionGuard {
  readonly policy: ConnectionGuardPolicy;
  private total = 0;
  private readonly perPeer = new Map<string, number>();
  private readonly handshakes = new Map<string, AbortController>();

  constructor(
    private readonly clock: Clock,
    policy: Partial<ConnectionGuardPolicy>,
    private readonly onRefused: (refusal: GuardRefusal) => void,
  ) {
    this.policy = Object.freeze({ ...DEFAULT_CONNECTION_GUARD, ...policy });
    for (const key of ["maxConnections", "maxConnectionsPerPeer"] as const) {
      const value = this.policy[key];
      if (!(Number.isInteger(value) && value >= 1)) throw new RangeError(`connection guard ${key} must be an integer >= 1, got ${value}`);
    }
    if (!(this.policy.handshakeTimeoutS > 0)) throw new RangeError(`connection guard handshakeTimeoutS must be > 0, got ${this.policy.handshakeTimeoutS}`);
  }

  /** Open connections now (for tests and metrics). */
  get openConnections(): number {
    return this.total;
  }

  /** A new TCP connection: admit it (and start its handshake deadline) or destroy it. */
  admit(socket: Socket): void {
    const peer = peerAddress(socket);
    const fromPeer = this.perPeer.get(peer) ?? 0;
    if (this.total >= this.policy.maxConnections || fromPeer >= this.policy.maxConnectionsPerPeer) {
      socket.destroy();
      this.onRefused({ peer, reason: this.total >= this.policy.maxConnections ? "total" : "per-peer" });
      return;
    }
    this.total += 1;
    this.perPeer.set(peer, fromPeer + 1);
    const key = connectionKey(socket);
    const deadline = new AbortController();
    this.handshakes.set(key, deadline);
    socket.once("close", () => {
      this.total -= 1;
      const left = (this.perPeer.get(peer) ?? 1) - 1;
      if (left <= 0) this.perPeer.delete(peer);
      else this.perPeer.set(peer, left);
      this.settle(key);
    });
    this.clock.sleep(this.policy.handshakeTimeoutS, deadline.signal).then(
      () => {
        this.handshakes.delete(key);
        this.onRefused({ peer, reason: "handshake-timeout" });
        socket.destroy();
      },
      () => undefined,
    );
  }

  /** The connection (the TCP or TLS socket under an upgrade request) completed its upgrade. */
  upgraded(socket: Pick<Socket, "remoteAddress" | "remotePort">): void {
    this.settle(connectionKey(socket));
  }

  /** Stop every pending deadline (the server is closing). */
  close(): void {
    for (const key of [...this.handshakes.keys()]) this.settle(key);
  }

  private settle(key: string): void {
    this.handshakes.get(key)?.abort();
    this.handshakes.delete(key);
  }
}
