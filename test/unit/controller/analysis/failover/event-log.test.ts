import { describe, expect, it } from "vitest";
import { parseEventLogJson, parseEventsTsv } from "../../../../../controller/analysis/failover/event-log.js";
import { iperfFixture } from "./support/fixtures.js";

describe("event logs", () => {
  it("reads Shremote's old event_log.json: starts at time_, stops at stop_time_", () => {
    const events = parseEventLogJson(iperfFixture("failover_run/event_log.json"), "event_log.json");
    expect(events.map((event) => `${event.name}/${event.phase}`)).toEqual(["iperf_server/start", "iperf_server/stop", "iperf_client/start", "fail_link/start", "failover/start", "iperf_server/stop"]);
    expect(events[2]).toEqual({ name: "iperf_client", phase: "start", unixNs: 1795383005227546000n, host: "ipfa", detail: "iperf3 -u -b 20M -l 1200 -c 10.77.2.2 -J -B 10.77.0.1 -p 424{i} -t 3 -i .1" });
  });

  it("agrees with events.tsv to the microsecond the JSON keeps", () => {
    const json = parseEventLogJson(iperfFixture("failover_run/event_log.json"), "event_log.json").filter((event) => event.phase === "start");
    const tsv = parseEventsTsv(iperfFixture("failover_run/events.tsv"), "events.tsv");
    expect(tsv.map((event) => event.name)).toEqual(["iperf_server", "iperf_client", "fail_link", "failover", "done"]);
    for (const event of json) {
      const match = tsv.find((candidate) => candidate.name === event.name);
      expect(Number((match?.unixNs ?? 0n) - event.unixNs)).toBeLessThan(1000);
    }
    expect(tsv[4]?.detail).toBeNull();
  });

  it("reads the new Shremote format (name, addr_, start_)", () => {
    const events = parseEventLogJson('[{"name": "fail_link", "addr_": "tofino", "start_": "port-dis 12/1", "time_": 1795383006.5, "stop_time_": 1795383006.75}]', "new.json");
    expect(events).toEqual([
      { name: "fail_link", phase: "start", unixNs: 1795383006500000000n, host: "tofino", detail: "port-dis 12/1" },
      { name: "fail_link", phase: "stop", unixNs: 1795383006750000000n, host: "tofino", detail: null },
    ]);
  });

  it("says what is wrong with a bad entry, and where", () => {
    expect(() => parseEventLogJson("{}", "e.json")).toThrow("e.json: an event log is a JSON list of entries");
    expect(() => parseEventLogJson('[{"time_": 1}]', "e.json")).toThrow("e.json: entry 0 has no name_ (or name)");
    expect(() => parseEventLogJson('[{"name_": "x", "time_": "soon"}]', "e.json")).toThrow('e.json: entry 0: time_ is not epoch seconds: "\\"soon\\""');
    expect(() => parseEventLogJson('[{"name_": "x"}]', "e.json")).toThrow("e.json: entry 0 (x) has neither time_ nor stop_time_");
    expect(() => parseEventsTsv("fail_link\t1795383006.1\nfailover 1795383006.4\n", "e.tsv")).toThrow('e.tsv:2: expected name<TAB>epoch seconds[<TAB>command]: "failover 1795383006.4"');
    expect(() => parseEventsTsv("\n# nothing\n", "e.tsv")).toThrow("e.tsv: no events in the file");
  });
});
