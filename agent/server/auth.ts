/**
 * Token check during the WebSocket upgrade. The token comes as `Authorization: Bearer <token>` or,
 * for clients that cannot set headers, as the subprotocol `testbench.token.<base64url(token)>`.
 * Comparison is constant-time: both sides are hashed to 32 bytes, then compared with timingSafeEqual.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { TOKEN_SUBPROTOCOL_PREFIX } from "../../common/wire/protocol.js";

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

/** The token the client presented, if any. */
export function presentedToken(request: IncomingMessage): string | undefined {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization);
    return match?.[1];
  }
  const protocols = request.headers["sec-websocket-protocol"];
  if (protocols === undefined) return undefined;
  for (const protocol of protocols.split(",")) {
    const trimmed = protocol.trim();
    if (trimmed.startsWith(TOKEN_SUBPROTOCOL_PREFIX)) {
      return Buffer.from(trimmed.slice(TOKEN_SUBPROTOCOL_PREFIX.length), "base64url").toString("utf8");
    }
  }
  return undefined;
}

/** A check of upgrade requests against the agent's token. */
export function createTokenCheck(token: string): (request: IncomingMessage) => boolean {
  const expected = digest(token);
  return (request) => {
    const presented = presentedToken(request);
    // Hash even when nothing was presented, so every refusal costs the same.
    const matches = timingSafeEqual(digest(presented ?? ""), expected);
    return presented !== undefined && matches;
  };
}
