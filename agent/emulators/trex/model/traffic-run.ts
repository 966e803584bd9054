/**
 * One start_traffic on one port, as counters over server time: how many packets the port has sent
 * and how many have come out of the device at the peer port at any instant. TRex's DP cores run a
 * schedule: stream i sends at rate r_i from its inter-stream gap on, until its packet budget or the
 * start_traffic duration ends the schedule. When the requested rate exceeds what the generator can
 * do, the schedule runs slower than the wall clock (speedFactor < 1): TRex still sends every
 * scheduled packet, only later ("duration stretching"), so an explicit stop leaves packets unsent.
 * Packets reach the peer port `latencyS` after they leave, thinned (or duplicated) by forwardRatio.
 */

export interface RunStream {
  readonly ratePps: number;
  /** Bytes per packet as NIC counters count them (template + 4-byte FCS). */
  readonly wireBytes: number;
  readonly isgS: number;
  readonly budgetPackets: number;
}

export interface TrafficRunInit {
  readonly txPort: number;
  readonly rxPort: number;
  readonly streams: readonly RunStream[];
  /** Server time at which the DP cores begin the schedule. */
  readonly startS: number;
  /** start_traffic duration in seconds; not positive means until stopped. */
  readonly durationS: number;
  readonly speedFactor: number;
  readonly forwardRatio: number;
  readonly latencyS: number;
}

/** Absorbs floating-point dust such as 9999999.999999998 before flooring a packet count. */
const countEpsilon = 1e-6;
const floorCount = (x: number): number => Math.floor(x + countEpsilon);

export class TrafficRun {
  readonly txPort: number;
  readonly rxPort: number;
  private readonly init: TrafficRunInit;
  private readonly scheduleEndS: number;
  private stoppedAtS = Number.POSITIVE_INFINITY;

  constructor(init: TrafficRunInit) {
    this.init = init;
    this.txPort = init.txPort;
    this.rxPort = init.rxPort;
    const limit = init.durationS > 0 ? init.durationS : Number.POSITIVE_INFINITY;
    const streamsEnd = Math.max(0, ...init.streams.map((s) => s.isgS + s.budgetPackets / s.ratePps));
    this.scheduleEndS = Math.min(limit, streamsEnd);
  }

  /** Wall (server) time at which the schedule completes by itself; Infinity for endless traffic. */
  get naturalEndS(): number {
    return this.init.startS + this.scheduleEndS / this.init.speedFactor;
  }

  get endS(): number {
    return Math.min(this.naturalEndS, this.stoppedAtS);
  }

  get stopped(): boolean {
    return Number.isFinite(this.stoppedAtS);
  }

  isTransmittingAt(nowS: number): boolean {
    return nowS < this.endS;
  }

  /** True once every packet has been counted on both ports. */
  isSettledAt(nowS: number): boolean {
    return nowS >= this.endS + this.init.latencyS;
  }

  stop(atS: number): void {
    if (atS < this.stoppedAtS) this.stoppedAtS = atS;
  }

  private scheduleTimeAt(nowS: number): number {
    const wallS = Math.min(nowS, this.endS) - this.init.startS;
    return Math.max(0, Math.min(this.scheduleEndS, wallS * this.init.speedFactor));
  }

  private sentBy(stream: RunStream, scheduleS: number): number {
    return Math.min(stream.budgetPackets, floorCount(stream.ratePps * Math.max(0, scheduleS - stream.isgS)));
  }

  txAt(nowS: number): { packets: number; bytes: number } {
    const scheduleS = this.scheduleTimeAt(nowS);
    let packets = 0;
    let bytes = 0;
    for (const stream of this.init.streams) {
      const sent = this.sentBy(stream, scheduleS);
      packets += sent;
      bytes += sent * stream.wireBytes;
    }
    return { packets, bytes };
  }

  rxAt(nowS: number): { packets: number; bytes: number } {
    const scheduleS = this.scheduleTimeAt(nowS - this.init.latencyS);
    let packets = 0;
    let bytes = 0;
    for (const stream of this.init.streams) {
      const received = floorCount(this.sentBy(stream, scheduleS) * this.init.forwardRatio);
      packets += received;
      bytes += received * stream.wireBytes;
    }
    return { packets, bytes };
  }

  /** Current transmit rate (what TRex reports as m_total_tx_pps, unsmoothed). */
  txRatePpsAt(nowS: number): number {
    if (!this.isTransmittingAt(nowS) || nowS < this.init.startS) return 0;
    const scheduleS = this.scheduleTimeAt(nowS);
    const active = this.init.streams.filter((s) => scheduleS >= s.isgS && this.sentBy(s, scheduleS) < s.budgetPackets);
    return active.reduce((sum, s) => sum + s.ratePps, 0) * this.init.speedFactor;
  }

  txBpsAt(nowS: number): number {
    if (!this.isTransmittingAt(nowS) || nowS < this.init.startS) return 0;
    return this.init.streams.reduce((sum, s) => sum + s.ratePps * s.wireBytes * 8, 0) * this.init.speedFactor;
  }

  get forwardRatio(): number {
    return this.init.forwardRatio;
  }
}
