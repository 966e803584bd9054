import { describe, expect, it } from "vitest";
import { deepMerge, definedAt, mergeLayers, parseDottedKey } from "../../../../deploy/inventory/layers.js";

describe("inventory layers", () => {
  const layers = [
    { path: ["defaults"], data: { agent: { listen: { host: "0.0.0.0", port: 1 }, generator: { ports: [0, 1] } }, sudo: false } },
    { path: ["groups", "g"], data: { agent: { listen: { port: 2 }, generator: { ports: [2, 3] } } } },
    { path: ["hosts", "h"], data: { sudo: true } },
  ];

  it("merges mappings deeply and replaces scalars and lists", () => {
    expect(mergeLayers(layers)).toEqual({ agent: { listen: { host: "0.0.0.0", port: 2 }, generator: { ports: [2, 3] } }, sudo: true });
    expect(deepMerge({ a: { b: 1 } }, { a: 5 })).toEqual({ a: 5 });
  });

  it("finds the layer that decided a value, or the nearest one that set its parent", () => {
    expect(definedAt(layers, ["agent", "listen", "port"])).toEqual(["groups", "g", "agent", "listen", "port"]);
    expect(definedAt(layers, ["agent", "listen", "host"])).toEqual(["defaults", "agent", "listen", "host"]);
    expect(definedAt(layers, ["agent", "listen", "backlog"])).toEqual(["groups", "g", "agent", "listen"]);
    expect(definedAt(layers, ["tokenFile"])).toEqual(["hosts", "h"]);
  });

  it("reads the agent loader's dotted keys", () => {
    expect(parseDottedKey("meters[0].kind")).toEqual(["meters", 0, "kind"]);
    expect(parseDottedKey("actions[2].params[1]")).toEqual(["actions", 2, "params", 1]);
    expect(parseDottedKey("limits.maxPendingRequests")).toEqual(["limits", "maxPendingRequests"]);
  });
});
