import { describe, expect, it } from "vitest";
import { ValidationError } from "../../../../common/errors.js";
import { assertTokenPolicy, isLoopbackHost, tokenWhenAbsent } from "../../../../agent/config/token-policy.js";

describe("isLoopbackHost", () => {
  it.each(["127.0.0.1", "127.1.2.3", "::1", "[::1]", "0:0:0:0:0:0:0:1", "::ffff:127.0.0.1", "localhost", "LOCALHOST", "agent.localhost"])("%s is loopback", (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each(["0.0.0.0", "::", "10.0.0.1", "192.168.1.10", "128.0.0.1", "::2", "lab-host", "localhost.example.com", ""])("%s is not", (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe("the empty-token rule", () => {
  const fields = { error: (key: string, problem: string) => new ValidationError("AGENT_CONFIG_INVALID", `agent.yaml:1: ${key} ${problem}`) };

  it("allows no token (authentication off) on loopback only", () => {
    expect(tokenWhenAbsent(fields, "127.0.0.1")).toBe("");
    expect(() => tokenWhenAbsent(fields, "0.0.0.0")).toThrow(/agent\.yaml:1: token is required \(or tokenFile\) because listen\.host is "0\.0\.0\.0"/);
  });

  it("holds for servers started directly", () => {
    expect(() => assertTokenPolicy("", "::1")).not.toThrow();
    expect(() => assertTokenPolicy("a-token-long-enough-1234", "0.0.0.0")).not.toThrow();
    expect(() => assertTokenPolicy("", "10.1.1.1")).toThrow(expect.objectContaining({ code: "AGENT_TOKEN_REQUIRED", context: { host: "10.1.1.1" } }));
  });
});
