import type { TrafficRun } from "./traffic-run.js";

/**
 * The NIC counters of every port: absolute since the emulator started and never cleared, as on
 * real TRex (clients subtract a baseline). A port's counters are the settled totals plus what the
 * runs still in flight have sent (tx port) or delivered (rx port) so far.
 */

export interface PortCounters {
  readonly opackets: number;
  readonly obytes: number;
  readonly ipackets: number;
  readonly ibytes: number;
  readonly oerrors: number;
  readonly ierrors: number;
}

export interface PortRates {
  readonly txPps: number;
  readonly txBps: number;
  readonly rxPps: number;
  readonly rxBps: number;
}

interface MutableCounters {
  opackets: number;
  obytes: number;
  ipackets: number;
  ibytes: number;
}

export class CounterLedger {
  private readonly settled: MutableCounters[];
  private runs: TrafficRun[] = [];

  constructor(
    portCount: number,
    private readonly latencyS: number,
  ) {
    this.settled = Array.from({ length: portCount }, () => ({ opackets: 0, obytes: 0, ipackets: 0, ibytes: 0 }));
  }

  add(run: TrafficRun): void {
    this.runs.push(run);
  }

  /** Fold runs whose every packet has been counted into the settled totals. */
  settle(nowS: number): void {
    const open: TrafficRun[] = [];
    for (const run of this.runs) {
      if (!run.isSettledAt(nowS)) {
        open.push(run);
        continue;
      }
      const tx = run.txAt(nowS);
      const rx = run.rxAt(nowS);
      const txTotals = this.settled[run.txPort];
      const rxTotals = this.settled[run.rxPort];
      if (txTotals) {
        txTotals.opackets += tx.packets;
        txTotals.obytes += tx.bytes;
      }
      if (rxTotals) {
        rxTotals.ipackets += rx.packets;
        rxTotals.ibytes += rx.bytes;
      }
    }
    this.runs = open;
  }

  countersAt(port: number, nowS: number): PortCounters {
    const base = this.settled[port] ?? { opackets: 0, obytes: 0, ipackets: 0, ibytes: 0 };
    let { opackets, obytes, ipackets, ibytes } = base;
    for (const run of this.runs) {
      if (run.txPort === port) {
        const tx = run.txAt(nowS);
        opackets += tx.packets;
        obytes += tx.bytes;
      }
      if (run.rxPort === port) {
        const rx = run.rxAt(nowS);
        ipackets += rx.packets;
        ibytes += rx.bytes;
      }
    }
    return { opackets, obytes, ipackets, ibytes, oerrors: 0, ierrors: 0 };
  }

  ratesAt(port: number, nowS: number): PortRates {
    let txPps = 0;
    let txBps = 0;
    let rxPps = 0;
    let rxBps = 0;
    for (const run of this.runs) {
      if (run.txPort === port) {
        txPps += run.txRatePpsAt(nowS);
        txBps += run.txBpsAt(nowS);
      }
      if (run.rxPort === port) {
        rxPps += run.txRatePpsAt(nowS - this.latencyS) * run.forwardRatio;
        rxBps += run.txBpsAt(nowS - this.latencyS) * run.forwardRatio;
      }
    }
    return { txPps, txBps, rxPps, rxBps };
  }
}
