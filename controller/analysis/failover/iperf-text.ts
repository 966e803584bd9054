/**
 * An iperf3 text capture (server or client, plain or with wall-clock prefixes) split into tests
 * (a persistent server prints one per client) with their interval lines. Parallel streams are
 * reduced to one line per interval: the [SUM] lines when printed, else the streams summed.
 * Lenient where real captures are messy (banners, blank lines, a last line cut off when the
 * process was killed); a malformed interval line elsewhere is an error naming the line.
 */
import { inputError } from "./errors.js";
import { classifyTextLine, type TextInterval } from "./iperf-text-line.js";
import { splitLineStamp, type LineStamp } from "./line-stamp.js";

export interface StampedInterval {
  readonly interval: TextInterval;
  /** The wall-clock prefix of the line: about when the interval ended. */
  readonly stamp: LineStamp | null;
}

export interface TextTest {
  readonly acceptedAt: LineStamp | null;
  readonly intervals: readonly StampedInterval[];
  readonly summaries: readonly TextInterval[];
  readonly errors: readonly string[];
}

export interface TextLog {
  readonly tests: readonly TextTest[];
  readonly warnings: readonly string[];
}

interface Building {
  acceptedAt: LineStamp | null;
  intervals: StampedInterval[];
  summaries: TextInterval[];
  errors: string[];
  ended: boolean;
}

function fresh(acceptedAt: LineStamp | null = null): Building {
  return { acceptedAt, intervals: [], summaries: [], errors: [], ended: false };
}

function sumOf(lines: readonly StampedInterval[]): StampedInterval {
  const add = (pick: (interval: TextInterval) => number | null) => {
    const values = lines.map((line) => pick(line.interval)).filter((value): value is number => value !== null);
    return values.length === 0 ? null : values.reduce((sum, value) => sum + value, 0);
  };
  const first = lines[0] as StampedInterval;
  const jitters = lines.map((line) => line.interval.jitterMs).filter((value): value is number => value !== null);
  const stamps = lines.map((line) => line.stamp).filter((stamp): stamp is LineStamp => stamp !== null);
  return {
    interval: {
      ...first.interval,
      streamId: "SUM",
      bytes: add((interval) => interval.bytes) ?? 0,
      bitsPerSecond: add((interval) => interval.bitsPerSecond) ?? 0,
      packets: add((interval) => interval.packets),
      lostPackets: add((interval) => interval.lostPackets),
      retransmits: add((interval) => interval.retransmits),
      jitterMs: jitters.length === 0 ? null : jitters.reduce((sum, value) => sum + value, 0) / jitters.length,
    },
    stamp: stamps.reduce<LineStamp | null>((latest, stamp) => (latest === null || stamp.unixNs > latest.unixNs ? stamp : latest), null),
  };
}

/** One line per interval: [SUM] lines when the capture has them, else the streams added up. */
function perInterval(lines: readonly StampedInterval[]): StampedInterval[] {
  if (lines.some((line) => line.interval.streamId === "SUM")) return lines.filter((line) => line.interval.streamId === "SUM");
  if (new Set(lines.map((line) => line.interval.streamId)).size <= 1) return [...lines];
  const groups = new Map<string, StampedInterval[]>();
  for (const line of lines) {
    const key = `${line.interval.startS}-${line.interval.endS}`;
    groups.set(key, [...(groups.get(key) ?? []), line]);
  }
  return [...groups.values()].map(sumOf);
}

function finish(test: Building): TextTest {
  return { acceptedAt: test.acceptedAt, intervals: perInterval(test.intervals), summaries: test.summaries, errors: test.errors };
}

function isEmpty(test: Building): boolean {
  return test.intervals.length === 0 && test.summaries.length === 0 && test.errors.length === 0 && test.acceptedAt === null;
}

/** Parses a capture; `source` names it in errors, `ctimeUtcOffsetS` reads --timestamps ctime stamps. */
export function parseIperfText(text: string, source: string, ctimeUtcOffsetS = 0): TextLog {
  const lines = text.split(/\r?\n/);
  const lastContent = lines.reduce((last, line, index) => (line.trim() === "" ? last : index), -1);
  const tests: TextTest[] = [];
  const warnings: string[] = [];
  let current = fresh();
  let recognised = 0;
  lines.forEach((raw, index) => {
    const { stamp, rest } = splitLineStamp(raw, ctimeUtcOffsetS);
    const line = classifyTextLine(rest);
    if (line.kind !== "other") recognised += 1;
    switch (line.kind) {
      case "listening":
      case "accepted":
        if (!isEmpty(current) && (line.kind === "listening" || current.intervals.length > 0 || current.acceptedAt !== null)) {
          tests.push(finish(current));
          current = fresh();
        }
        if (line.kind === "accepted") current.acceptedAt = stamp;
        return;
      case "interval":
        if (!current.ended) current.intervals.push({ interval: line.interval, stamp });
        return;
      case "summary":
        current.summaries.push(line.interval);
        return;
      case "separator":
        current.ended = true;
        return;
      case "error":
        current.errors.push(line.message);
        return;
      case "garbled":
        if (index === lastContent) warnings.push(`${source}:${index + 1}: ignored the last line, which is cut off: ${JSON.stringify(raw)}`);
        else throw inputError({ source, line: index + 1 }, "an iperf3 interval line that does not parse", raw);
        return;
      case "other":
        return;
    }
  });
  if (!isEmpty(current)) tests.push(finish(current));
  if (recognised === 0) {
    const firstLine = lines.find((line) => line.trim() !== "") ?? "";
    throw inputError({ source, line: 1 }, "no iperf3 text output in the file (no interval, banner or error line)", firstLine);
  }
  return { tests, warnings };
}
