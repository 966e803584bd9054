/**
 * The optional `tls:` section of agent.yaml: serve wss:// with this certificate and key, and
 * optionally verify controllers' client certificates against a CA. Pure: it resolves paths
 * (relative to the config file) but reads no file; the server reads them when it starts.
 *
 *   tls:
 *     certFile: agent.crt          # PEM certificate chain
 *     keyFile: agent.key           # PEM private key
 *     clientCaFile: controllers.crt  # optional: CA(s) that sign controllers' certificates
 *     requireClientCert: true      # default: true when clientCaFile is given
 */
import { dirname, isAbsolute, resolve } from "node:path";
import type { ValidationError } from "../../common/errors.js";

export interface TlsConfig {
  /** PEM certificate (chain) the agent presents; absolute path. */
  readonly certFile: string;
  /** PEM private key of that certificate; absolute path. Never logged. */
  readonly keyFile: string;
  /** PEM CA bundle that controllers' client certificates must chain to; absolute path. */
  readonly clientCaFile: string | undefined;
  /** Refuse controllers without a valid client certificate during the TLS handshake. */
  readonly requireClientCert: boolean;
}

export const TLS_KEYS = Object.freeze(["certFile", "keyFile", "clientCaFile", "requireClientCert"]);

/**
 * The reads this parser needs from the config loader's YamlFields (agent/config/yaml-fields.ts);
 * `boolean` reads a YAML true/false with its fallback when the key is absent.
 */
export interface TlsFields {
  has(key: string): boolean;
  string(key: string, fallback?: string): string;
  optionalString(key: string): string | undefined;
  boolean(key: string, fallback: boolean): boolean;
  rejectUnknownKeys(known: readonly string[]): void;
  error(key: string, problem: string): ValidationError;
}

function pathFrom(configFile: string, path: string): string {
  return isAbsolute(path) ? path : resolve(dirname(configFile), path);
}

/** Read the `tls` section (`fields` is that section); `configFile` anchors relative paths. */
export function readTlsConfig(fields: TlsFields, configFile: string): TlsConfig {
  fields.rejectUnknownKeys(TLS_KEYS);
  const certFile = pathFrom(configFile, fields.string("certFile"));
  const keyFile = pathFrom(configFile, fields.string("keyFile"));
  const clientCa = fields.optionalString("clientCaFile");
  const requireClientCert = fields.boolean("requireClientCert", clientCa !== undefined);
  if (requireClientCert && clientCa === undefined) {
    throw fields.error("requireClientCert", "needs clientCaFile: the CA that signs the controllers' client certificates");
  }
  if (certFile === keyFile) throw fields.error("keyFile", "must name another file than certFile (the private key, PEM)");
  return Object.freeze({
    certFile,
    keyFile,
    clientCaFile: clientCa === undefined ? undefined : pathFrom(configFile, clientCa),
    requireClientCert,
  });
}
