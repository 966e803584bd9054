import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { createTokenCheck, presentedToken } from "../../../../agent/server/auth.js";
import { tokenSubprotocol } from "../../../../common/wire/protocol.js";

function upgrade(headers: Record<string, string>): IncomingMessage {
  return { headers } as unknown as IncomingMessage;
}

const token = "a-token-of-some-length-!#$%";

describe("presentedToken", () => {
  it("reads a Bearer Authorization header, case-insensitively", () => {
    expect(presentedToken(upgrade({ authorization: `bearer ${token}` }))).toBe(token);
  });

  it("reads the token subprotocol among others", () => {
    expect(presentedToken(upgrade({ "sec-websocket-protocol": `testbench.v1, ${tokenSubprotocol(token)}` }))).toBe(token);
  });

  it("prefers the header and ignores other schemes", () => {
    expect(presentedToken(upgrade({ authorization: `Basic ${token}`, "sec-websocket-protocol": tokenSubprotocol(token) }))).toBeUndefined();
    expect(presentedToken(upgrade({}))).toBeUndefined();
  });
});

describe("createTokenCheck", () => {
  const check = createTokenCheck(token);
  it.each([
    [{ authorization: `Bearer ${token}` }, true],
    [{ authorization: `Bearer ${token}x` }, false],
    [{ authorization: `Bearer ${token.slice(0, -1)}` }, false],
    [{ authorization: "Bearer" }, false],
    [{}, false],
  ])("%o -> %s", (headers, expected) => {
    expect(check(upgrade(headers))).toBe(expected);
  });

  it("refuses an empty presented token even for an empty configured token", () => {
    expect(createTokenCheck("")(upgrade({}))).toBe(false);
  });
});
