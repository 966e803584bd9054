/**
 * JSON Schemas of a campaign file (validated with ajv; YAML positions are mapped back
 * onto the errors by load.ts). Phase 1 checks the document's shape; phase 2 checks each
 * experiment against the schema of its kind.
 */

const positive = { type: "number", exclusiveMinimum: 0 } as const;
const ratio = { type: "number", minimum: 0, exclusiveMaximum: 1 } as const;
const name = { type: "string", pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]*$", maxLength: 100 } as const;

export const experimentKinds = ["throughput", "soak", "failover", "lbsim"] as const;

const deviceObject = {
  type: "object",
  additionalProperties: false,
  required: ["kind"],
  properties: {
    kind: { enum: ["hard", "stretch", "erf", "bursty"] },
    mrr: positive,
    spread: positive,
    noise: { type: "number", minimum: 0, maximum: 1 },
    seed: { type: "integer", minimum: 0 },
    "burst-probability": { type: "number", minimum: 0, maximum: 1 },
    "burst-loss-ratio": { type: "number", minimum: 0, maximum: 1 },
  },
} as const;

const sweep = {
  type: "object",
  additionalProperties: false,
  required: ["parameter", "values"],
  properties: {
    parameter: { type: "string", pattern: "^[A-Za-z][A-Za-z0-9-]*(\\.[A-Za-z][A-Za-z0-9-]*)*$" },
    values: { type: "array", minItems: 1, items: { type: ["number", "string", "boolean"] } },
  },
} as const;

const commonExperimentProperties = {
  name,
  kind: { enum: experimentKinds },
  testbed: { type: "string" },
  replications: { type: "integer", minimum: 1, maximum: 10000 },
  seed: { type: "integer", minimum: 0 },
  sweep,
} as const;

/** Options of a throughput experiment: the CLI's search flags, camelCase. */
const throughputOptions = {
  type: "object",
  additionalProperties: false,
  properties: {
    minLoad: positive,
    maxLoad: positive,
    searchDurationMax: positive,
    overhead: { type: "number", minimum: 0 },
    warmup: { type: "number", minimum: 0 },
    pdrLossRatio: ratio,
    exceedRatio: ratio,
    width: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 },
    initialDuration: positive,
    finalDuration: positive,
    durationSum: positive,
    precedingTargets: { type: "integer", minimum: 0 },
    expansionCoefficient: { type: "integer", minimum: 2 },
    failFast: { type: "boolean" },
    lossRatio: ratio,
    trialDuration: positive,
    resolution: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 },
    frameSize: { type: "integer", minimum: 60, maximum: 9216 },
    target: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 },
    timeout: positive,
    trials: { type: "integer", minimum: 1 },
    samples: { type: "integer", minimum: 1 },
  },
} as const;

export const throughputExperimentSchema = {
  type: "object",
  additionalProperties: false,
  required: ["name", "kind"],
  properties: {
    ...commonExperimentProperties,
    device: { anyOf: [{ type: "string", minLength: 1 }, deviceObject] },
    algorithm: { enum: ["mlr", "rfc2544"] },
    preset: { enum: ["csit-ndrpdr", "rfc2544"] },
    options: throughputOptions,
  },
} as const;

const agentRef = {
  type: "object",
  additionalProperties: false,
  required: ["id", "url", "tokenFile"],
  properties: { id: name, url: { type: "string", pattern: "^wss?://" }, tokenFile: { type: "string", minLength: 1 } },
} as const;

const meterRef = {
  type: "object",
  additionalProperties: false,
  required: ["agent", "meter"],
  properties: { agent: name, meter: { type: "string", pattern: "^[A-Za-z0-9_.:-]{1,64}$" }, intervalMs: { type: "integer", minimum: 1, maximum: 3600000 } },
} as const;

const testbed = {
  type: "object",
  additionalProperties: false,
  required: ["kind"],
  properties: {
    kind: { enum: ["embedded", "simulated", "agents"] },
    agents: { type: "array", minItems: 1, items: agentRef },
    meters: { type: "array", items: meterRef },
  },
} as const;

export const campaignSchema = {
  type: "object",
  additionalProperties: false,
  required: ["name", "experiments"],
  properties: {
    name,
    description: { type: "string" },
    seed: { type: "integer", minimum: 0 },
    testbeds: { type: "object", propertyNames: name, additionalProperties: testbed },
    defaults: {
      type: "object",
      additionalProperties: false,
      properties: {
        testbed: { type: "string" },
        replications: commonExperimentProperties.replications,
        algorithm: throughputExperimentSchema.properties.algorithm,
        preset: throughputExperimentSchema.properties.preset,
        device: throughputExperimentSchema.properties.device,
        options: throughputOptions,
      },
    },
    experiments: {
      type: "array",
      minItems: 1,
      items: { type: "object", required: ["name", "kind"], properties: { name, kind: commonExperimentProperties.kind } },
    },
  },
} as const;
