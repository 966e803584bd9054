/** iperf3's text units: bytes in powers of 1024 (KBytes, MBytes, ...), rates in powers of 1000 (Kbits/sec, ...). */

const BYTE_FACTORS: Readonly<Record<string, number>> = { Bytes: 1, KBytes: 1024, MBytes: 1024 ** 2, GBytes: 1024 ** 3, TBytes: 1024 ** 4 };
const BIT_FACTORS: Readonly<Record<string, number>> = { "bits/sec": 1, "Kbits/sec": 1e3, "Mbits/sec": 1e6, "Gbits/sec": 1e9, "Tbits/sec": 1e12 };

/** Rounded to whole bytes; undefined for an unknown unit. */
export function textBytes(value: string, unit: string): number | undefined {
  const factor = BYTE_FACTORS[unit];
  return factor === undefined ? undefined : Math.round(Number(value) * factor);
}

export function textRateBps(value: string, unit: string): number | undefined {
  const factor = BIT_FACTORS[unit];
  return factor === undefined ? undefined : Number(value) * factor;
}
