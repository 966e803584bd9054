/** Run a JSON Schema over YAML data and turn ajv's errors into located, readable issues. */
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import type { CampaignIssue } from "./issues.js";
import { dottedPath } from "./issues.js";
import type { DataPath, YamlSource } from "./yaml-source.js";

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const compiled = new WeakMap<object, ValidateFunction>();

function validatorFor(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

function pathOf(pointer: string): Array<string | number> {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const part of path) value = (value as Record<string | number, unknown> | undefined)?.[part];
  return value;
}

function describe(error: ErrorObject, data: unknown): { path: Array<string | number>; key: boolean; message: string } {
  const path = pathOf(error.instancePath);
  const got = JSON.stringify(valueAt(data, path));
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "additionalProperties": {
      const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      return { path: [...path, String(params["additionalProperty"])], key: true, message: `unknown key "${String(params["additionalProperty"])}"${known.length ? `; known keys: ${known.join(", ")}` : ""}` };
    }
    case "required":
      return { path, key: false, message: `missing required key "${String(params["missingProperty"])}"` };
    case "enum":
      return { path, key: false, message: `must be one of ${(params["allowedValues"] as unknown[]).map((v) => JSON.stringify(v)).join(", ")}; got ${got}` };
    case "propertyNames":
      return { path, key: false, message: `has an invalid name: ${JSON.stringify(params["propertyName"])} (use letters, digits, _ . -)` };
    default:
      return { path, key: false, message: `${error.message ?? "is invalid"}; got ${got}` };
  }
}

/** Validate `data` (found at `basePath` of the file) against `schema`. */
export function checkSchema(schema: object, data: unknown, basePath: DataPath, source: YamlSource, file: string): CampaignIssue[] {
  const validate = validatorFor(schema);
  if (validate(data)) return [];
  const seen = new Set<string>();
  const issues: CampaignIssue[] = [];
  const errors = validate.errors ?? [];
  // Alternatives (anyOf) report every branch's complaint at the same place; keep one line there.
  const alternatives = new Set(errors.filter((error) => error.keyword === "anyOf").map((error) => error.instancePath));
  for (const error of errors) {
    if (error.keyword === "if") continue;
    if (error.keyword !== "anyOf" && alternatives.has(error.instancePath) && error.schemaPath.includes("/anyOf/")) continue;
    const described = describe(error, data);
    const { path, key } = described;
    const message = error.keyword === "anyOf" ? `is not one of the allowed forms; got ${JSON.stringify(valueAt(data, path))}` : described.message;
    const fullPath = [...basePath, ...path];
    const position = source.positionOf(fullPath, key);
    const issue = { file, line: position.line, column: position.column, key: dottedPath(fullPath), message };
    const id = `${issue.key}|${issue.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    issues.push(issue);
  }
  return issues;
}
