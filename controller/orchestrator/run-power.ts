/**
 * The power streams of one throughput or soak run: one per meter the testbed names, started when
 * the run starts and stopped when it ends, feeding the recorder that averages them per trial.
 */
import type { Clock } from "../../common/clock.js";
import type { Logger } from "../../common/logger.js";
import type { AgentClient } from "../agents/agent-client.js";
import type { AgentStream } from "../agents/agent-stream.js";
import { powerStream } from "../agents/stream-api.js";
import type { MeterRef } from "../campaign/model.js";
import { endStream } from "../failover/stream-stop.js";
import { PowerRecorder } from "../measurers/power-recording.js";

export interface RunPower {
  readonly recorder: PowerRecorder;
  /** Stop every stream (a stream that already ended, or whose connection dropped, is skipped). */
  close(): Promise<void>;
}

export async function startRunPower(meters: readonly MeterRef[], clientOf: (agentId: string) => Pick<AgentClient, "startStream">, context: { clock: Clock; logger: Logger; runLabel: string }): Promise<RunPower> {
  const recorder = new PowerRecorder();
  const streams: AgentStream[] = [];
  const close = async () => {
    await Promise.all(streams.map((stream) => endStream(stream, context.clock)));
  };
  try {
    for (const meter of meters) {
      const request = powerStream(meter.meter, meter.intervalMs === undefined ? {} : { intervalMs: meter.intervalMs });
      const stream = await clientOf(meter.agent).startStream({ ...request, streamId: `${context.runLabel}-power-${meter.agent}-${meter.meter}` });
      streams.push(stream);
      recorder.attach(meter.agent, meter.meter, stream);
    }
  } catch (error) {
    await close();
    throw error;
  }
  context.logger.info({ meters: meters.map((meter) => `${meter.agent}/${meter.meter}`) }, "power streams started");
  return { recorder, close };
}
