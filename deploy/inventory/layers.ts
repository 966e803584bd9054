/**
 * A host's settings come in layers: `defaults`, then its groups in the order listed, then the
 * host itself. Mappings merge key by key (deeply); scalars and lists of a later layer replace.
 * Each layer remembers where it is in the file, so an error about a merged value can point at
 * the line that set it.
 */
import type { DataPath } from "../../controller/campaign/yaml-source.js";

export type Raw = Record<string, unknown>;

export interface Layer {
  /** Where this layer's mapping is in the inventory (e.g. ["groups", "trex"]). */
  readonly path: DataPath;
  readonly data: Raw;
}

export function isMapping(value: unknown): value is Raw {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deep merge of mappings; anything else in `over` replaces what `base` had. */
export function deepMerge(base: Raw, over: Raw): Raw {
  const merged: Raw = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const previous = merged[key];
    merged[key] = isMapping(previous) && isMapping(value) ? deepMerge(previous, value) : value;
  }
  return merged;
}

export function mergeLayers(layers: readonly Layer[]): Raw {
  return layers.reduce<Raw>((merged, layer) => deepMerge(merged, layer.data), {});
}

function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const part of path) {
    if (typeof value !== "object" || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

/**
 * The file path of the layer that decided `keyPath` (relative to a layer): the last layer that
 * sets it, else the last that sets its longest existing prefix, else the last layer itself.
 */
export function definedAt(layers: readonly Layer[], keyPath: DataPath): DataPath {
  for (let depth = keyPath.length; depth > 0; depth -= 1) {
    const prefix = keyPath.slice(0, depth);
    for (let index = layers.length - 1; index >= 0; index -= 1) {
      const layer = layers[index]!;
      if (valueAt(layer.data, prefix) !== undefined) return [...layer.path, ...prefix];
    }
  }
  return layers[layers.length - 1]?.path ?? [];
}

/** "meters[0].kind" -> ["meters", 0, "kind"] */
export function parseDottedKey(key: string): DataPath {
  const parts: Array<string | number> = [];
  for (const segment of key.split(".")) {
    const match = /^([^[\]]*)((?:\[\d+\])*)$/.exec(segment);
    if (match === null) {
      parts.push(segment);
      continue;
    }
    if (match[1] !== "") parts.push(match[1]!);
    for (const index of match[2]!.matchAll(/\[(\d+)\]/g)) parts.push(Number(index[1]));
  }
  return parts;
}
