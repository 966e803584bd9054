/** JSON Schema of a failover experiment (docs/campaigns.md "Failover experiments"). */

const agentName = { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9_.:-]*$", maxLength: 100 } as const;
const positive = { type: "number", exclusiveMinimum: 0 } as const;
const scalar = { type: ["number", "string", "boolean"] } as const;

export const failoverSettingsSchema = {
  type: "object",
  additionalProperties: false,
  required: ["timeline"],
  properties: {
    sessions: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["client", "server", "target"],
        properties: { client: agentName, server: agentName, target: { type: "string", minLength: 1 }, port: { type: "integer", minimum: 1, maximum: 65535 } },
      },
    },
    meters: {
      type: "array",
      items: { type: "object", additionalProperties: false, required: ["agent", "meter"], properties: { agent: agentName, meter: agentName, intervalMs: { type: "number", minimum: 1 } } },
    },
    action: {
      type: "object",
      additionalProperties: false,
      properties: { agent: agentName, name: agentName, params: { type: "object", additionalProperties: scalar } },
    },
    iperf: {
      type: "object",
      additionalProperties: false,
      properties: {
        protocol: { enum: ["udp", "tcp"] },
        bitrateBps: positive,
        lengthBytes: { type: "integer", minimum: 1 },
        intervalS: { type: "number", minimum: 0.1, maximum: 60 },
      },
    },
    timeline: {
      type: "object",
      additionalProperties: false,
      required: ["t1S", "t2S"],
      properties: { t1S: { type: "number" }, t2S: { type: "number" } },
    },
    analysis: {
      type: "object",
      additionalProperties: false,
      properties: {
        epochS: positive,
        recoveryThresholdPercent: { type: "number", exclusiveMinimum: 0, maximum: 100 },
        recoveryHoldEpochs: { type: "integer", minimum: 1 },
        afterTriggerWindowS: positive,
        powerEpochS: positive,
      },
    },
  },
} as const;

export const failoverExperimentSchema = {
  type: "object",
  additionalProperties: false,
  required: ["name", "kind", "failover"],
  properties: {
    name: { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]*$", maxLength: 100 },
    kind: { const: "failover" },
    testbed: { type: "string" },
    replications: { type: "integer", minimum: 1, maximum: 10000 },
    seed: { type: "integer", minimum: 0 },
    sweep: {
      type: "object",
      additionalProperties: false,
      required: ["parameter", "values"],
      properties: {
        parameter: { type: "string", pattern: "^(action\\.params|iperf|analysis|timeline)\\.[A-Za-z][A-Za-z0-9]*$" },
        values: { type: "array", minItems: 1, items: scalar },
      },
    },
    failover: failoverSettingsSchema,
  },
} as const;
