/** A parsed YAML file that can say where (line, column) any path of its data is. */
import { isMap, isScalar, LineCounter, parseDocument, type Document } from "yaml";

export type DataPath = ReadonlyArray<string | number>;

export interface Position {
  readonly line: number;
  readonly column: number;
}

export interface YamlProblem extends Position {
  readonly message: string;
}

export class YamlSource {
  readonly data: unknown;
  readonly problems: readonly YamlProblem[];
  private readonly document: Document;
  private readonly lines = new LineCounter();

  constructor(text: string) {
    this.document = parseDocument(text, { lineCounter: this.lines, uniqueKeys: true, prettyErrors: false });
    this.problems = [...this.document.errors, ...this.document.warnings].map((error) => {
      const position = this.lines.linePos(error.pos[0]);
      return { line: position.line, column: position.col, message: error.message.split("\n")[0] ?? error.message };
    });
    this.data = this.problems.length === 0 ? this.document.toJS({ maxAliasCount: 100 }) : undefined;
  }

  /** Where a value is; for `key` true, where its key is. Falls back to the nearest enclosing node. */
  positionOf(path: DataPath, key = false): Position {
    for (let depth = path.length; depth >= 0; depth -= 1) {
      const prefix = path.slice(0, depth);
      if (key && depth === path.length && depth > 0) {
        const parent = this.document.getIn(prefix.slice(0, -1), true);
        if (isMap(parent)) {
          const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === prefix[prefix.length - 1]);
          const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
          if (range) return this.at(range[0]);
        }
      }
      const node = prefix.length === 0 ? this.document.contents : this.document.getIn(prefix, true);
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      if (range) return this.at(range[0]);
    }
    return { line: 1, column: 1 };
  }

  private at(offset: number): Position {
    const position = this.lines.linePos(offset);
    return { line: position.line, column: position.col };
  }
}
