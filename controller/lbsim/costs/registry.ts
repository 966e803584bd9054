/** Cost functions by name. */
import { ValidationError, quote } from "../../../common/errors.js";
import { LBSIM_ERROR_CODES } from "../errors.js";
import { CLIENT_COSTS } from "./client-costs.js";
import type { CostFunction } from "./cost.js";
import { SERVER_COSTS } from "./server-costs.js";

const COSTS = new Map<string, CostFunction>([...CLIENT_COSTS, ...SERVER_COSTS].map((cost) => [cost.name, cost]));

export function costNames(): string[] {
  return [...COSTS.keys()];
}

/** The cost function called `name`; LBSIM_COST_UNKNOWN (naming `key`) otherwise. */
export function resolveCost(name: unknown, key: string): CostFunction {
  const cost = typeof name === "string" ? COSTS.get(name) : undefined;
  if (cost !== undefined) return cost;
  throw new ValidationError(LBSIM_ERROR_CODES.costUnknown, `lbsim: ${key} names no cost function: got ${quote(name)}; known: ${costNames().join(", ")}`, {
    context: { key, value: typeof name === "string" ? name : quote(name) },
  });
}
