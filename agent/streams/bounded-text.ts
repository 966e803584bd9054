/** Keeps the first `maxBytes` of a text that may grow without bound (a process's output), and counts the rest. */
export class BoundedText {
  private readonly chunks: string[] = [];
  private keptBytes = 0;
  private droppedBytes = 0;

  constructor(readonly maxBytes: number) {}

  append(text: string): void {
    const bytes = Buffer.byteLength(text, "utf8");
    const room = this.maxBytes - this.keptBytes;
    if (bytes <= room) {
      this.chunks.push(text);
      this.keptBytes += bytes;
      return;
    }
    if (room > 0) {
      const kept = Buffer.from(text, "utf8").subarray(0, room).toString("utf8").replace(/\uFFFD$/, "");
      this.chunks.push(kept);
      this.keptBytes += Buffer.byteLength(kept, "utf8");
    }
    this.droppedBytes += bytes - Math.max(0, room);
  }

  appendLine(line: string): void {
    this.append(`${line}\n`);
  }

  get truncated(): boolean {
    return this.droppedBytes > 0;
  }

  /** Bytes that did not fit. */
  get dropped(): number {
    return this.droppedBytes;
  }

  get text(): string {
    return this.chunks.join("");
  }
}
