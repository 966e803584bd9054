/**
 * Typed, line-precise reads from a YAML mapping (yaml's parseDocument keeps source ranges).
 * Every error names the file, the line and the dotted key, and quotes the value.
 */
import { YAMLMap, isMap, isScalar, isSeq, type LineCounter, type Node } from "yaml";
import { ValidationError, quote } from "../../common/errors.js";

export const CONFIG_INVALID = "AGENT_CONFIG_INVALID";

export class YamlFields {
  constructor(
    private readonly file: string,
    private readonly lines: LineCounter,
    private readonly map: YAMLMap,
    private readonly path: string,
    /** Where errors about absent keys point: the mapping itself, or its parent's key when it is absent. */
    private readonly anchorOffset = map.range?.[0] ?? 0,
  ) {}

  private keyPath(key: string): string {
    return this.path === "" ? key : `${this.path}.${key}`;
  }

  /** A ValidationError at `node`, else at the key's value, else at this mapping (the key is absent). */
  error(key: string, problem: string, node?: Node | null): ValidationError {
    const offset = (node ?? this.node(key))?.range?.[0] ?? this.anchorOffset;
    const { line } = this.lines.linePos(offset);
    const keyPath = this.keyPath(key);
    return new ValidationError(CONFIG_INVALID, `${this.file}:${line}: ${keyPath} ${problem}`, {
      context: { file: this.file, line, key: keyPath },
    });
  }

  private node(key: string): Node | undefined {
    const value = this.map.get(key, true);
    return value === null || value === undefined ? undefined : (value as Node);
  }

  has(key: string): boolean {
    return this.node(key) !== undefined;
  }

  /** Refuse keys this mapping does not define (a typo must not silently fall back to a default). */
  rejectUnknownKeys(known: readonly string[]): void {
    for (const pair of this.map.items) {
      const keyNode = pair.key as Node | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
      if (!known.includes(key)) {
        const hint = known.find((candidate) => candidate.toLowerCase() === key.replaceAll(/[_-]/g, "").toLowerCase());
        const suggestion = hint === undefined ? `known keys: ${known.join(", ")}` : `did you mean ${hint}?`;
        throw this.error(key, `is not a known key (${suggestion})`, keyNode);
      }
    }
  }

  private scalar(key: string): { value: unknown; node: Node } | undefined {
    const node = this.node(key);
    if (node === undefined) return undefined;
    if (!isScalar(node)) throw this.error(key, "must be a single value, not a list or mapping", node);
    return { value: node.value, node };
  }

  string(key: string, fallback?: string): string {
    const found = this.scalar(key);
    if (found === undefined) {
      if (fallback === undefined) throw this.error(key, "is required");
      return fallback;
    }
    if (typeof found.value !== "string" || found.value.trim() === "") throw this.error(key, `must be a non-empty string, got ${quote(found.value)}`, found.node);
    return found.value;
  }

  optionalString(key: string): string | undefined {
    return this.has(key) ? this.string(key) : undefined;
  }

  number(key: string, range: { min: number; max: number; integer?: boolean; unit?: string }, fallback?: number): number {
    const found = this.scalar(key);
    if (found === undefined) {
      if (fallback === undefined) throw this.error(key, "is required");
      return fallback;
    }
    const value = found.value;
    const kind = range.integer ? "an integer" : "a number";
    const unit = range.unit === undefined ? "" : ` ${range.unit}`;
    const ok = typeof value === "number" && Number.isFinite(value) && value >= range.min && value <= range.max && (!range.integer || Number.isInteger(value));
    if (!ok) throw this.error(key, `must be ${kind} in [${range.min}, ${range.max}]${unit}, got ${quote(value)}`, found.node);
    return value as number;
  }

  integerList(key: string, range: { min: number; max: number }, fallback: readonly number[]): readonly number[] {
    const node = this.node(key);
    if (node === undefined) return fallback;
    if (!isSeq(node)) throw this.error(key, "must be a list of integers, e.g. [0, 1]", node);
    return Object.freeze(
      node.items.map((item) => {
        const value = isScalar(item) ? item.value : item;
        if (typeof value !== "number" || !Number.isInteger(value) || value < range.min || value > range.max) {
          throw this.error(key, `must hold integers in [${range.min}, ${range.max}], got ${quote(value)}`, item as Node);
        }
        return value;
      }),
    );
  }

  boolean(key: string, fallback: boolean): boolean {
    const found = this.scalar(key);
    if (found === undefined) return fallback;
    if (typeof found.value !== "boolean") throw this.error(key, `must be true or false, got ${quote(found.value)}`, found.node);
    return found.value;
  }

  /** A list of non-empty strings (an argv, channel names). */
  stringList(key: string, options: { minItems?: number } = {}): readonly string[] {
    const node = this.node(key);
    if (node === undefined) throw this.error(key, "is required");
    if (!isSeq(node)) throw this.error(key, 'must be a list of strings, e.g. ["ipmitool", "dcmi", "power", "reading"]', node);
    const items = node.items.map((item) => {
      const value = isScalar(item) ? item.value : item;
      if (typeof value !== "string" && typeof value !== "number") throw this.error(key, `must hold strings, got ${quote(value)}`, item as Node);
      if (String(value) === "") throw this.error(key, "must not hold empty strings", item as Node);
      return String(value);
    });
    if (items.length < (options.minItems ?? 0)) throw this.error(key, `must hold at least ${options.minItems} item(s)`, node);
    return Object.freeze(items);
  }

  /** The keys of this mapping, in file order. */
  keys(): readonly string[] {
    return this.map.items.map((pair) => {
      const keyNode = pair.key as Node | null;
      return isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
    });
  }

  /** The plain value under `key` (for free-form data such as a JSON body). */
  plain(key: string): unknown {
    return this.node(key)?.toJSON();
  }

  /** Each mapping of a list (`meters:`, `actions:`), with paths like meters[0]; absent -> none. */
  list(key: string): readonly YamlFields[] {
    const node = this.node(key);
    if (node === undefined) return [];
    if (!isSeq(node)) throw this.error(key, "must be a list of mappings (items start with -)", node);
    return node.items.map((item, index) => {
      if (!isMap(item)) throw this.error(`${key}[${index}]`, "must be a mapping of keys to values", item as Node);
      return new YamlFields(this.file, this.lines, item, this.keyPath(`${key}[${index}]`));
    });
  }

  /** A nested mapping; absent -> an empty one, so its keys take their defaults. */
  section(key: string, required = false): YamlFields {
    const found = this.node(key);
    // `key:` with nothing after it is an empty mapping.
    const node = isScalar(found) && found.value === null ? undefined : found;
    if (node === undefined) {
      if (required) throw this.error(key, "is required");
      return new YamlFields(this.file, this.lines, new YAMLMap(), this.keyPath(key), this.anchorOffset);
    }
    if (!isMap(node)) throw this.error(key, "must be a mapping of keys to values", node);
    return new YamlFields(this.file, this.lines, node, this.keyPath(key));
  }
}
