/** Apply one sweep value to an experiment: `options.<key>` or `device.<key>`. */
import { DEVICE_STRING_KEYS } from "../../common/devices/index.js";
import type { OptionValue } from "./model.js";

export interface SweepTarget {
  readonly algorithm: "mlr" | "rfc2544" | "plr";
  readonly preset: string;
  readonly options: Readonly<Record<string, OptionValue>>;
  readonly device: unknown;
}

export type SweepResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

export function applySweep<T extends SweepTarget>(target: T, parameter: string, value: OptionValue): SweepResult<T> {
  const [head, key, ...rest] = parameter.split(".");
  if (rest.length > 0 || key === undefined) return { ok: false, message: `sweep parameter "${parameter}" must be options.<key> or device.<key>` };
  if (head === "options") return { ok: true, value: { ...target, options: { ...target.options, [key]: value } } };
  if (head === "device") {
    if (!Object.hasOwn(DEVICE_STRING_KEYS, key)) {
      return { ok: false, message: `sweep parameter "${parameter}": devices have no "${key}"; they have ${Object.keys(DEVICE_STRING_KEYS).join(", ")}` };
    }
    if (typeof target.device === "string") {
      const [kind, body = ""] = target.device.split(":", 2);
      const kept = body.split(",").filter((item) => item.trim() !== "" && item.split("=")[0]?.trim() !== key);
      return { ok: true, value: { ...target, device: `${kind}:${[...kept, `${key}=${String(value)}`].join(",")}` } };
    }
    if (typeof target.device === "object" && target.device !== null) return { ok: true, value: { ...target, device: { ...target.device, [key]: value } } };
    return { ok: false, message: `sweep parameter "${parameter}" needs a device on the experiment` };
  }
  return { ok: false, message: `sweep parameter "${parameter}" must start with options. or device.` };
}
