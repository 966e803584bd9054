/**
 * Actions as agent.yaml defines them (docs/actions.md): a command with a fixed argv, or an HTTP
 * request to a fixed URL, with typed parameters substituted into declared slots. The controller
 * only names an action and gives parameter values; it can run nothing else.
 */
import type { Template, JsonTemplate } from "./template.js";

export type ParamSpec =
  | { readonly type: "number"; readonly min: number; readonly max: number; readonly integer: boolean; readonly default?: number }
  | { readonly type: "string"; readonly pattern: RegExp; readonly maxLength: number; readonly default?: string }
  | { readonly type: "enum"; readonly values: readonly string[]; readonly default?: string }
  | { readonly type: "boolean"; readonly default?: boolean };

export type ParamValue = number | string | boolean;

interface ActionCommon {
  readonly name: string;
  readonly params: Readonly<Record<string, ParamSpec>>;
  /** Longest run, seconds; then the command is killed (SIGTERM, SIGKILL 2 s later) or the request aborted. */
  readonly timeoutS: number;
}

export interface CommandAction extends ActionCommon {
  readonly kind: "command";
  /** argv[0] is the executable; each element is one argument after substitution (no shell, no splitting). */
  readonly argv: readonly Template[];
}

export interface HttpAction extends ActionCommon {
  readonly kind: "http";
  readonly method: string;
  /** Substituted values are URL-encoded. */
  readonly url: Template;
  readonly headers: Readonly<Record<string, Template>>;
  /** A text body (values substituted as they are) or a JSON body (a value that is exactly "{p}" keeps its type). */
  readonly body: { readonly kind: "text"; readonly template: Template } | { readonly kind: "json"; readonly template: JsonTemplate } | undefined;
}

export type ActionDefinition = CommandAction | HttpAction;

/** Default pattern of string parameters: no spaces, no leading "-" (a value must not turn into an option). */
export const DEFAULT_STRING_PATTERN = /^[A-Za-z0-9_.:@/+=,][A-Za-z0-9_.:@/+=,-]*$/;

/** Output kept per stream (stdout, stderr or the HTTP response body), bytes. */
export const MAX_ACTION_OUTPUT_BYTES = 64 * 1024;
