/** RunActionRequest.parameters (strings) -> typed values, checked against the action's declared parameters. */
import { TestbenchError, quote } from "../../common/errors.js";
import { StreamErrorCode } from "../streams/stream-errors.js";
import type { ActionDefinition, ParamSpec, ParamValue } from "./action-definition.js";

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function invalid(action: string, parameter: string, problem: string): TestbenchError {
  return new TestbenchError(StreamErrorCode.actionParamsInvalid, `action ${action}: parameter ${parameter} ${problem}`, { context: { action, parameter } });
}

function describe(spec: ParamSpec): string {
  switch (spec.type) {
    case "number":
      return `${spec.integer ? "an integer" : "a number"} in [${spec.min}, ${spec.max}]`;
    case "string":
      return `a string of at most ${spec.maxLength} characters matching /${spec.pattern.source}/`;
    case "enum":
      return `one of ${spec.values.join(", ")}`;
    case "boolean":
      return '"true" or "false"';
  }
}

function convert(spec: ParamSpec, text: string): ParamValue | undefined {
  switch (spec.type) {
    case "number": {
      const value = NUMBER.test(text) ? Number(text) : Number.NaN;
      const ok = Number.isFinite(value) && value >= spec.min && value <= spec.max && (!spec.integer || Number.isInteger(value));
      return ok ? value : undefined;
    }
    case "string":
      return text.length <= spec.maxLength && spec.pattern.test(text) ? text : undefined;
    case "enum":
      return spec.values.includes(text) ? text : undefined;
    case "boolean":
      return text === "true" ? true : text === "false" ? false : undefined;
  }
}

export function validateParams(action: ActionDefinition, raw: Readonly<Record<string, string>>): Readonly<Record<string, ParamValue>> {
  const declared = Object.keys(action.params);
  for (const name of Object.keys(raw)) {
    if (!declared.includes(name)) throw invalid(action.name, name, `is not declared (declared: ${declared.join(", ") || "none"})`);
  }
  const values: Record<string, ParamValue> = {};
  for (const [name, spec] of Object.entries(action.params)) {
    const text = raw[name];
    if (text === undefined) {
      if (spec.default === undefined) throw invalid(action.name, name, `is required (${describe(spec)})`);
      values[name] = spec.default;
      continue;
    }
    const value = convert(spec, text);
    if (value === undefined) throw invalid(action.name, name, `must be ${describe(spec)}, got ${quote(text)}`);
    values[name] = value;
  }
  return Object.freeze(values);
}
