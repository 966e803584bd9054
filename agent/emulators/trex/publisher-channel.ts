import { Publisher } from "zeromq";
import type { Logger } from "../../../common/logger.js";
import { zip } from "../../drivers/trex/zip-framing.js";

/**
 * The async PUB socket (TrexPublisher): event wake-ups are the 2 bytes `{}`, never compressed;
 * data messages longer than 256 bytes go out zlib-framed. Sends are queued one at a time because
 * a zeromq.js socket takes one send at a time.
 */

const zipThresholdBytes = 256;

export class PublisherChannel {
  private readonly socket = new Publisher({ linger: 0 });
  private tail: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly logger: Logger) {}

  /** Bind and return the bound TCP port. */
  async bind(host: string, port: number): Promise<number> {
    await this.socket.bind(`tcp://${host}:${port}`);
    return boundPort(this.socket.lastEndpoint);
  }

  trigger(): void {
    this.enqueue("{}");
  }

  publishJson(text: string): void {
    this.enqueue(Buffer.byteLength(text) > zipThresholdBytes ? zip(text) : text);
  }

  private enqueue(message: string | Buffer): void {
    if (this.closed) return;
    this.tail = this.tail
      .then(() => (this.closed ? undefined : this.socket.send(message)))
      .catch((error: unknown) => {
        if (!this.closed) this.logger.warn({ err: error }, "trex emulator publish failed");
      });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.tail;
    this.socket.close();
  }
}

/** The port of a "tcp://host:port" endpoint as zeromq reports it after bind. */
export function boundPort(endpoint: string | null): number {
  const match = endpoint?.match(/:(\d+)$/);
  if (!match?.[1]) throw new Error(`cannot read the bound port from ZeroMQ endpoint ${String(endpoint)}`);
  return Number(match[1]);
}
