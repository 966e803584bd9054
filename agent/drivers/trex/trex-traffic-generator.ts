import type { PortCounterSample } from "./trial-counters.js";
import { isTestbenchError, TestbenchError } from "../../../common/errors.js";
import type { Clock } from "../../../common/clock.js";
import type { Logger } from "../../../common/logger.js";
import type { GeneratorTrialOutcome, GeneratorTrialRequest, TrafficGenerator } from "../traffic-generator.js";
import { compileDriverOptions, type CompiledDriverOptions, type TrexDriverOptions } from "./driver-options.js";
import { trexCancelled } from "./driver-errors.js";
import { directionCounters, type TrexDirectionCounters } from "./trial-counters.js";
import { trialDirections, validateTrial } from "./trial-request.js";
import { TrexRpcClient } from "./trex-rpc-client.js";
import { TrexSession } from "./trex-session.js";

/**
 * TrafficGenerator over TRex's JSON-RPC, one CSIT-style start+sleep+stop trial at a time:
 * prepare (handshake + forced acquire, once) -> reset + streams + baseline -> start_traffic with
 * duration D -> sleep D on the injected clock -> stop_traffic (cuts a stretched run short) -> drain
 * wait -> read counters. Unsent packets beyond 10 µs of traffic and negative loss come back per
 * direction (TrexDirectionCounters). After any failure the session is dropped so that the next
 * trial reconnects, re-handshakes and re-acquires: the driver stays usable.
 */

/**
 * Sleep until the monotonic clock reads `untilS`. Timers may fire early against a high-resolution
 * clock (libuv keeps a millisecond loop time), and a stop that comes before D would cut traffic
 * that TRex was asked to send: so sleep again for whatever is left.
 */
async function sleepUntil(clock: Clock, untilS: number, signal?: AbortSignal): Promise<void> {
  for (let leftS = untilS - clock.monotonicS(); leftS > 0; leftS = untilS - clock.monotonicS()) await clock.sleep(leftS, signal);
}

export interface TrexTrialOutcome extends GeneratorTrialOutcome {
  readonly directions: readonly TrexDirectionCounters[];
}

export class TrexTrafficGenerator implements TrafficGenerator {
  private readonly options: CompiledDriverOptions;
  private readonly client: TrexRpcClient;
  private readonly session: TrexSession;
  private readonly logger: Logger;
  private busy = false;

  constructor(raw: TrexDriverOptions = {}) {
    this.options = compileDriverOptions(raw);
    const { host, rpcPort, rpcTimeoutS, compress, clock } = this.options;
    this.logger = this.options.logger.child({ component: "trex-driver", endpoint: `${host}:${rpcPort}` });
    this.client = new TrexRpcClient({ host, port: rpcPort, timeoutS: rpcTimeoutS, compress, clock, logger: this.logger });
    this.session = new TrexSession(this.client, this.options);
  }

  async runTrial(request: GeneratorTrialRequest, signal?: AbortSignal): Promise<TrexTrialOutcome> {
    validateTrial(request);
    if (this.busy) {
      throw new TestbenchError("TREX_BUSY", "The TRex driver runs one trial at a time; wait for the running trial before starting another", {
        context: { endpoint: this.client.endpoint },
      });
    }
    this.busy = true;
    try {
      return await this.trial(request, signal);
    } catch (error) {
      if (!isTestbenchError(error) || error.code !== "TRIAL_INVALID") {
        this.session.invalidate();
        this.client.reset();
      }
      throw error;
    } finally {
      this.busy = false;
    }
  }

  private async trial(request: GeneratorTrialRequest, signal?: AbortSignal): Promise<TrexTrialOutcome> {
    const { clock, drainS } = this.options;
    const { durationS, loadPps } = request;
    const beganS = clock.monotonicS();
    const ports = request.ports;
    const directions = trialDirections(request);
    const txPorts = [...new Set(directions.map((d) => d.txPort))];
    await this.session.prepare(ports, signal);
    const before = await this.session.setupAndStart({ ports, directions, frameSizeBytes: request.frameSizeBytes, txPorts, loadPps, durationS }, signal);
    const startedS = clock.monotonicS();
    try {
      await sleepUntil(clock, startedS + durationS, signal);
    } catch (error) {
      await this.stopQuietly(txPorts);
      throw trexCancelled({ endpoint: this.client.endpoint, method: "sleep" }, signal?.reason ?? error);
    }
    let after: Map<number, PortCounterSample>;
    let stoppedS: number;
    if (drainS > 0) {
      await this.session.stop(txPorts, signal);
      stoppedS = clock.monotonicS();
      await clock.sleep(drainS, signal);
      after = await this.session.readCounters(ports, signal);
    } else {
      after = await this.session.stopAndRead(txPorts, ports, signal);
      stoppedS = clock.monotonicS();
    }
    const counters = directions.map((d) => directionCounters({ ...d, durationS, loadPps, before, after }));
    const outcome: TrexTrialOutcome = Object.freeze({
      directions: counters,
      offeredDurationS: stoppedS - startedS,
      durationWithOverheadsS: clock.monotonicS() - beganS,
    });
    this.logger.debug({ durationS, loadPps, directions: counters, offeredDurationS: outcome.offeredDurationS }, "trex trial done");
    return outcome;
  }

  /** After a cancelled sleep: stop the ports anyway (no signal), so that TRex does not keep sending. */
  private async stopQuietly(txPorts: readonly number[]): Promise<void> {
    try {
      await this.session.stop(txPorts);
    } catch (error) {
      this.logger.warn({ err: error }, "trex stop after cancel failed");
    }
  }

  async close(): Promise<void> {
    try {
      await this.session.release();
    } finally {
      this.client.close();
    }
  }
}
