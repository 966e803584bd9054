/**
 * JSON Schema of an inventory file (docs/deploy.md). Settings may appear under `defaults`, under
 * each group and under each host; later ones override earlier ones key by key (`ssh` and `agent`
 * are merged deeply). The `agent` mapping is agent.yaml (docs/agent.md) and is checked by the
 * agent's own config loader after merging.
 */

const name = { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]*$", maxLength: 100 } as const;
const nonEmpty = { type: "string", minLength: 1 } as const;
const positive = { type: "number", exclusiveMinimum: 0 } as const;
const publicKey = { type: "string", pattern: "^[a-z0-9@.-]+ [A-Za-z0-9+/]+={0,2}( .*)?$" } as const;

const ssh = {
  type: "object",
  additionalProperties: false,
  properties: {
    user: nonEmpty,
    port: { type: "integer", minimum: 1, maximum: 65535 },
    keyFile: nonEmpty,
    knownHostsFile: nonEmpty,
    hostKey: { anyOf: [publicKey, { type: "array", minItems: 1, items: publicKey }] },
    strictHostKeyChecking: { type: "boolean" },
    connectTimeoutS: positive,
  },
} as const;

const settingsProperties = {
  ssh,
  installDir: { type: "string", pattern: "^/[^\\0]*[^/]$" },
  sudo: { type: "boolean" },
  serviceUser: { type: "string", pattern: "^[a-z_][a-z0-9_-]*[$]?$", maxLength: 32 },
  service: { enum: ["auto", "systemd", "runner"] },
  serviceName: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9_.@-]*$", maxLength: 100 },
  node: nonEmpty,
  tokenFile: nonEmpty,
  verifyTimeoutS: positive,
  keepReleases: { type: "integer", minimum: 1, maximum: 100 },
  agent: { type: "object" },
} as const;

const settings = { type: "object", additionalProperties: false, properties: settingsProperties } as const;

const host = {
  type: "object",
  additionalProperties: false,
  properties: {
    address: nonEmpty,
    groups: { type: "array", items: name, uniqueItems: true },
    ...settingsProperties,
  },
} as const;

export const inventorySchema = {
  type: "object",
  additionalProperties: false,
  required: ["hosts"],
  properties: {
    defaults: settings,
    groups: { type: "object", propertyNames: name, additionalProperties: settings },
    hosts: { type: "object", propertyNames: name, minProperties: 1, additionalProperties: host },
  },
} as const;
