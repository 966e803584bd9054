/**
 * Templates with `{name}` placeholders ("{{" and "}}" are literal braces), parsed once when the
 * config is read so that a placeholder naming no declared parameter is a config error.
 */
import type { ParamValue } from "./action-definition.js";

export type TemplatePart = { readonly text: string } | { readonly param: string };

export interface Template {
  readonly source: string;
  readonly parts: readonly TemplatePart[];
}

/** A JSON body template: strings are templates; a string that is exactly "{p}" becomes p's typed value. */
export type JsonTemplate = Template | number | boolean | null | readonly JsonTemplate[] | { readonly [key: string]: JsonTemplate };

/** Parse; throws an Error naming the problem (the config reader adds file and line). */
export function parseTemplate(source: string): Template {
  const parts: TemplatePart[] = [];
  let text = "";
  for (let index = 0; index < source.length; index++) {
    const char = source[index];
    const next = source[index + 1];
    if ((char === "{" && next === "{") || (char === "}" && next === "}")) {
      text += char;
      index++;
    } else if (char === "{") {
      const close = source.indexOf("}", index);
      const name = close < 0 ? "" : source.slice(index + 1, close);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`has a malformed placeholder at character ${index + 1} (use {name}, or {{ for a literal brace)`);
      if (text !== "") parts.push({ text });
      text = "";
      parts.push({ param: name });
      index = close;
    } else if (char === "}") {
      throw new Error(`has an unmatched "}" at character ${index + 1} (use }} for a literal brace)`);
    } else {
      text += char;
    }
  }
  if (text !== "" || parts.length === 0) parts.push({ text });
  return Object.freeze({ source, parts: Object.freeze(parts) });
}

export function templateParams(template: Template): readonly string[] {
  return template.parts.flatMap((part) => ("param" in part ? [part.param] : []));
}

export function renderTemplate(template: Template, values: Readonly<Record<string, ParamValue>>, encode: (value: string) => string = (value) => value): string {
  return template.parts.map((part) => ("param" in part ? encode(String(values[part.param])) : part.text)).join("");
}

export function isTemplate(value: JsonTemplate): value is Template {
  return typeof value === "object" && value !== null && !Array.isArray(value) && "parts" in value && "source" in value;
}

export function jsonTemplateParams(template: JsonTemplate): readonly string[] {
  if (isTemplate(template)) return templateParams(template);
  if (Array.isArray(template)) return template.flatMap(jsonTemplateParams);
  if (typeof template === "object" && template !== null) return Object.values(template as Record<string, JsonTemplate>).flatMap(jsonTemplateParams);
  return [];
}

export function renderJsonTemplate(template: JsonTemplate, values: Readonly<Record<string, ParamValue>>): unknown {
  if (isTemplate(template)) {
    const only = template.parts.length === 1 ? template.parts[0] : undefined;
    if (only !== undefined && "param" in only) return values[only.param];
    return renderTemplate(template, values);
  }
  if (Array.isArray(template)) return template.map((item) => renderJsonTemplate(item, values));
  if (typeof template === "object" && template !== null) {
    return Object.fromEntries(Object.entries(template as Record<string, JsonTemplate>).map(([key, value]) => [key, renderJsonTemplate(value, values)]));
  }
  return template;
}
