import { describe, expect, it } from "vitest";
import { ctimeToUnixNs, decimalSecondsToUnixNs, rfc3339ToUnixNs, secondsNumberToUnixNs, toRunNs } from "../../../../../controller/analysis/failover/unix-time.js";

describe("unix time stamps", () => {
  it("keeps every nanosecond of decimal epoch seconds (a float would lose them)", () => {
    expect(decimalSecondsToUnixNs("1795383004.224098100")).toBe(1795383004224098100n);
    expect(decimalSecondsToUnixNs("1795383005.232082")).toBe(1795383005232082000n);
    expect(decimalSecondsToUnixNs("1795382255")).toBe(1795382255000000000n);
    expect(decimalSecondsToUnixNs("1.0000000005")).toBe(1000000001n);
    expect(decimalSecondsToUnixNs("12abc")).toBeNull();
  });

  it("reads a JSON number by its shortest decimal form (Shremote's time_)", () => {
    expect(secondsNumberToUnixNs(1795383005.227546)).toBe(1795383005227546000n);
    expect(secondsNumberToUnixNs(Number.NaN)).toBeNull();
  });

  it("reads date --rfc-3339=ns with its zone", () => {
    expect(rfc3339ToUnixNs("2026-11-22 21:40:05.118402123+00:00")).toBe(1795383605118402123n);
    expect(rfc3339ToUnixNs("2026-11-22 22:40:05.118402123+01:00")).toBe(1795383605118402123n);
    expect(rfc3339ToUnixNs("yesterday")).toBeNull();
  });

  it("reads iperf3's --timestamps ctime, local time shifted by the host's UTC offset", () => {
    expect(ctimeToUnixNs("Sun Nov 22 21:17:35 2026")).toBe(1795382255000000000n);
    expect(ctimeToUnixNs("Sun Nov 22 22:17:35 2026", 3600)).toBe(1795382255000000000n);
    expect(ctimeToUnixNs("Sun Nov 22 21:17 2026")).toBeNull();
  });

  it("moves a stamp to the controller clock and then to the run axis", () => {
    // The host's clock runs 2 ms ahead: its stamp is 2 ms later than the controller's for the same moment.
    expect(toRunNs(1_000_002_000_000n, 2_000_000, 1_000_000_000_000n)).toBe(0);
    expect(toRunNs(1_000_100_000_000n, 0, 1_000_000_000_000n)).toBe(100_000_000);
  });
});
