/**
 * raw -> defaults -> validated -> frozen (STYLE.md 6): every key is checked before a run starts,
 * and errors name the key and quote the value (LBSIM_CONFIG_INVALID, or the picker's codes).
 */
import { ValidationError, quote } from "../../../common/errors.js";
import { LBSIM_ERROR_CODES } from "../errors.js";
import { compilePicker } from "../pickers/registry.js";
import { randGammaShape } from "../random/distributions.js";
import { checkChoice, checkKnownKeys, checkNumber, invalid, type NumberRule } from "./check.js";
import type { CompiledSimConfig } from "./compiled.js";
import { warmupTicksFor } from "./compiled.js";
import type { LoadStep, SimConfigInput, SimSettings } from "./config-types.js";
import { SUBSETTINGS } from "./config-types.js";
import { NOTEBOOK_DEFAULTS } from "./defaults.js";

const CODE = LBSIM_ERROR_CODES.configInvalid;
/** Beyond these a run would not fit in memory or time; they are far above any scenario. */
const MAX_ENTITIES = 100_000;
const MAX_TICKS = 1_000_000;
const MAX_CHANNELS = 1_000_000;
/** Snapshot rows and per-tick work grow with servers x ticks. */
const MAX_SERVER_TICKS = 50_000_000;
const MAX_REQUESTS = 100_000_000;

const RULES: Readonly<Partial<Record<keyof SimSettings, NumberRule>>> = {
  servers: { integer: true, min: 1, max: MAX_ENTITIES },
  clients: { integer: true, min: 1, max: MAX_ENTITIES },
  requestsPerServerPerTick: { min: 0 },
  requestRateMultiplier: { min: 0 },
  totalTicks: { integer: true, min: 1, max: MAX_TICKS },
  meanProcessingTicks: { above: 0 },
  probeProcessingTicks: { integer: true, min: 1 },
  meanChannelRttTicks: { above: 0 },
  channelRttVariance: { above: 0 },
  meanServerRttTicks: { above: 0 },
  serverRttVariance: { above: 0 },
  meanThreads: { above: 0 },
  networkResetProbability: { min: 0, max: 1 },
  serverResetProbability: { min: 0, max: 1 },
  coldChannelPenaltyTicks: { integer: true, min: 0 },
  serverStateBuffer: { integer: true, min: 1, max: MAX_TICKS },
  clientRequestsBuffer: { integer: true, min: 1, max: MAX_TICKS },
  ewmaWeight: { min: 0, max: 1 },
  maxCooldownTicks: { integer: true, min: 0, max: MAX_TICKS },
  sampleEveryTicks: { integer: true, min: 1 },
};

/** randGamma needs mean * variance > 1; name the key that breaks it. */
function checkGammaMean(key: keyof SimSettings, mean: number, variance = 1.5): void {
  if (randGammaShape(mean, variance) <= 0) invalid(CODE, key, mean, `> ${(1 / variance).toFixed(3)} (randGamma needs mean * variance > 1)`);
}

function checkLoadSteps(value: unknown): readonly LoadStep[] {
  if (!Array.isArray(value) || value.length === 0) invalid(CODE, "loadSteps", value, "a non-empty list of {fromTick, multiplier}");
  return Object.freeze(
    value.map((step: unknown, index) => {
      if (typeof step !== "object" || step === null) invalid(CODE, `loadSteps[${index}]`, step, "{fromTick, multiplier}");
      checkKnownKeys(CODE, `loadSteps[${index}]`, step, ["fromTick", "multiplier"]);
      const { fromTick, multiplier } = step as Partial<LoadStep>;
      return Object.freeze({
        fromTick: checkNumber(CODE, `loadSteps[${index}].fromTick`, fromTick, { integer: true, min: 0 }),
        multiplier: checkNumber(CODE, `loadSteps[${index}].multiplier`, multiplier, { min: 0 }),
      });
    }),
  );
}

function checkSettings(input: Record<string, unknown>): SimSettings {
  const merged = { ...NOTEBOOK_DEFAULTS, ...input } as Record<string, unknown>;
  for (const [key, rule] of Object.entries(RULES)) checkNumber(CODE, key, merged[key], rule as NumberRule);
  const settings = merged as unknown as SimSettings;
  const subsetSize = merged["subsetSize"];
  if (subsetSize !== null) checkNumber(CODE, "subsetSize", subsetSize, { integer: true, min: 1, max: settings.servers });
  checkChoice(CODE, "subsetting", merged["subsetting"], SUBSETTINGS);
  checkGammaMean("meanThreads", settings.meanThreads);
  checkGammaMean("meanProcessingTicks", settings.meanProcessingTicks);
  checkGammaMean("meanChannelRttTicks", settings.meanChannelRttTicks, settings.channelRttVariance);
  checkGammaMean("meanServerRttTicks", settings.meanServerRttTicks, settings.serverRttVariance);
  const channels = settings.clients * (settings.subsetSize ?? settings.servers);
  if (channels > MAX_CHANNELS) invalid(CODE, "clients", settings.clients, `small enough that clients * channels per client <= ${MAX_CHANNELS}`);
  const serverTicks = settings.servers * (settings.totalTicks + settings.maxCooldownTicks);
  if (serverTicks > MAX_SERVER_TICKS) invalid(CODE, "totalTicks", settings.totalTicks, `small enough that servers * (totalTicks + maxCooldownTicks) <= ${MAX_SERVER_TICKS}`);
  const requests = settings.requestsPerServerPerTick * settings.requestRateMultiplier * settings.servers * settings.totalTicks;
  if (requests > MAX_REQUESTS) invalid(CODE, "requestsPerServerPerTick", settings.requestsPerServerPerTick, `small enough for at most ${MAX_REQUESTS} requests per run`);
  return { ...settings, loadSteps: checkLoadSteps(merged["loadSteps"]) };
}

/** Validate a run's config (defaults filled in) and compile its picker; frozen. */
export function compileSimConfig(input: SimConfigInput): CompiledSimConfig {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw new ValidationError(CODE, `lbsim: a run config must be an object with at least a picker, got ${quote(input)}`);
  }
  const { picker, ...rest } = input as SimConfigInput & Record<string, unknown>;
  checkKnownKeys(CODE, "config", rest, Object.keys(NOTEBOOK_DEFAULTS), "the lbsim config");
  const settings = checkSettings(rest);
  const channelsPerClient = settings.subsetSize ?? settings.servers;
  const pickerPlan = compilePicker(picker, { servers: settings.servers, clients: settings.clients, channelsPerClient });
  return Object.freeze({ ...settings, channelsPerClient, warmupTicks: warmupTicksFor(settings), picker, pickerPlan });
}
