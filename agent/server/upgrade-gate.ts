/**
 * Who may open a session, decided during the HTTP upgrade before any WebSocket frame is read:
 * an address in its failed-authentication cool-down gets 429, a bad client certificate 403,
 * a missing or wrong token 401 (and counts as a failure). The token is never logged.
 */
import type { IncomingMessage } from "node:http";
import type { Clock } from "../../common/clock.js";
import type { Logger } from "../../common/logger.js";
import type { TlsConfig } from "../config/tls-config.js";
import { AuthFailureLimiter, type AuthRateLimitPolicy } from "./auth-rate-limit.js";
import { createTokenCheck } from "./auth.js";
import { peerAddress } from "./connection-guard.js";
import { checkClientCertificate } from "./tls-server.js";

export type UpgradeDecision =
  | { readonly allow: true; readonly peer: string; readonly clientCertificate: string | undefined }
  | { readonly allow: false; readonly status: 401 | 403 | 429; readonly reason: string; readonly header: string | undefined };

export interface UpgradeGateOptions {
  /** "" turns authentication off (the server allows that on loopback only). */
  readonly token: string;
  readonly tls: TlsConfig | undefined;
  readonly authRateLimit: Partial<AuthRateLimitPolicy> | undefined;
  readonly clock: Clock;
  readonly logger: Logger;
}

export function createUpgradeGate(options: UpgradeGateOptions): (request: IncomingMessage) => UpgradeDecision {
  const { logger } = options;
  const isAuthorized = options.token === "" ? () => true : createTokenCheck(options.token);
  const limiter = new AuthFailureLimiter(options.clock, options.authRateLimit);
  return (request) => {
    const peer = peerAddress(request.socket);
    const waitS = limiter.blockedForS(peer);
    if (waitS > 0) {
      logger.debug({ peer, retryAfterS: Math.ceil(waitS) }, "upgrade refused: too many failed authentications");
      return { allow: false, status: 429, reason: "Too Many Requests", header: `Retry-After: ${Math.ceil(waitS)}` };
    }
    const certificate = checkClientCertificate(options.tls, request);
    if (!certificate.ok) {
      const blocked = limiter.recordFailure(peer);
      logger.warn({ peer, problem: certificate.reason, blocked }, "upgrade refused: client certificate");
      return { allow: false, status: 403, reason: "Forbidden", header: undefined };
    }
    if (!isAuthorized(request)) {
      const blocked = limiter.recordFailure(peer);
      if (blocked) logger.warn({ peer, cooldownS: limiter.blockedForS(peer) }, "too many failed authentications; refusing this address for a while");
      else logger.warn({ peer }, "upgrade refused: missing or wrong token");
      return { allow: false, status: 401, reason: "Unauthorized", header: 'WWW-Authenticate: Bearer realm="testbench-agent"' };
    }
    return { allow: true, peer, clientCertificate: certificate.subject };
  };
}
