/**
 * Ending a stream at the end of a timeline, whatever state it is in: a one-off iperf3 server ends
 * by itself once its client stops, a stream may end between the check and the StreamStop, and a
 * dropped connection ends it with a rejection. Each way yields the StreamEnded, or null when the
 * agent never said.
 */
import type { Clock } from "../../common/clock.js";
import type { StreamEnded } from "../../common/wire/types.js";
import type { AgentStream } from "../agents/agent-stream.js";

/** Wait up to `graceS` for the stream to end by itself; then StreamStop it. */
export async function endStream(stream: AgentStream, clock: Clock, graceS = 0): Promise<StreamEnded | null> {
  const settled = stream.ended.then(
    (ended) => ended,
    () => null,
  );
  if (!stream.isEnded && graceS > 0) {
    const timer = new AbortController();
    await Promise.race([settled, clock.sleep(graceS, timer.signal).catch(() => undefined)]);
    timer.abort();
  }
  if (stream.isEnded) return settled;
  try {
    return (await stream.stop()).ended;
  } catch {
    // Ended between the check and the StreamStop (the agent no longer knows it), or the connection dropped.
    return stream.isEnded ? settled : null;
  }
}
