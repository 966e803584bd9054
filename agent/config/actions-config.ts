/**
 * Read agent.yaml `actions:` (docs/actions.md): a command (fixed argv) or an HTTP request, typed
 * parameters, and templates whose every placeholder names a declared parameter (and every declared
 * parameter is used), checked with the line of the offending key.
 */
import { DEFAULT_STRING_PATTERN, type ActionDefinition, type ParamSpec } from "../actions/action-definition.js";
import { jsonTemplateParams, parseTemplate, templateParams, type JsonTemplate, type Template } from "../actions/template.js";
import { NAME_PATTERN } from "./meters-config.js";
import type { YamlFields } from "./yaml-fields.js";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const PARAM_TYPES = ["number", "integer", "string", "enum", "boolean"];

function template(fields: YamlFields, key: string, source: string): Template {
  try {
    return parseTemplate(source);
  } catch (error) {
    throw fields.error(key, `${error instanceof Error ? error.message : String(error)}: ${JSON.stringify(source)}`);
  }
}

function jsonTemplate(fields: YamlFields, value: unknown): JsonTemplate {
  if (typeof value === "string") return template(fields, "json", value);
  if (typeof value === "number" || typeof value === "boolean" || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => jsonTemplate(fields, item));
  if (typeof value === "object") return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, item]) => [key, jsonTemplate(fields, item)]));
  throw fields.error("json", `holds a value that is not JSON: ${String(value)}`);
}

function readParam(params: YamlFields, name: string): ParamSpec {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw params.error(name, "is not a valid parameter name (letters, digits, _; not starting with a digit)");
  const spec = params.section(name, true);
  const type = spec.string("type");
  if (!PARAM_TYPES.includes(type)) throw spec.error("type", `must be one of ${PARAM_TYPES.join(", ")}, got ${JSON.stringify(type)}`);
  if (type === "number" || type === "integer") {
    spec.rejectUnknownKeys(["type", "min", "max", "default"]);
    const integer = type === "integer";
    const min = spec.number("min", { min: -1e15, max: 1e15, integer }, integer ? Number.MIN_SAFE_INTEGER : -1e15);
    const max = spec.number("max", { min, max: 1e15, integer }, integer ? Number.MAX_SAFE_INTEGER : 1e15);
    const fallback = spec.has("default") ? spec.number("default", { min, max, integer }) : undefined;
    return Object.freeze({ type: "number", min, max, integer, ...(fallback === undefined ? {} : { default: fallback }) });
  }
  if (type === "string") {
    spec.rejectUnknownKeys(["type", "pattern", "maxLength", "default"]);
    let pattern = DEFAULT_STRING_PATTERN;
    if (spec.has("pattern")) {
      try {
        pattern = new RegExp(`^(?:${spec.string("pattern")})$`);
      } catch (error) {
        throw spec.error("pattern", `is not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const maxLength = spec.number("maxLength", { min: 1, max: 4096, integer: true }, 256);
    const fallback = spec.optionalString("default");
    if (fallback !== undefined && (!pattern.test(fallback) || fallback.length > maxLength)) throw spec.error("default", `does not match the parameter's pattern /${pattern.source}/`);
    return Object.freeze({ type: "string", pattern, maxLength, ...(fallback === undefined ? {} : { default: fallback }) });
  }
  if (type === "enum") {
    spec.rejectUnknownKeys(["type", "values", "default"]);
    const values = spec.stringList("values", { minItems: 1 });
    const fallback = spec.optionalString("default");
    if (fallback !== undefined && !values.includes(fallback)) throw spec.error("default", `must be one of ${values.join(", ")}`);
    return Object.freeze({ type: "enum", values, ...(fallback === undefined ? {} : { default: fallback }) });
  }
  spec.rejectUnknownKeys(["type", "default"]);
  return Object.freeze({ type: "boolean", ...(spec.has("default") ? { default: spec.boolean("default", false) } : {}) });
}

function readHttp(item: YamlFields): Omit<Extract<ActionDefinition, { kind: "http" }>, "name" | "params" | "timeoutS"> {
  const http = item.section("http", true);
  http.rejectUnknownKeys(["method", "url", "headers", "body", "json"]);
  const method = http.string("method", "POST").toUpperCase();
  if (!METHODS.includes(method)) throw http.error("method", `must be one of ${METHODS.join(", ")}, got ${JSON.stringify(method)}`);
  const url = http.string("url");
  if (!/^https?:\/\//.test(url)) throw http.error("url", `must be an http:// or https:// URL, got ${JSON.stringify(url)}`);
  const headerFields = http.section("headers");
  const headers = Object.fromEntries(headerFields.keys().map((name) => [name, template(headerFields, name, headerFields.string(name))]));
  if (http.has("body") && http.has("json")) throw http.error("json", "cannot be given together with body; keep one");
  const body = http.has("json")
    ? { kind: "json" as const, template: jsonTemplate(http, http.plain("json")) }
    : http.has("body")
      ? { kind: "text" as const, template: template(http, "body", http.string("body")) }
      : undefined;
  return { kind: "http", method, url: template(http, "url", url), headers: Object.freeze(headers), body };
}

function checkPlaceholders(item: YamlFields, paramFields: YamlFields, action: ActionDefinition): void {
  const used =
    action.kind === "command"
      ? action.argv.flatMap(templateParams)
      : [...templateParams(action.url), ...Object.values(action.headers).flatMap(templateParams), ...(action.body === undefined ? [] : action.body.kind === "json" ? jsonTemplateParams(action.body.template) : templateParams(action.body.template))];
  const where = action.kind === "command" ? "command" : "http";
  const declared = Object.keys(action.params);
  const unknown = used.find((name) => !declared.includes(name));
  if (unknown !== undefined) throw item.error(where, `uses {${unknown}}, which params does not declare`);
  const unused = declared.find((name) => !used.includes(name));
  if (unused !== undefined) throw paramFields.error(unused, `is declared but no {${unused}} placeholder uses it`);
}

function readAction(item: YamlFields): ActionDefinition {
  item.rejectUnknownKeys(["name", "command", "http", "params", "timeoutS"]);
  const name = item.string("name");
  if (!NAME_PATTERN.test(name)) throw item.error("name", `must be 1 to 64 letters, digits, "_", ".", ":" or "-", got ${JSON.stringify(name)}`);
  if (item.has("command") === item.has("http")) throw item.error("command", "or http is required, and only one of them");
  const paramFields = item.section("params");
  const params = Object.freeze(Object.fromEntries(paramFields.keys().map((param) => [param, readParam(paramFields, param)])));
  const timeoutS = item.number("timeoutS", { min: 0.001, max: 86_400, unit: "s" }, 30);
  const action: ActionDefinition = item.has("command")
    ? { kind: "command", name, params, timeoutS, argv: Object.freeze(item.stringList("command", { minItems: 1 }).map((source) => template(item, "command", source))) }
    : { name, params, timeoutS, ...readHttp(item) };
  checkPlaceholders(item, paramFields, action);
  if (action.kind === "command" && templateParams(action.argv[0]!).length > 0) throw item.error("command", "must name a fixed executable: argv[0] cannot hold a placeholder");
  return Object.freeze(action);
}

export function readActionsConfig(root: YamlFields): readonly ActionDefinition[] {
  const items = root.list("actions");
  const actions = items.map(readAction);
  actions.forEach((action, index) => {
    if (actions.findIndex((other) => other.name === action.name) !== index) throw items[index]!.error("name", `repeats the action name ${JSON.stringify(action.name)}`);
  });
  return Object.freeze(actions);
}
