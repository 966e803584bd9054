/**
 * Wall-clock stamps as exact unix nanoseconds (bigint): epoch seconds as text ("1795383005.232082",
 * the `ts %.s` and `date +%s.%N` forms), as a JSON number (Shremote's `time_`), RFC 3339 with
 * nanoseconds (`date --rfc-3339=ns`) and ctime ("Sun Nov 22 21:17:35 2026", iperf3 --timestamps).
 * A float epoch near 1.8e9 s cannot hold nanoseconds, so the text is parsed digit by digit.
 */

const NS_PER_S = 1_000_000_000n;
const DECIMAL_SECONDS = /^(-?)(\d+)(?:\.(\d+))?$/;

/** "1795383004.224098100" -> 1795383004224098100n; null when the text is not a decimal number. */
export function decimalSecondsToUnixNs(text: string): bigint | null {
  const match = DECIMAL_SECONDS.exec(text.trim());
  if (match === null) return null;
  const [, sign = "", whole = "0", fraction = ""] = match;
  const digits = fraction.padEnd(9, "0");
  let ns = BigInt(whole) * NS_PER_S + BigInt(digits.slice(0, 9));
  if (digits.length > 9 && Number(digits[9]) >= 5) ns += 1n;
  return sign === "-" ? -ns : ns;
}

/** A JSON number of epoch seconds (its shortest decimal form is what the writer printed). */
export function secondsNumberToUnixNs(seconds: number): bigint | null {
  if (!Number.isFinite(seconds)) return null;
  const text = String(seconds);
  if (/e/i.test(text)) return BigInt(Math.round(seconds * 1e9));
  return decimalSecondsToUnixNs(text);
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;

/** "2026-11-22 21:40:05.118402123+00:00" -> unix ns; null when it does not match. */
export function rfc3339ToUnixNs(text: string): bigint | null {
  const match = RFC3339.exec(text.trim());
  if (match === null) return null;
  const [, year, month, day, hour, minute, second, fraction = "", zone = "Z"] = match;
  const wholeMs = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  if (!Number.isFinite(wholeMs)) return null;
  let offsetMinutes = 0;
  if (zone !== "Z") {
    const sign = zone.startsWith("-") ? -1 : 1;
    offsetMinutes = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  }
  const fractionNs = BigInt(fraction.padEnd(9, "0").slice(0, 9));
  return BigInt(wholeMs - offsetMinutes * 60_000) * 1_000_000n + fractionNs;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const CTIME = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

/**
 * "Sun Nov 22 21:17:35 2026" -> unix ns, reading the local time as UTC shifted by
 * `utcOffsetS` (the capturing host's offset from UTC; 0 for a host on UTC).
 */
export function ctimeToUnixNs(text: string, utcOffsetS = 0): bigint | null {
  const match = CTIME.exec(text.trim());
  if (match === null) return null;
  const [, month = "", day, hour, minute, second, year] = match;
  const ms = Date.UTC(Number(year), MONTHS.indexOf(month), Number(day), Number(hour), Number(minute), Number(second));
  return BigInt(ms - utcOffsetS * 1000) * 1_000_000n;
}

/** The run-axis position of a controller-clock stamp: (stamp - clock offset) - origin, in ns. */
export function toRunNs(stampUnixNs: bigint, clockOffsetNs: number, originUnixNs: bigint): number {
  return Number(stampUnixNs - BigInt(Math.round(clockOffsetNs)) - originUnixNs);
}
